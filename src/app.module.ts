import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AccountingModule } from './accounting/accounting.module';
import { allProjections } from '../projections/all-projections';
import { eventVersions } from './all-event-versions';
import { allWorkflows } from './all-workflows';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { CustomersModule } from './customers/customers.module';
import { BackordersModule } from './backorders/backorders.module';
import { HealthModule } from './health/health.module';
import { ImagesModule } from './images/images.module';
import { NotificationsModule } from './notifications/notifications.module';
import { InventoryModule } from './inventory/inventory.module';
import { PaymentsModule } from './payments/payments.module';
import { PurchasingModule } from './purchasing/purchasing.module';
import { VendorsModule } from './vendors/vendors.module';
import { ReceivingModule } from './receiving/receiving.module';
import { VendorBillsModule } from './vendor-bills/vendor-bills.module';
import { CommandsModule } from './shared/commands/commands.module';
import { APP_CONFIG, type AppConfig } from './shared/config/app-config';
import { ConfigModule } from './shared/config/config.module';
import { EventStoreModule } from './shared/eventstore/event-store.module';
import { requestIdOf } from './shared/http/request-id';
import { HttpModule } from './shared/http/http.module';
import { ProjectionsModule } from './shared/projections/projections.module';
import { ReactorsModule } from './shared/reactors/reactors.module';
import { ReadModelsModule } from './shared/readmodels/read-models.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestIdOf,
          // One short line per request: id, method, url, status and time; never headers or bodies.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(eventVersions),
    ReadModelsModule,
    ProjectionsModule.forRoot({
      projections: allProjections,
      source: {
        file: require.resolve('../projections/all-projections'),
        exportName: 'allProjections',
      },
      eventVersions: { file: require.resolve('./all-event-versions'), exportName: 'eventVersions' },
    }),
    ReactorsModule.forRoot(allWorkflows),
    CommandsModule,
    HttpModule,
    AuthModule,
    HealthModule,
    AuditModule,
    VendorsModule,
    PurchasingModule,
    CatalogModule,
    CustomersModule,
    InventoryModule,
    BackordersModule,
    ReceivingModule,
    NotificationsModule,
    AccountingModule,
    ImagesModule,
    PaymentsModule,
    VendorBillsModule,
  ],
})
export class AppModule {}
