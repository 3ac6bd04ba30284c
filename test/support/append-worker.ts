/**
 * A separate process that appends to an embedded event store file, one event per append, and
 * prints the id of each event once its append is acknowledged. Used to prove that other
 * processes' appends reach live subscriptions and that acknowledged appends survive kill -9.
 * Usage: append-worker <file> <stream> <count> [concurrency]
 */
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { newEvent } from './events';

async function main(): Promise<void> {
  const [file, stream, countText, concurrencyText = '1'] = process.argv.slice(2);
  const store = new SqliteEventStore({ file });
  let next = 0;
  const count = Number(countText);
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      const event = newEvent('WorkerAppended', { n });
      await store.append(`${stream}-${n % 10}`, [event], 'any');
      process.stdout.write(`${event.id}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
