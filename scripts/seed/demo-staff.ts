import { userIdOf } from '../../src/auth/user-id';
import type { EventStore } from '../../src/shared/eventstore/event-store.port';
import { streams } from '../../src/shared/eventstore/stream-names';
import { SeedRefused } from './seed-refused';

/** How many other names a demo role tries before the seed gives up on it. */
const ALTERNATIVES = 20;

/**
 * The usernames the demo's staff roles get in this store. A role keeps its own name (maria) unless
 * someone else already has it (the README's example user, a real employee): then it takes the
 * first free `maria-demo`, `maria-demo-2`, …. Users an earlier run of this seed made are its own
 * and kept. Only reads: it runs before the seed writes anything.
 */
export async function demoUsernames(
  events: EventStore,
  roles: readonly string[],
  ours: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const taken = async (username: string) =>
    (await events.readStream(streams.user(userIdOf(username)), { limit: 1 })).length > 0;
  const ownNames = new Set(Object.values(ours));
  const chosen: Record<string, string> = {};
  for (const role of roles) {
    if (ours[role]) {
      chosen[role] = ours[role];
      continue;
    }
    const candidates = [role, `${role}-demo`];
    for (let n = 2; n <= ALTERNATIVES; n++) candidates.push(`${role}-demo-${n}`);
    const used = new Set(Object.values(chosen));
    let name: string | undefined;
    for (const candidate of candidates) {
      if (used.has(candidate)) continue;
      if (ownNames.has(candidate) || !(await taken(candidate))) {
        name = candidate;
        break;
      }
    }
    if (!name) {
      throw new SeedRefused(
        `the usernames ${role}, ${role}-demo … ${role}-demo-${ALTERNATIVES} are all taken by others`,
      );
    }
    chosen[role] = name;
  }
  return chosen;
}
