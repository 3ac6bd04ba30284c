/** Who asks, and in which conversation: what every event records besides its own data. */
export interface CommandContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The client's Idempotency-Key: entities a retried request creates get the same ids. */
  readonly idempotencyKey?: string;
  /** Set when a reactor, not a person, issued the command on the actor's behalf. */
  readonly processManager?: string;
}
