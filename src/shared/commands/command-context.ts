/** Who asks, and in which conversation: what every event records besides its own data. */
export interface CommandContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
}
