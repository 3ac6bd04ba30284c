import type { Random } from './random';
import { inParallel, type ShopClient } from './shop-client';

/** Who keeps the books in the demo shop. */
export const ACCOUNTANT = 'alice';
const CONCURRENCY = 16;

interface Amount {
  readonly amount: number;
  readonly currency: string;
}

interface Account {
  readonly totals: { readonly total: Amount };
  readonly balanceDue: Amount;
}

export interface PaidOrder {
  readonly id: string;
  readonly salesperson: string;
}

const METHODS = ['card', 'card', 'cash', 'cheque', 'transfer'] as const;

function paymentMethod(random: Random, i: number) {
  const method = random.pick(METHODS);
  return method === 'cheque' || method === 'transfer'
    ? { method, reference: `${method === 'cheque' ? 'CHQ' : 'WIRE'} ${100_000 + i}` }
    : { method };
}

const account = (shop: ShopClient, id: string) => shop.get<Account>(`/backorders/${id}/account`);

/** A deposit of about a third of the order at the counter, for some of the orders. */
export async function takeDeposits(
  shop: ShopClient,
  orders: readonly PaidOrder[],
  random: Random,
  share: number,
): Promise<void> {
  const taking = orders.filter(() => random.next() < share);
  await inParallel(taking, CONCURRENCY, async (order, i) => {
    const { balanceDue } = await account(shop, order.id);
    const amount = Math.floor(balanceDue.amount / 300) * 100;
    if (amount <= 0) return;
    await shop.post(order.salesperson, `/backorders/${order.id}/account/deposits`, {
      amount: { amount, currency: balanceDue.currency },
      ...paymentMethod(random, i),
    });
  });
}

/** The rest of what is due, paid at the counter (before the goods leave). */
export async function payBalances(
  shop: ShopClient,
  orders: readonly PaidOrder[],
  random: Random,
): Promise<void> {
  await inParallel(orders, CONCURRENCY, async (order, i) => {
    const { balanceDue } = await account(shop, order.id);
    if (balanceDue.amount <= 0) return;
    await shop.post(
      order.salesperson,
      `/backorders/${order.id}/account/payments`,
      { amount: balanceDue, ...paymentMethod(random, i) },
      'balance',
    );
  });
}

/** A layaway over three months from the day it is agreed: the goods go when it is paid. */
export async function agreeLayaways(
  shop: ShopClient,
  orders: readonly PaidOrder[],
  firstDueOn: readonly string[],
): Promise<void> {
  await inParallel(orders, CONCURRENCY, async (order) => {
    const { balanceDue } = await account(shop, order.id);
    const part = Math.floor(balanceDue.amount / 3);
    if (part <= 0) return;
    const amounts = [part, part, balanceDue.amount - 2 * part];
    await shop.post(order.salesperson, `/backorders/${order.id}/account/schedule`, {
      kind: 'layaway',
      goodsReleasedWhen: 'when-paid-in-full',
      installments: amounts.map((amount, i) => ({
        installmentId: `I${i + 1}`,
        dueOn: firstDueOn[i],
        amount: { amount, currency: balanceDue.currency },
      })),
    });
  });
}

/** One installment of each layaway, paid on its day. */
export async function payInstallment(
  shop: ShopClient,
  orders: readonly PaidOrder[],
  installment: number,
): Promise<void> {
  await inParallel(orders, CONCURRENCY, async (order) => {
    const view = await shop.get<{
      schedule: { installments: { installmentId: string; amount: Amount; paid: boolean }[] } | null;
    }>(`/backorders/${order.id}/account`);
    const due = view.schedule?.installments[installment - 1];
    if (!due || due.paid) return;
    await shop.post(
      order.salesperson,
      `/backorders/${order.id}/account/payments`,
      { amount: due.amount, method: 'card', installmentId: due.installmentId },
      `installment-${installment}`,
    );
  });
}

/** What a cancelled line leaves paid beyond the order's cost goes back to the customer. */
export async function refundCredits(
  shop: ShopClient,
  orders: readonly (PaidOrder & { readonly lineId: string; readonly reason: string })[],
): Promise<number> {
  let refunds = 0;
  for (const order of orders) {
    const { balanceDue } = await account(shop, order.id);
    if (balanceDue.amount >= 0) continue;
    await shop.post(ACCOUNTANT, `/backorders/${order.id}/account/refunds`, {
      amount: { amount: -balanceDue.amount, currency: balanceDue.currency },
      method: 'card',
      reason: order.reason,
      lineId: order.lineId,
    });
    refunds++;
  }
  return refunds;
}

interface BilledPurchaseOrder {
  readonly id: string;
  readonly number: string;
  readonly lines: readonly {
    readonly poLineId: string;
    readonly quantity: number;
    readonly cancelled: boolean;
    readonly unitCost: Amount;
  }[];
}

/** The vendors' invoices for received POs; every third line billed 5 % above the PO cost. */
export async function recordVendorBills(
  shop: ShopClient,
  poIds: readonly string[],
  billedOn: string,
): Promise<number> {
  let bills = 0;
  await inParallel(poIds, CONCURRENCY, async (poId) => {
    const po = await shop.get<BilledPurchaseOrder>(`/purchase-orders/${poId}`);
    const lines = po.lines
      .filter((l) => !l.cancelled && l.quantity > 0)
      .map((l, i) => ({
        poLineId: l.poLineId,
        quantity: l.quantity,
        unitCost: {
          amount: i % 3 === 2 ? Math.round(l.unitCost.amount * 1.05) : l.unitCost.amount,
          currency: l.unitCost.currency,
        },
      }));
    if (lines.length === 0) return;
    await shop.post(ACCOUNTANT, `/purchase-orders/${poId}/vendor-bills`, {
      vendorInvoiceNumber: `INV-${po.number.replace(/\D/g, '')}`,
      billedOn,
      lines,
    });
    bills++;
  });
  return bills;
}
