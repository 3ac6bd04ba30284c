import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import type { BatchOutcome } from '../../src/shared/projections/projection-batch';
import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { projectionHarness } from './projection-harness';

/**
 * A projection on the real engine batch and the real embedded read store that delivers every
 * batch twice, as a crash before the checkpoint would: the second delivery must write nothing and
 * leave every document as the first left it. `{ redeliver: false }` for the rare spec that
 * counts writes of one delivery.
 */
export async function projectionSpec(
  definition: ProjectionDefinition,
  options: { readonly redeliver?: boolean } = {},
) {
  const harness = await projectionHarness(definition);
  const redeliver = options.redeliver ?? true;
  const everything = async () =>
    Promise.all(definition.collections.map((c) => harness.all(c.name)));
  return {
    ...harness,
    apply: async (events: readonly RecordedEvent[]): Promise<BatchOutcome> => {
      const first = await harness.apply(events);
      if (!redeliver) return first;
      const before = await everything();
      const again = await harness.apply(events);
      expect(again.documentsWritten).toBe(0);
      expect(await everything()).toEqual(before);
      return first;
    },
  };
}
