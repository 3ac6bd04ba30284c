import { Global, Module } from '@nestjs/common';
import { PRODUCT_CATALOG, type ProductCatalog } from '../inventory/product-catalog.port';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { VendorsModule } from '../vendors/vendors.module';
import { CatalogSearchController } from './catalog-search.controller';
import { SearchCatalogHandler } from './catalog-search';
import { CatalogImportsController } from './imports/catalog-imports.controller';
import { catalogImportCommandHandlers } from './imports/catalog-import.handlers';
import { ImportApplier } from './imports/import-applier';
import { importProfilesCommandHandlers } from './imports/import-profiles.handlers';
import { ImportProfilesController } from './imports/import-profiles.controller';
import { ImportProgressBoard } from './imports/import-progress';
import { ImportStagingLifecycle, openImportStaging } from './imports/import-staging';
import { IMPORT_STAGING } from './imports/import-staging.port';
import { ReceivingImports } from './imports/receiving-imports';
import { SheetParsingThread } from './imports/sheet-parsing-thread';
import { SheetReceiver } from './imports/sheet-receiver';
import { ProductController } from './product.controller';
import { productCommandHandlers } from './product.handlers';
import { GetProductHandler, ListProductsHandler } from './product.queries';
import { ProductSnapshots } from './product-snapshots';

/**
 * The catalog's read ports: ProductSnapshots, and inventory's PRODUCT_CATALOG port, global so
 * that inventory imports no catalog module.
 */
@Global()
@Module({
  imports: [VendorsModule],
  providers: [
    ProductSnapshots,
    {
      provide: PRODUCT_CATALOG,
      inject: [ProductSnapshots],
      useFactory: (products: ProductSnapshots): ProductCatalog => ({
        isListed: async (productId) => (await products.find(productId)) !== null,
      }),
    },
  ],
  exports: [ProductSnapshots, PRODUCT_CATALOG],
})
class ProductCatalogModule {}

@Module({
  imports: [VendorsModule, ProductCatalogModule],
  controllers: [
    ProductController,
    CatalogSearchController,
    CatalogImportsController,
    ImportProfilesController,
  ],
  providers: [
    ...productCommandHandlers,
    ...catalogImportCommandHandlers,
    ...importProfilesCommandHandlers,
    GetProductHandler,
    ListProductsHandler,
    SearchCatalogHandler,
    SheetReceiver,
    SheetParsingThread,
    ReceivingImports,
    ImportApplier,
    ImportProgressBoard,
    {
      provide: IMPORT_STAGING,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openImportStaging(config),
    },
    ImportStagingLifecycle,
  ],
  exports: [ProductCatalogModule],
})
export class CatalogModule {}
