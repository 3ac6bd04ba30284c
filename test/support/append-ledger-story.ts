import type { LedgerEvent } from '../../projections/accounting/ledger-events';
import type { EventStore } from '../../src/shared/eventstore/event-store.port';
import type { NewEvent } from '../../src/shared/eventstore/event-envelope';

/** The stream each fact of a ledger story lives on, as the features write them. */
function streamOf(event: LedgerEvent): string {
  const data = event.data as { backorderId?: string; poId?: string; billId?: string };
  if (event.type === 'VendorBillRecorded') return `vendor_bill-${data.billId}`;
  if (event.type.startsWith('PurchaseOrder')) return `purchase_order-${data.poId}`;
  if (event.type.startsWith('Backorder')) return `backorder-${data.backorderId}`;
  return `order_account-${data.backorderId}`;
}

function recorded(event: LedgerEvent): NewEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: {
      actor: 'clerk',
      correlationId: event.id,
      causationId: event.id,
      occurredAt: event.occurredAt,
      schemaVersion: 1,
    },
  };
}

/**
 * Appends a ledger story through the store: the money facts' endpoints belong to the payments
 * feature, and the story needs its own dates.
 */
export async function appendLedgerStory(
  events: EventStore,
  story: readonly LedgerEvent[],
): Promise<void> {
  for (const event of story) await events.append(streamOf(event), [recorded(event)], 'any');
}
