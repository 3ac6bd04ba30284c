/** An event as a decider makes it: its type and data; the envelope is added when it is stored. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * An aggregate's rules as three pure parts: the state before anything happened, how an event
 * changes the state, and which events a command causes in a state. A decider throws a domain
 * error for a broken rule and returns no event when the intent already holds.
 */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  readonly initialState: TState;
  evolve(state: TState, event: TEvent): TState;
  decide(command: TCommand, state: TState): readonly TEvent[];
}
