import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from './command-context';
import { ID_NAMESPACE } from './stable-id';

/**
 * The id of something a command creates. With an Idempotency-Key the id follows from the actor,
 * the key and what is created, so a retried request addresses the same entity (and its decider
 * answers "already done") instead of creating a second one.
 */
export function entityId(context: CommandContext, kind: string): string {
  return context.idempotencyKey
    ? uuidv5(`${context.actor}\n${context.idempotencyKey}\n${kind}`, ID_NAMESPACE)
    : randomUUID();
}
