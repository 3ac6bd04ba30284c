import { Global, Module } from '@nestjs/common';
import { Clock } from '../time/clock';
import { DeciderExecutor } from './decider-executor';
import { InOneWriteHandler } from './in-one-write';
import { StreamStates } from './stream-states';
import { SequenceAllocator } from './sequence-allocator';

@Global()
@Module({
  providers: [Clock, DeciderExecutor, StreamStates, SequenceAllocator, InOneWriteHandler],
  exports: [Clock, DeciderExecutor, StreamStates, SequenceAllocator],
})
export class CommandsModule {}
