import type { CommandContext } from '../commands/command-context';
import type { Decider, DomainEvent } from '../domain/decider';

/** The first answer to a request sent with an Idempotency-Key: what a retry gets back. */
export interface CompletedRequest {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type IdempotentRequestCompleted = DomainEvent<
  'IdempotentRequestCompleted',
  CompletedRequest
>;

export class RecordCompletedRequest {
  readonly kind = 'RecordCompletedRequest';

  constructor(
    /** The digest of actor, method, route and key: names the request's stream. */
    readonly requestKey: string,
    readonly completed: CompletedRequest,
    readonly context: CommandContext,
  ) {}
}

/** The first answer is kept: a concurrent retry's answer describes the same outcome. */
export const idempotentRequestDecider: Decider<
  RecordCompletedRequest,
  IdempotentRequestCompleted,
  CompletedRequest | null
> = {
  initialState: null,
  evolve: (state, event) => state ?? event.data,
  decide: (command, state) =>
    state ? [] : [{ type: 'IdempotentRequestCompleted', data: command.completed }],
};
