import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ImageStoreModule } from '../shared/images/images.module';
import { ProductImagesController } from './product-images.controller';
import { ProductImages } from './product-images.service';

@Module({
  imports: [ImageStoreModule, CatalogModule],
  controllers: [ProductImagesController],
  providers: [ProductImages],
})
export class ImagesModule {}
