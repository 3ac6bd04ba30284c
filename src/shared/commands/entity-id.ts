import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from './command-context';

const NAMESPACE = '0b7f6a43-1c55-4d8e-9a57-6a2b1e1f4c10';

/**
 * The id of something a command creates. With an Idempotency-Key the id follows from the actor,
 * the key and what is created, so a retried request addresses the same entity (and its decider
 * answers "already done") instead of creating a second one.
 */
export function entityId(context: CommandContext, kind: string): string {
  return context.idempotencyKey
    ? uuidv5(`${context.actor}\n${context.idempotencyKey}\n${kind}`, NAMESPACE)
    : randomUUID();
}

/** An id that is the same for the same inputs: products by vendor SKU, POs by vendor and window. */
export function stableId(...parts: readonly string[]): string {
  return uuidv5(parts.join('\n'), NAMESPACE);
}
