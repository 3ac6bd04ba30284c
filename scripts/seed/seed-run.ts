import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../src/shared/eventstore/event-store.port';
import { demoUsernames } from './demo-staff';
import {
  describeShape,
  journalPath,
  readJournal,
  sameShape,
  type SeedJournal,
  type SeedShape,
  writeJournal,
} from './seed-journal';
import { SeedRefused } from './seed-refused';

/** Users and API keys (the first admin, the README's sign-in steps) do not make a store a shop. */
async function holdsShopEvents(events: EventStore): Promise<boolean> {
  const ACCESS_STREAMS = /^(user|api_key)-/;
  let scanned = 0;
  for await (const event of events.readAll()) {
    if (!ACCESS_STREAMS.test(event.stream) || ++scanned > 10_000) return true;
  }
  return false;
}

/**
 * Everything the seed checks before its first write, and that first write: the journal of the run
 * it starts or resumes. A finished demo, an unfinished one with other options, or a store with a
 * shop the seed did not write is refused with the way out; an unfinished one with the same options
 * is resumed; usernames someone else holds are left alone (see demoUsernames).
 */
export async function beginSeedRun(
  events: EventStore,
  dataDir: string,
  shape: SeedShape,
  force: boolean,
  staffRoles: readonly string[],
  today: string,
): Promise<SeedJournal> {
  const earlier = readJournal(dataDir);
  const fresh = `point DATA_DIR at an empty folder for a fresh demo`;
  if (earlier && !earlier.completedAt && !sameShape(earlier.shape, shape)) {
    throw new SeedRefused(
      `an earlier seed:demo (${describeShape(earlier.shape)}) stopped before it finished. ` +
        `Run \`npm run seed:demo -- ${describeShape(earlier.shape)}\` to complete it, or ${fresh}.`,
    );
  }
  const resuming = earlier !== null && !earlier.completedAt;
  if (!resuming && !force) {
    if (earlier?.completedAt) {
      throw new SeedRefused(
        `this store already holds the demo shop (${describeShape(earlier.shape)}, finished ` +
          `${earlier.completedAt}; see ${journalPath(dataDir)}). Nothing was written: ${fresh}, ` +
          'or pass --force to add a second demo shop.',
      );
    }
    if (await holdsShopEvents(events)) {
      const count = await events.countAfter('start', Number.MAX_SAFE_INTEGER);
      throw new SeedRefused(
        `the event store already holds ${count} events that the demo seed did not write. ` +
          `Nothing was written: ${fresh}, or pass --force to add a demo shop to this one.`,
      );
    }
  }
  const staff = await demoUsernames(events, staffRoles, earlier?.staff ?? {});
  const journal: SeedJournal = resuming
    ? { ...earlier, staff }
    : {
        runId: randomUUID(),
        shape,
        today,
        startedAt: new Date().toISOString(),
        staff,
        reads: {},
        completedAt: null,
      };
  writeJournal(dataDir, journal);
  return journal;
}
