import { Global, Module } from '@nestjs/common';
import { Clock } from '../time/clock';
import { DeciderExecutor } from './decider-executor';

@Global()
@Module({
  providers: [Clock, DeciderExecutor],
  exports: [Clock, DeciderExecutor],
})
export class CommandsModule {}
