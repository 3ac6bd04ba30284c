import type { Decider, DomainEvent } from '../domain/decider';

export type SequenceBlockReserved = DomainEvent<
  'SequenceBlockReserved',
  { readonly sequence: string; readonly first: number; readonly last: number }
>;

export interface ReserveSequenceBlock {
  readonly kind: 'ReserveSequenceBlock';
  readonly sequence: string;
  readonly size: number;
}

export interface SequenceState {
  readonly next: number;
}

/** A counter that hands out blocks of numbers, so a busy counter is not written once per number. */
export const sequenceDecider: Decider<ReserveSequenceBlock, SequenceBlockReserved, SequenceState> =
  {
    initialState: { next: 1 },
    evolve: (_state, event) => ({ next: event.data.last + 1 }),
    decide: (command, state) => [
      {
        type: 'SequenceBlockReserved',
        data: {
          sequence: command.sequence,
          first: state.next,
          last: state.next + command.size - 1,
        },
      },
    ],
  };
