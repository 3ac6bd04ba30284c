import type { LedgerState } from './ledger-fold';

/**
 * The ledger fold's state as plain JSON and back, so the book can resume from a checkpoint
 * instead of folding the whole log again. Maps (at any depth) become `{ "~map": [[k, v], ...] }`.
 */
export function encodeLedgerState(state: LedgerState): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(state, (_key, value: unknown) =>
      value instanceof Map ? { [MAP]: [...value] } : value,
    ),
  ) as Record<string, unknown>;
}

export function decodeLedgerState(encoded: Record<string, unknown>): LedgerState {
  return JSON.parse(JSON.stringify(encoded), (_key, value: unknown) =>
    isEncodedMap(value) ? new Map(value[MAP]) : value,
  ) as LedgerState;
}

const MAP = '~map';

function isEncodedMap(value: unknown): value is { [MAP]: [unknown, unknown][] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as Record<string, unknown>)[MAP])
  );
}
