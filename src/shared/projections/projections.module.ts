import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../readmodels/read-model-store.port';
import { ProjectionEngine } from './projection-engine';
import type { ProjectionRegistry } from './projection-registry';
import { PROJECTION_READ_SIDE, type ProjectionReadSide } from './projection-read-side';
import { ProjectionWorkerHost } from './projection-worker-host';
import { ReadModels } from './read-models';

@Injectable()
class ProjectionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PROJECTION_READ_SIDE) private readonly projections: ProjectionReadSide) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.stop();
  }
}

/** Runs the projections it is handed, in this thread or a worker (PROJECTIONS_THREAD). */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(registry: ProjectionRegistry): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: PROJECTION_READ_SIDE,
          inject: [APP_CONFIG, EVENT_STORE, READ_MODEL_STORE],
          useFactory: (
            config: AppConfig,
            events: EventStore,
            readModels: ReadModelStore,
          ): ProjectionReadSide => {
            const logger = new Logger('Projections');
            return config.projectionsThread === 'worker'
              ? new ProjectionWorkerHost(config, events, registry, logger)
              : new ProjectionEngine(events, readModels, registry.projections, logger);
          },
        },
        ProjectionsLifecycle,
        ReadModels,
      ],
      exports: [PROJECTION_READ_SIDE, ReadModels],
    };
  }
}
