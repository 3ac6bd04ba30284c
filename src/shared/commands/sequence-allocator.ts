import { Injectable } from '@nestjs/common';
import { WrongExpectedVersionError } from '../eventstore/event-store.errors';
import { streams } from '../eventstore/stream-names';
import type { CommandContext } from './command-context';
import { DeciderExecutor } from './decider-executor';
import { sequenceDecider } from './sequence.decider';

const BLOCK_SIZE = 50;

interface Block {
  next: number;
  last: number;
}

/**
 * Human numbers (BO-000123, PO-000045) from per-sequence counters. Each process reserves a block
 * of numbers with one event and hands them out from memory, so numbering costs no write per
 * order. Numbers are unique and rising within a process; a crash leaves the rest of its block
 * unused (a gap), which a human reference can afford.
 */
@Injectable()
export class SequenceAllocator {
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(private readonly executor: DeciderExecutor) {}

  async next(sequence: string, context: CommandContext): Promise<number> {
    for (;;) {
      const block = this.blocks.get(sequence);
      if (block && block.next <= block.last) return block.next++;
      let pending = this.reserving.get(sequence);
      if (!pending) {
        pending = this.reserve(sequence, context).finally(() => this.reserving.delete(sequence));
        this.reserving.set(sequence, pending);
      }
      await pending;
    }
  }

  private async reserve(sequence: string, context: CommandContext): Promise<void> {
    for (;;) {
      try {
        const outcome = await this.executor.execute(
          sequenceDecider,
          streams.sequence(sequence),
          { kind: 'ReserveSequenceBlock', sequence, size: BLOCK_SIZE },
          context,
        );
        const { first, last } = outcome.events[0].data;
        this.blocks.set(sequence, { next: first, last });
        return;
      } catch (error) {
        // Another process reserved a block first: take the one after it.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
  }
}

export function formatNumber(prefix: string, value: number): string {
  return `${prefix}-${String(value).padStart(6, '0')}`;
}
