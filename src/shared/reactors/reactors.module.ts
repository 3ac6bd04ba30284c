import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../readmodels/read-model-store.port';
import { ConsumersSettled } from '../consumers/consumers-settled';
import { ReactorEngine } from './reactor-engine';
import type { Workflow } from './workflow';

@Injectable()
class ReactorEngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly engine: ReactorEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}

/**
 * Runs the workflows it is handed, each on its own checkpointed subscription. Imports CqrsModule
 * so that its command handlers are registered before any workflow starts.
 */
@Global()
@Module({})
export class ReactorsModule {
  static forRoot(workflows: readonly Workflow[]): DynamicModule {
    return {
      module: ReactorsModule,
      imports: [CqrsModule],
      providers: [
        {
          provide: ReactorEngine,
          inject: [EVENT_STORE, READ_MODEL_STORE, CommandBus],
          useFactory: (events: EventStore, readModels: ReadModelStore, commands: CommandBus) =>
            new ReactorEngine(
              events,
              readModels,
              workflows,
              (command) => commands.execute(command),
              new Logger('Reactors'),
            ),
        },
        ReactorEngineLifecycle,
        ConsumersSettled,
      ],
      exports: [ReactorEngine, ConsumersSettled],
    };
  }
}
