import { randomUUID } from 'node:crypto';
import type { Position, RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  type Document,
  ReadModelQueryError,
  type ReadModelStore,
} from '../../src/shared/readmodels/read-model-store.port';
import { applyEvents } from '../../src/shared/projections/projection-batch';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';
import { physicalCollection } from '../../src/shared/projections/projection-naming';
import { describeSkippedContract } from '../support/contract';
import type { ReadModelStoreUnderTest } from '../support/read-model-stores';
import { metadata } from '../support/events';

/**
 * The behaviour every read-model store adapter must show, written once. Collection names carry
 * a per-run suffix so suites can share a server.
 */
export function describeReadModelStoreContract(
  adapter: string,
  open: (() => Promise<ReadModelStoreUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('read-model store', adapter, open.skip);

  describe(`read-model store contract: ${adapter}`, () => {
    let subject: ReadModelStoreUnderTest;
    let store: ReadModelStore;
    const run = randomUUID().slice(0, 8);
    const name = (base: string) => `${base}_${run}`;
    let nextPosition = 1;
    const position = (): Position => ({ commit: nextPosition, prepare: nextPosition++ });

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      // The client is closed even when a cleanup step throws; an open one keeps jest waiting.
      try {
        for (const collection of await store.listCollections()) {
          if (collection.endsWith(run) || collection.includes(`_${run}_`)) {
            await store.dropCollection(collection);
          }
        }
      } finally {
        await subject?.dispose();
      }
    });

    const put = (collection: string, docs: Document[]) =>
      store.applyBatch(
        `writer_${run}`,
        docs.map((document) => ({
          collection,
          id: document.id as string,
          document,
          position: position(),
        })),
        { commit: nextPosition, prepare: nextPosition },
      );

    describe('collections, documents and checkpoints', () => {
      it('creates a collection once, lists it and drops it', async () => {
        const collection = name('lifecycle');
        await store.ensureCollection({ name: collection, indexes: [{ field: 'status' }] });
        await store.ensureCollection({ name: collection, indexes: [{ field: 'status' }] });
        expect(await store.listCollections()).toContain(collection);

        await store.dropCollection(collection);
        expect(await store.listCollections()).not.toContain(collection);
      });

      it('drops a collection that does not exist, or was never written, without an error', async () => {
        await expect(store.dropCollection(name('never_made'))).resolves.toBeUndefined();
        const empty = name('never_written');
        await store.ensureCollection({ name: empty, textFields: ['name'] });
        await store.dropCollection(empty);
        await expect(store.dropCollection(empty)).resolves.toBeUndefined();
        expect(await store.listCollections()).not.toContain(empty);
      });

      it('writes, replaces and deletes documents, then records the checkpoint', async () => {
        const collection = name('docs');
        await store.ensureCollection({ name: collection });
        const consumer = `consumer_${run}`;
        expect(await store.getCheckpoint(consumer)).toBeNull();

        await store.applyBatch(
          consumer,
          [
            {
              collection,
              id: 'a',
              document: { id: 'a', n: 1, nested: { deep: [1, 2] } },
              position: { commit: 10, prepare: 10 },
            },
            {
              collection,
              id: 'b',
              document: { id: 'b', n: 2 },
              position: { commit: 11, prepare: 11 },
            },
          ],
          { commit: 11, prepare: 11 },
        );
        await store.applyBatch(
          consumer,
          [
            {
              collection,
              id: 'a',
              document: { id: 'a', n: 3 },
              position: { commit: 12, prepare: 12 },
            },
            { collection, id: 'b', document: null, position: { commit: 13, prepare: 13 } },
          ],
          { commit: 13, prepare: 12 },
        );

        expect(await store.findById(collection, 'a')).toEqual({ id: 'a', n: 3 });
        expect(await store.findById(collection, 'b')).toBeNull();
        expect(await store.getCheckpoint(consumer)).toEqual({ commit: 13, prepare: 12 });
        const loaded = await store.loadForUpdate(collection, ['a', 'b', 'missing']);
        expect([...loaded.keys()]).toEqual(['a']);
        expect(loaded.get('a')).toEqual({
          id: 'a',
          document: { id: 'a', n: 3 },
          position: { commit: 12, prepare: 12 },
        });

        await store.deleteCheckpoint(consumer);
        expect(await store.getCheckpoint(consumer)).toBeNull();
      });

      it("keeps collections named like the stores' own bookkeeping apart from it", async () => {
        for (const reserved of ['collections', 'checkpoints', 'meta']) {
          await store.ensureCollection({ name: reserved });
          await store.applyBatch(
            `bookkeeping_${run}`,
            [{ collection: reserved, id: run, document: { id: run }, position: position() }],
            position(),
          );
          expect(await store.findById(reserved, run)).toEqual({ id: run });
        }
        expect(await store.getCheckpoint(`bookkeeping_${run}`)).not.toBeNull();
        await store.setMeta(`meta_probe_${run}`, 1);
        expect(await store.getMeta(`meta_probe_${run}`)).toBe(1);
      });

      it('answers on an index declared after documents were written', async () => {
        const collection = name('late_index');
        await store.ensureCollection({ name: collection });
        await put(collection, [
          { id: 'a', size: 5, tags: ['x', 'y'], meta: { kind: 'rug' } },
          { id: 'b', size: 9, tags: ['y'], meta: { kind: 'lamp' } },
          { id: 'c', tags: [], meta: {} },
        ]);

        await store.ensureCollection({
          name: collection,
          indexes: [{ field: 'size' }, { field: 'tags', multi: true }, { field: 'meta.kind' }],
        });

        const ids = async (where: Record<string, unknown>) =>
          (await store.find(collection, { where: where as never })).items.map((d) => d.id);
        expect(await ids({ size: { gt: 6 } })).toEqual(['b']);
        expect(await ids({ tags: 'y' })).toEqual(['a', 'b']);
        expect(await ids({ 'meta.kind': 'rug' })).toEqual(['a']);
        expect(await ids({ size: null })).toEqual(['c']);
      });

      it('keeps small named values', async () => {
        const key = `meta_${run}`;
        expect(await store.getMeta(key)).toBeNull();
        await store.setMeta(key, { activeVersion: 2, collections: ['x_v2'] });
        await store.setMeta(key, { activeVersion: 3, collections: ['x_v3'] });
        expect(await store.getMeta(key)).toEqual({ activeVersion: 3, collections: ['x_v3'] });
      });
    });

    describe('find and count', () => {
      const collection = name('orders');
      const customers = ['ann', 'bob', 'cy'];
      const all: Document[] = Array.from({ length: 237 }, (_, i) => ({
        id: `o${String(i).padStart(3, '0')}`,
        customer: customers[i % 3],
        total: (i * 37) % 101,
        placedAt: new Date(Date.UTC(2026, 0, 1 + (i % 60))).toISOString(),
        // Every seventh order has no priority: sorting must neither skip nor repeat it.
        ...(i % 7 === 0 ? {} : { priority: i % 4 }),
        rush: i % 5 === 0,
        vendorIds: [`v${i % 4}`, `v${(i + 1) % 4}`],
      }));

      beforeAll(async () => {
        await store.ensureCollection({
          name: collection,
          indexes: [
            { field: 'customer' },
            { field: 'total' },
            { field: 'placedAt' },
            { field: 'priority' },
            { field: 'rush' },
            { field: 'vendorIds', multi: true },
          ],
        });
        await put(collection, all);
      });

      const ids = (docs: Document[]) => docs.map((d) => d.id);
      const expected = (keep: (d: Document) => boolean) => ids(all.filter(keep));

      it('filters by equality, lists of values, ranges, booleans and null', async () => {
        const byCustomer = await store.find(collection, {
          where: { customer: 'bob' },
          limit: 1000,
        });
        expect(ids(byCustomer.items)).toEqual(expected((d) => d.customer === 'bob'));

        const inList = await store.find(collection, {
          where: { customer: { in: ['ann', 'cy'] } },
          limit: 1000,
        });
        expect(ids(inList.items)).toEqual(expected((d) => d.customer !== 'bob'));

        const range = await store.find(collection, {
          where: { total: { gte: 20, lt: 40 } },
          limit: 1000,
        });
        expect(ids(range.items)).toEqual(
          expected((d) => (d.total as number) >= 20 && (d.total as number) < 40),
        );

        const dates = await store.find(collection, {
          where: { placedAt: { gt: '2026-02-01T00:00:00.000Z' }, customer: 'ann' },
          limit: 1000,
        });
        expect(ids(dates.items)).toEqual(
          expected(
            (d) => (d.placedAt as string) > '2026-02-01T00:00:00.000Z' && d.customer === 'ann',
          ),
        );

        const rush = await store.find(collection, { where: { rush: true }, limit: 1000 });
        expect(ids(rush.items)).toEqual(expected((d) => d.rush === true));

        const noPriority = await store.find(collection, { where: { priority: null }, limit: 1000 });
        expect(ids(noPriority.items)).toEqual(expected((d) => d.priority === undefined));
      });

      it('matches any element of an array field', async () => {
        const page = await store.find(collection, { where: { vendorIds: 'v2' }, limit: 1000 });
        expect(ids(page.items)).toEqual(expected((d) => (d.vendorIds as string[]).includes('v2')));
        const either = await store.find(collection, {
          where: { vendorIds: { in: ['v0', 'v1'] } },
          limit: 1000,
        });
        expect(ids(either.items)).toEqual(
          expected((d) => (d.vendorIds as string[]).some((v) => v === 'v0' || v === 'v1')),
        );
      });

      it('counts what a filter matches', async () => {
        expect(await store.count(collection)).toBe(237);
        expect(await store.count(collection, { customer: 'cy', rush: false })).toBe(
          all.filter((d) => d.customer === 'cy' && d.rush === false).length,
        );
      });

      it('sorts on several keys and pages with cursors without skipping or repeating', async () => {
        const sort = [
          ['priority', 'desc'],
          ['total', 'asc'],
        ] as const;
        const pages: Document[][] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Document[]; nextCursor: string | null } = await store.find(
            collection,
            {
              sort,
              limit: 50,
              cursor,
            },
          );
          pages.push(page.items);
          cursor = page.nextCursor;
        } while (cursor);

        const sorted = [...all].sort(
          (a, b) =>
            compareNullsLow(b.priority, a.priority) ||
            (a.total as number) - (b.total as number) ||
            String(a.id).localeCompare(String(b.id)),
        );
        expect(pages.map((p) => p.length)).toEqual([50, 50, 50, 50, 37]);
        expect(ids(pages.flat())).toEqual(ids(sorted));
      });

      it('pages a filtered list in id order by default', async () => {
        const first = await store.find(collection, { where: { customer: 'ann' }, limit: 30 });
        const second = await store.find(collection, {
          where: { customer: 'ann' },
          limit: 30,
          cursor: first.nextCursor,
        });
        const third = await store.find(collection, {
          where: { customer: 'ann' },
          limit: 30,
          cursor: second.nextCursor,
        });
        expect(ids([...first.items, ...second.items, ...third.items])).toEqual(
          expected((d) => d.customer === 'ann'),
        );
        expect(third.nextCursor).toBeNull();
      });

      it('refuses undeclared fields, sorting on arrays and foreign cursors', async () => {
        await expect(store.find(collection, { where: { secret: 1 } })).rejects.toBeInstanceOf(
          ReadModelQueryError,
        );
        await expect(
          store.find(collection, { sort: [['vendorIds', 'asc']] }),
        ).rejects.toBeInstanceOf(ReadModelQueryError);
        const forged = Buffer.from(JSON.stringify([{ $ne: null }])).toString('base64url');
        await expect(store.find(collection, { cursor: forged })).rejects.toBeInstanceOf(
          ReadModelQueryError,
        );
        await expect(store.find(collection, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
          ReadModelQueryError,
        );
        await expect(store.find(name('missing'), {})).rejects.toBeInstanceOf(ReadModelQueryError);
        await expect(store.ensureCollection({ name: 'double__underscore' })).rejects.toBeInstanceOf(
          ReadModelQueryError,
        );
        await expect(
          store.ensureCollection({ name: name('reserved'), indexes: [{ field: '_position' }] }),
        ).rejects.toBeInstanceOf(ReadModelQueryError);
      });
    });

    describe('search', () => {
      const collection = name('products');
      beforeAll(async () => {
        await store.ensureCollection({
          name: collection,
          indexes: [{ field: 'vendor' }],
          textFields: ['name', 'color', 'tags'],
        });
        await put(collection, [
          {
            id: 'p1',
            vendor: 'nour',
            name: 'Persian Heriz',
            color: 'Navy Blue',
            tags: ['wool', 'hand-knotted'],
          },
          {
            id: 'p2',
            vendor: 'nour',
            name: 'Blue Kilim Runner',
            color: 'Sky',
            tags: ['flatweave'],
          },
          { id: 'p3', vendor: 'oasis', name: 'Persian Tabriz', color: 'Blue', tags: ['silk'] },
          { id: 'p4', vendor: 'oasis', name: 'Café Modern', color: 'Ivory', tags: [] },
        ]);
      });

      const found = async (text: string, where?: Record<string, string>) =>
        (await store.search(collection, text, { where, limit: 100 })).items
          .map((h) => h.document.id)
          .sort();

      it('finds documents holding every word, in any declared field, whatever the case', async () => {
        expect(await found('blue')).toEqual(['p1', 'p2', 'p3']);
        expect(await found('PERSIAN blue')).toEqual(['p1', 'p3']);
        expect(await found('silk persian')).toEqual(['p3']);
        expect(await found('persian kilim')).toEqual([]);
        expect(await found('')).toEqual([]);
      });

      it('ignores accents and combines with filters', async () => {
        expect(await found('cafe')).toEqual(['p4']);
        expect(await found('persian', { vendor: 'oasis' })).toEqual(['p3']);
      });

      it('matches word beginnings when asked to (type-as-you-go), and only then', async () => {
        const prefixed = async (text: string) =>
          (await store.search(collection, text, { prefix: true, limit: 100 })).items
            .map((h) => h.document.id)
            .sort();
        expect(await prefixed('pers')).toEqual(['p1', 'p3']);
        expect(await prefixed('pers tab')).toEqual(['p3']);
        expect(await prefixed('caf')).toEqual(['p4']);
        expect(await prefixed('hand')).toEqual(['p1']);
        expect(await prefixed('ersian')).toEqual([]);
        expect(await found('pers')).toEqual([]);
      });

      it('finds a name from its first letters whatever the case and accents, ranking whole words first', async () => {
        const people = name('people');
        await store.ensureCollection({ name: people, textFields: ['name', 'keys'] });
        await put(people, [
          { id: 'c1', name: 'Ana Castellano', keys: ['2015550142'] },
          { id: 'c2', name: 'Castell Ávila', keys: ['5550142'] },
          { id: 'c3', name: 'Pedro Castillo', keys: [] },
        ]);
        const prefixed = async (text: string) =>
          (await store.search(people, text, { prefix: true, limit: 100 })).items.map(
            (h) => h.document.id,
          );
        expect((await prefixed('castell')).sort()).toEqual(['c1', 'c2']);
        expect(await prefixed('CASTELL')).toEqual(await prefixed('castell'));
        expect(await prefixed('castellano')).toEqual(['c1']);
        expect(await prefixed('avil')).toEqual(['c2']);
        expect(await prefixed('555014')).toEqual(['c2']);
        expect(await prefixed('castell ana')).toEqual(['c1']);
        // "castell" is c2's whole word and only the beginning of c1's: c2 first.
        expect(await prefixed('castell')).toEqual(['c2', 'c1']);
      });

      it('counts documents per value of indexed fields, for a text, filters, or everything', async () => {
        expect(await store.facets(collection, ['vendor'])).toEqual({
          vendor: [
            { value: 'nour', count: 2 },
            { value: 'oasis', count: 2 },
          ],
        });
        expect(await store.facets(collection, ['vendor'], { text: 'blue' })).toEqual({
          vendor: [
            { value: 'nour', count: 2 },
            { value: 'oasis', count: 1 },
          ],
        });
        expect(
          await store.facets(collection, ['vendor'], {
            text: 'pers',
            prefix: true,
            where: { vendor: 'oasis' },
          }),
        ).toEqual({ vendor: [{ value: 'oasis', count: 1 }] });
        expect(await store.facets(collection, ['vendor'], { text: '  ' })).toEqual({ vendor: [] });
        await expect(store.facets(collection, ['name'])).rejects.toBeInstanceOf(
          ReadModelQueryError,
        );
      });

      it('ranks, scores and pages the hits', async () => {
        const first = await store.search(collection, 'blue', { limit: 2 });
        const second = await store.search(collection, 'blue', {
          limit: 2,
          cursor: first.nextCursor,
        });
        expect(first.items).toHaveLength(2);
        expect(second.items).toHaveLength(1);
        expect(second.nextCursor).toBeNull();
        const scores = [...first.items, ...second.items].map((h) => h.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(new Set([...first.items, ...second.items].map((h) => h.document.id)).size).toBe(3);
      });

      it('keeps its indexes right when only some indexed values change', async () => {
        const collection = name('reindexed');
        await store.ensureCollection({
          name: collection,
          indexes: [
            { field: 'tags', multi: true },
            { field: 'kind', multi: true },
            { field: 'status' },
            { field: 'size' },
          ],
          textFields: ['title'],
        });
        const d1 = { id: 'd1', title: 'Navy Heriz', kind: ['rug'], size: 8 };
        await put(collection, [{ ...d1, tags: ['a', 'c'], status: 'open' }]);
        await put(collection, [{ ...d1, tags: ['b', 'c'], status: 'open' }]);
        await put(collection, [{ ...d1, title: 'Ivory Heriz', tags: ['c', 'b'], status: 'held' }]);
        const ids = async (where: Record<string, string | number>) =>
          (await store.find(collection, { where })).items.map((d) => d.id);
        expect(await ids({ tags: 'a' })).toEqual([]);
        expect(await ids({ tags: 'b' })).toEqual(['d1']);
        expect(await ids({ tags: 'c' })).toEqual(['d1']);
        expect(await ids({ kind: 'rug' })).toEqual(['d1']);
        expect(await ids({ status: 'open' })).toEqual([]);
        expect(await ids({ status: 'held' })).toEqual(['d1']);
        expect(await ids({ size: 8 })).toEqual(['d1']);
        expect((await store.search(collection, 'ivory')).items.map((h) => h.document.id)).toEqual([
          'd1',
        ]);
        expect((await store.search(collection, 'navy')).items).toEqual([]);
      });

      it('follows documents as they change and disappear', async () => {
        await put(collection, [
          { id: 'p2', vendor: 'nour', name: 'Green Kilim Runner', color: 'Sage', tags: [] },
        ]);
        expect(await found('blue')).toEqual(['p1', 'p3']);
        expect(await found('green')).toEqual(['p2']);
        await store.applyBatch(
          `writer_${run}`,
          [{ collection, id: 'p3', document: null, position: position() }],
          position(),
        );
        expect(await found('persian')).toEqual(['p1']);
      });
    });

    describe('projection batches on this store', () => {
      type NoteEvent = RecordedEvent<string, { noteId: string; text?: string; tag?: string }>;
      const notes = defineProjection<NoteEvent>({
        name: name('notes'),
        version: 1,
        eventTypes: ['NoteWritten', 'NoteTagged', 'NoteDeleted', 'NoteBroken'],
        collections: [
          defineCollection<NoteEvent, Document>({
            name: name('notes'),
            indexes: [{ field: 'tags', multi: true }],
            textFields: ['text'],
            documentIds: (e) => [e.data.noteId],
            evolve: (note, e) => {
              if (e.type === 'NoteBroken') throw new Error('this note cannot be read');
              if (e.type === 'NoteDeleted') return null;
              if (e.type === 'NoteWritten')
                return { id: e.data.noteId, text: e.data.text, tags: [] };
              return note && { ...note, tags: [...(note.tags as string[]), e.data.tag] };
            },
          }),
          defineCollection<NoteEvent, Document>({
            name: name('tag_counts'),
            documentIds: (e) => (e.type === 'NoteTagged' ? [e.data.tag!, 'all-tags'] : []),
            evolve: (count, _e, id) => ({ id, uses: ((count?.uses as number) ?? 0) + 1 }),
          }),
        ],
      });
      let logPosition = 1000;
      const event = (type: string, data: NoteEvent['data']): RecordedEvent => ({
        id: randomUUID(),
        type,
        data,
        metadata: metadata(),
        stream: `note-${data.noteId}`,
        revision: 0,
        position: { commit: ++logPosition, prepare: logPosition },
        recordedAt: new Date().toISOString(),
      });
      const history = (): RecordedEvent[] => {
        const events: RecordedEvent[] = [];
        for (let n = 0; n < 30; n++) {
          events.push(event('NoteWritten', { noteId: `n${n}`, text: `note number ${n}` }));
          events.push(event('NoteTagged', { noteId: `n${n}`, tag: `t${n % 4}` }));
          if (n % 5 === 0) events.push(event('NoteDeleted', { noteId: `n${n}` }));
          events.push(event('Unrelated', { noteId: `n${n}` }));
        }
        return events;
      };
      const dump = async (tag: string) => {
        const build = { definition: notes, tag };
        const result: Record<string, Document[]> = {};
        for (const c of notes.collections) {
          result[c.name] = (
            await store.find(physicalCollection(build, c.name), { limit: 1000 })
          ).items;
        }
        return result;
      };
      const prepare = async (tag: string) => {
        for (const c of notes.collections) {
          await store.ensureCollection({
            ...c,
            name: physicalCollection({ definition: notes, tag }, c.name),
          });
        }
        return { definition: notes, tag };
      };

      it('leaves read models unchanged when a whole batch is delivered again', async () => {
        const events = history();
        const build = await prepare(`redelivery_${run}`);
        await applyEvents(build, store, events.slice(0, 60));
        await applyEvents(build, store, events.slice(60));
        const once = await dump(build.tag);

        const again = await applyEvents(build, store, events.slice(60));

        expect(again.failure).toBeNull();
        expect(again.documentsWritten).toBe(0);
        expect(await dump(build.tag)).toEqual(once);
        expect(once[name('tag_counts')].find((d) => d.id === 'all-tags')?.uses).toBe(30);
        expect(once[name('notes')].length).toBe(24);
      });

      it('converges after a restart between writing documents and writing the checkpoint', async () => {
        const events = history();
        const reference = await prepare(`reference_${run}`);
        await applyEvents(reference, store, events);

        const crashed = await prepare(`crashed_${run}`);
        await applyEvents(crashed, store, events.slice(0, 40));
        const checkpointBefore = await store.getCheckpoint(
          `projection:${notes.name}_v1_crashed_${run}`,
        );
        // The second batch reaches the documents, but its checkpoint is lost in the crash.
        await applyEvents(
          crashed,
          { ...bind(store), applyBatch: (_c, w) => store.applyBatch(`lost_${run}`, w, position()) },
          events.slice(40, 90),
        );
        expect(await store.getCheckpoint(`projection:${notes.name}_v1_crashed_${run}`)).toEqual(
          checkpointBefore,
        );
        // After the restart the runner resumes from the checkpoint that survived.
        await applyEvents(crashed, store, events.slice(40));

        expect(await dump(crashed.tag)).toEqual(await dump(reference.tag));
      });

      it('stops at an event that breaks the projection, naming it, with what came before written', async () => {
        const build = await prepare(`broken_${run}`);
        const before = event('NoteWritten', { noteId: 'ok', text: 'fine' });
        const broken = event('NoteBroken', { noteId: 'ok' });
        const after = event('NoteWritten', { noteId: 'later', text: 'never reached' });

        const outcome = await applyEvents(build, store, [before, broken, after]);

        expect(outcome.processed).toBe(1);
        expect(outcome.failure).toMatchObject({
          eventId: broken.id,
          eventType: 'NoteBroken',
          message: 'this note cannot be read',
        });
        expect(await store.getCheckpoint(`projection:${notes.name}_v1_broken_${run}`)).toEqual(
          before.position,
        );
        expect(await store.findById(physicalCollection(build, name('notes')), 'later')).toBeNull();
        expect(await store.findById(physicalCollection(build, name('notes')), 'ok')).toMatchObject({
          text: 'fine',
        });
      });
    });
  });
}

function compareNullsLow(a: unknown, b: unknown): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return (a as number) - (b as number);
}

/** The store's methods bound to it, so one of them can be swapped in a test double. */
function bind(store: ReadModelStore): ReadModelStore {
  const bound = {} as Record<string, unknown>;
  let proto: object | null = store;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = (store as unknown as Record<string, unknown>)[key];
      if (typeof value === 'function' && !(key in bound)) bound[key] = value.bind(store);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return bound as unknown as ReadModelStore;
}
