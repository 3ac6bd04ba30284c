import { backorderEventVersions } from './backorders/backorder.upcasters';
import { EventVersions } from './shared/eventstore/event-versions';

/** Every event type's schema version and upcasters; a type listed nowhere is at version 1. */
export const eventVersions = new EventVersions([...backorderEventVersions]);
