import { Module } from '@nestjs/common';
import { ProductController } from './product.controller';
import {
  DiscontinueProductHandler,
  ListProductHandler,
  ReviseProductHandler,
} from './product.handlers';
import { GetProductHandler, ListProductsHandler } from './product.queries';
import { ProductSnapshots } from './product-snapshots';

@Module({
  controllers: [ProductController],
  providers: [
    ListProductHandler,
    ReviseProductHandler,
    DiscontinueProductHandler,
    GetProductHandler,
    ListProductsHandler,
    ProductSnapshots,
  ],
  exports: [ProductSnapshots],
})
export class CatalogModule {}
