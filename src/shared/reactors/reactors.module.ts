import {
  type BeforeApplicationShutdown,
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { allReactors } from '../../all-reactors';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../readmodels/read-model-store.port';
import { ConsumersSettled } from '../consumers/consumers-settled';
import { ReactorEngine } from './reactor-engine';

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

/** Imports CqrsModule so that its command handlers are registered before any reactor starts. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: ReactorEngine,
      inject: [EVENT_STORE, READ_MODEL_STORE, CommandBus],
      useFactory: (events: EventStore, readModels: ReadModelStore, commands: CommandBus) =>
        new ReactorEngine(
          events,
          readModels,
          allReactors,
          (command) => commands.execute(command),
          new Logger('Reactors'),
        ),
    },
    ReactorEngineLifecycle,
    ConsumersSettled,
  ],
  exports: [ReactorEngine, ConsumersSettled],
})
export class ReactorsModule {}
