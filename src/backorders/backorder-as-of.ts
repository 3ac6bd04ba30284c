import { Inject, Injectable } from '@nestjs/common';
import {
  type BackorderDetails,
  backorderDetailsProjection,
} from '../../projections/backorders/backorder-details.projection';
import {
  backorderEventTypes,
  purchaseOrderEventsForOrders,
} from '../../projections/backorders/backorder-view-events';
import { comparePositions, type RecordedEvent } from '../shared/eventstore/event-envelope';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { streams } from '../shared/eventstore/stream-names';

/**
 * What an order looked like at a moment, by the same projection code the live view runs: the
 * order's stream and the streams of every PO its lines were on, merged in log order, cut at what
 * the log had recorded by then, folded as the engine would.
 */
@Injectable()
export class BackorderAsOf {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The order as recorded at `at` (an ISO-8601 instant); null when it did not exist yet. */
  async at(backorderId: string, at: string): Promise<BackorderDetails | null> {
    const cut = Date.parse(at);
    if (Number.isNaN(cut)) throw new RangeError(`${at} is not an ISO-8601 instant`);
    const own = await this.store.readStream(streams.backorder(backorderId));
    // The order as it is now names every PO its lines were ever on.
    const now = fold(own, backorderId);
    if (!now) return null;
    const purchaseOrders = await Promise.all(
      now.purchaseOrderIds.map((poId) => this.store.readStream(streams.purchaseOrder(poId))),
    );
    const recorded = [...own, ...purchaseOrders.flat()]
      .filter((event) => Date.parse(event.recordedAt) <= cut)
      .sort((a, b) => comparePositions(a.position, b.position));
    return fold(recorded, backorderId);
  }
}

const [orders] = backorderDetailsProjection.collections;
const handled = new Set<string>([...backorderEventTypes, ...purchaseOrderEventsForOrders]);

/** The order's document from events in log order: what the engine does for that one id. */
function fold(events: readonly RecordedEvent[], backorderId: string): BackorderDetails | null {
  let document: BackorderDetails | null = null;
  for (const event of events) {
    if (!handled.has(event.type) || !orders.documentIds(event).includes(backorderId)) continue;
    document = orders.evolve(document, event, backorderId) as BackorderDetails | null;
  }
  return document;
}
