import { Global, Module } from '@nestjs/common';
import { Clock } from '../time/clock';
import { DeciderExecutor } from './decider-executor';
import { SequenceAllocator } from './sequence-allocator';

@Global()
@Module({
  providers: [Clock, DeciderExecutor, SequenceAllocator],
  exports: [Clock, DeciderExecutor, SequenceAllocator],
})
export class CommandsModule {}
