import {
  type BeforeApplicationShutdown,
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { allProjections } from '../../../projections/all-projections';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../readmodels/read-model-store.port';
import { ProjectionEngine } from './projection-engine';
import { ReadModels } from './read-models';

@Injectable()
class ProjectionEngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly engine: ProjectionEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: ProjectionEngine,
      inject: [EVENT_STORE, READ_MODEL_STORE],
      useFactory: (events: EventStore, readModels: ReadModelStore) =>
        new ProjectionEngine(events, readModels, allProjections, new Logger('Projections')),
    },
    ProjectionEngineLifecycle,
    ReadModels,
  ],
  exports: [ProjectionEngine, ReadModels],
})
export class ProjectionsModule {}
