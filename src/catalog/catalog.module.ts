import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { CatalogSearchController } from './catalog-search.controller';
import { SearchCatalogHandler } from './catalog-search';
import { CatalogImportsController } from './imports/catalog-imports.controller';
import { ImportApplier } from './imports/import-applier';
import { ImportProfilesController } from './imports/import-profiles.controller';
import { ImportProgressBoard } from './imports/import-progress';
import { ImportStaging } from './imports/import-staging';
import { ReceivingImports } from './imports/receiving-imports';
import { SheetReceiver } from './imports/sheet-receiver';
import { ProductController } from './product.controller';
import {
  DiscontinueProductHandler,
  ListProductHandler,
  ReviseProductHandler,
} from './product.handlers';
import { GetProductHandler, ListProductsHandler } from './product.queries';
import { ProductSnapshots } from './product-snapshots';

@Module({
  controllers: [
    ProductController,
    CatalogSearchController,
    CatalogImportsController,
    ImportProfilesController,
  ],
  providers: [
    ListProductHandler,
    ReviseProductHandler,
    DiscontinueProductHandler,
    GetProductHandler,
    ListProductsHandler,
    SearchCatalogHandler,
    ProductSnapshots,
    SheetReceiver,
    ReceivingImports,
    ImportApplier,
    ImportProgressBoard,
    {
      provide: ImportStaging,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new ImportStaging(join(config.dataDir, 'catalog-imports.sqlite')),
    },
  ],
  exports: [ProductSnapshots],
})
export class CatalogModule {}
