import type {
  BackorderLineCancelled,
  BackorderLineFulfilled,
  BackorderLineOnPurchaseOrder,
  BackorderLineQuantityChanged,
  BackorderLineUnitsSetAside,
  BackorderPlaced,
} from '../../src/backorders/backorder.events';
import type {
  PurchaseOrderLineAdded,
  PurchaseOrderReceiptRecorded,
} from '../../src/purchasing/purchase-order.events';
import {
  CASH,
  COST_OF_GOODS_SOLD,
  CUSTOMER_DEPOSITS,
  GOODS_RECEIVED_NOT_INVOICED,
  INVENTORY,
  PAYABLE,
  PURCHASE_PRICE_VARIANCE,
  RECEIVABLE,
  SALES_REVENUE,
  SALES_TAX_PAYABLE,
} from './chart-of-accounts';
import { EntryLines, type JournalEntry } from './journal-entry';
import type {
  BookPeriodClosedData,
  CashInData,
  InvoiceLineAdjustedData,
  LedgerEvent,
  OrderInvoicedData,
  RefundIssuedData,
  VendorBillRecordedData,
} from './ledger-events';
import { nextPeriod, periodOf } from './periods';
import type { Policy } from './recognition-policies';

/** What every policy agrees on about a customer line: its price, tax, cost and movements. */
interface LineFacts {
  quantity: number;
  unitNet: number;
  unitTax: number;
  unitCost: number;
  invoiced: boolean;
  fulfilled: number;
  allocationId: string | null;
}

interface OrderFacts {
  readonly customerId: string;
  readonly lines: Map<string, LineFacts>;
}

/** One policy's view of an order: what it has recognised and what the customer's money covers. */
interface OrderBook {
  /** Balance of customer deposits (2200) held for this order. */
  deposits: number;
  /** Balance of accounts receivable (1100) for this order. */
  receivable: number;
  readonly recognised: Map<string, number>;
  depositEventIds: string[];
}

export interface PolicyLedger {
  readonly policy: Policy;
  readonly orders: Map<string, OrderBook>;
}

/**
 * The in-memory state of the ledger fold for one or more policies in the same pass. It is plain
 * data changed in place: a million events are folded without copying state per event. The fold is
 * deterministic (no clock, no ids, no I/O), so a replay gives the same journal every time.
 */
export interface LedgerState {
  /** Last position folded: a redelivered event (at or before it) is passed over. */
  position: number;
  /** The latest closed period: later postings dated in it land in the period after it. */
  closedThrough: string | null;
  /** Payments and deposits recorded less refunds, by the events themselves: the cash check. */
  cashRecorded: number;
  readonly orders: Map<string, OrderFacts>;
  readonly poLineCosts: Map<string, number>;
  readonly allocationPoLines: Map<string, string>;
  readonly ledgers: readonly PolicyLedger[];
}

export type PostEntry = (entry: JournalEntry) => void;

export function initialLedgerState(policies: readonly Policy[]): LedgerState {
  return {
    position: -1,
    closedThrough: null,
    cashRecorded: 0,
    orders: new Map(),
    poLineCosts: new Map(),
    allocationPoLines: new Map(),
    ledgers: policies.map((policy) => ({ policy, orders: new Map() })),
  };
}

/** Folds one event into every policy's ledger, posting the journal entries it causes. */
export function foldLedgerEvent(state: LedgerState, event: LedgerEvent, post: PostEntry): void {
  if (event.position <= state.position) return;
  state.position = event.position;
  const context = new PostingContext(state, event, post);
  switch (event.type) {
    case 'BackorderPlaced':
      return placed(state, event.data as BackorderPlaced['data']);
    case 'OrderInvoiced':
      return invoiced(state, context, event.data as OrderInvoicedData);
    case 'BackorderLineOnPurchaseOrder': {
      const data = event.data as BackorderLineOnPurchaseOrder['data'];
      state.allocationPoLines.set(data.allocationId, data.poLineId);
      const line = lineOf(state, data.backorderId, data.lineId);
      if (line) {
        line.allocationId = data.allocationId;
        const cost = state.poLineCosts.get(data.poLineId);
        if (cost !== undefined) line.unitCost = cost;
      }
      return;
    }
    case 'PurchaseOrderLineAdded': {
      const data = event.data as PurchaseOrderLineAdded['data'];
      state.poLineCosts.set(data.poLineId, amountOf(data.unitCost));
      return;
    }
    case 'BackorderLineUnitsSetAside':
      return setAside(state, context, event.data as BackorderLineUnitsSetAside['data']);
    case 'BackorderLineFulfilled':
      return fulfilled(state, context, event.data as BackorderLineFulfilled['data']);
    case 'BackorderLineQuantityChanged': {
      const data = event.data as BackorderLineQuantityChanged['data'];
      return quantityChanged(state, context, data.backorderId, data.lineId, data.to);
    }
    case 'BackorderLineCancelled': {
      const data = event.data as BackorderLineCancelled['data'];
      return quantityChanged(state, context, data.backorderId, data.lineId, 0);
    }
    case 'InvoiceLineAdjusted': {
      const data = event.data as InvoiceLineAdjustedData;
      return quantityChanged(state, context, data.backorderId, data.lineId, data.quantity);
    }
    case 'DepositTaken':
    case 'PaymentReceived':
      return cashIn(state, context, event.data as CashInData);
    case 'RefundIssued':
      return refund(state, context, event.data as RefundIssuedData);
    case 'PurchaseOrderReceiptRecorded':
      return received(state, context, event.data as PurchaseOrderReceiptRecorded['data']);
    case 'VendorBillRecorded':
      return billed(context, event.data as VendorBillRecordedData);
    case 'BookPeriodClosed': {
      const { period } = event.data as BookPeriodClosedData;
      if (state.closedThrough === null || period > state.closedThrough)
        state.closedThrough = period;
      return;
    }
    default:
      return;
  }
}

/** Numbers entries per event and policy, and dates them in an open period. */
class PostingContext {
  private readonly counts = new Map<Policy, number>();
  readonly period: string;
  readonly policies: readonly Policy[];

  constructor(
    state: LedgerState,
    readonly event: LedgerEvent,
    private readonly post: PostEntry,
  ) {
    this.policies = state.ledgers.map((ledger) => ledger.policy);
    const natural = periodOf(event.occurredAt);
    const closed = state.closedThrough;
    this.period = closed !== null && natural <= closed ? nextPeriod(closed) : natural;
  }

  entry(
    policy: Policy,
    description: string,
    backorderId: string | null,
    lines: EntryLines,
    recognition: JournalEntry['recognition'] = null,
  ): void {
    if (lines.lines.length === 0) return;
    const n = this.counts.get(policy) ?? 0;
    this.counts.set(policy, n + 1);
    this.post({
      entryId: `${this.event.id}:${n}`,
      policy,
      period: this.period,
      occurredAt: this.event.occurredAt,
      recordedAt: this.event.recordedAt,
      position: this.event.position,
      description,
      backorderId,
      recognition,
      lines: lines.lines,
    });
  }
}

function placed(state: LedgerState, data: BackorderPlaced['data']): void {
  if (state.orders.has(data.backorderId)) return;
  const lines = new Map<string, LineFacts>();
  for (const line of data.lines) {
    lines.set(line.lineId, {
      quantity: line.quantity,
      unitNet: amountOf(line.unitPrice),
      unitTax: 0,
      unitCost: amountOf(line.product?.cost),
      invoiced: false,
      fulfilled: 0,
      allocationId: null,
    });
  }
  state.orders.set(data.backorderId, { customerId: data.customer.customerId, lines });
}

function invoiced(state: LedgerState, context: PostingContext, data: OrderInvoicedData): void {
  let order = state.orders.get(data.backorderId);
  if (!order) {
    order = { customerId: data.customerId, lines: new Map() };
    state.orders.set(data.backorderId, order);
  }
  for (const invoiceLine of data.lines) {
    const line = order.lines.get(invoiceLine.lineId) ?? {
      quantity: invoiceLine.quantity,
      unitNet: 0,
      unitTax: 0,
      unitCost: 0,
      invoiced: false,
      fulfilled: 0,
      allocationId: null,
    };
    line.quantity = invoiceLine.quantity;
    line.unitNet = amountOf(invoiceLine.unitPrice) - amountOf(invoiceLine.unitDiscount);
    line.unitTax = amountOf(invoiceLine.unitTax);
    line.invoiced = true;
    order.lines.set(invoiceLine.lineId, line);
  }
  for (const ledger of state.ledgers) {
    if (ledger.policy !== 'at-order') continue;
    for (const invoiceLine of data.lines) {
      const line = order.lines.get(invoiceLine.lineId)!;
      const book = bookOf(ledger, data.backorderId);
      const due = line.quantity - (book.recognised.get(invoiceLine.lineId) ?? 0);
      recognise(ledger, context, data.backorderId, invoiceLine.lineId, line, due);
    }
  }
}

function setAside(
  state: LedgerState,
  context: PostingContext,
  data: BackorderLineUnitsSetAside['data'],
): void {
  const line = lineOf(state, data.backorderId, data.lineId);
  if (!line) return;
  if (data.allocationId !== null) {
    const poLine = state.allocationPoLines.get(data.allocationId);
    const cost = poLine === undefined ? undefined : state.poLineCosts.get(poLine);
    if (cost !== undefined) line.unitCost = cost;
  }
  for (const ledger of state.ledgers) {
    if (ledger.policy !== 'at-set-aside') continue;
    const recognised = bookOf(ledger, data.backorderId).recognised.get(data.lineId) ?? 0;
    const due = Math.min(data.quantity, line.quantity - recognised);
    recognise(ledger, context, data.backorderId, data.lineId, line, due);
  }
}

function fulfilled(
  state: LedgerState,
  context: PostingContext,
  data: BackorderLineFulfilled['data'],
): void {
  const line = lineOf(state, data.backorderId, data.lineId);
  if (!line) return;
  line.fulfilled += data.quantity;
  // Control has passed: under every policy the units handed over are recognised by now.
  for (const ledger of state.ledgers) {
    const recognised = bookOf(ledger, data.backorderId).recognised.get(data.lineId) ?? 0;
    recognise(ledger, context, data.backorderId, data.lineId, line, line.fulfilled - recognised);
  }
}

/** A smaller or cancelled line: what was recognised beyond what remains (and left) is reversed. */
function quantityChanged(
  state: LedgerState,
  context: PostingContext,
  backorderId: string,
  lineId: string,
  quantity: number,
): void {
  const line = lineOf(state, backorderId, lineId);
  if (!line) return;
  line.quantity = quantity;
  for (const ledger of state.ledgers) {
    const recognised = bookOf(ledger, backorderId).recognised.get(lineId) ?? 0;
    const kept = Math.max(quantity, line.fulfilled);
    if (recognised > kept) recognise(ledger, context, backorderId, lineId, line, kept - recognised);
    else if (ledger.policy === 'at-order' && line.invoiced && recognised < quantity)
      recognise(ledger, context, backorderId, lineId, line, quantity - recognised);
  }
}

/**
 * Recognises n units of a line (a negative n reverses them): revenue and tax against the
 * deposits the order holds and receivable for the rest; cost of goods sold follows from inventory.
 */
function recognise(
  ledger: PolicyLedger,
  context: PostingContext,
  backorderId: string,
  lineId: string,
  line: LineFacts,
  units: number,
): void {
  if (units === 0) return;
  const book = bookOf(ledger, backorderId);
  book.recognised.set(lineId, (book.recognised.get(lineId) ?? 0) + units);
  const ids = [context.event.id];
  const net = units * line.unitNet;
  const tax = units * line.unitTax;
  const cost = units * line.unitCost;
  const total = net + tax;
  const lines = new EntryLines();
  if (total >= 0) {
    const fromDeposits = Math.min(book.deposits, total);
    book.deposits -= fromDeposits;
    book.receivable += total - fromDeposits;
    lines
      .debit(CUSTOMER_DEPOSITS, fromDeposits, [...ids, ...book.depositEventIds])
      .debit(RECEIVABLE, total - fromDeposits, ids);
  } else {
    // A reversal clears what the customer still owes first; the rest is theirs again, held.
    const fromReceivable = Math.min(book.receivable, -total);
    book.receivable -= fromReceivable;
    book.deposits += -total - fromReceivable;
    lines
      .credit(RECEIVABLE, fromReceivable, ids)
      .credit(CUSTOMER_DEPOSITS, -total - fromReceivable, ids);
  }
  lines
    .credit(SALES_REVENUE, net, ids)
    .credit(SALES_TAX_PAYABLE, tax, ids)
    .debit(COST_OF_GOODS_SOLD, cost, ids)
    .credit(INVENTORY, cost, ids);
  const what = units > 0 ? 'recognised' : 'reversed';
  context.entry(
    ledger.policy,
    `${Math.abs(units)} unit(s) of line ${lineId} ${what} (${ledger.policy})`,
    backorderId,
    lines,
    { lineId, units },
  );
}

function cashIn(state: LedgerState, context: PostingContext, data: CashInData): void {
  const amount = amountOf(data.amount);
  state.cashRecorded += amount;
  for (const ledger of state.ledgers) {
    const book = bookOf(ledger, data.backorderId);
    const ids = [context.event.id];
    const toReceivable = Math.min(book.receivable, amount);
    book.receivable -= toReceivable;
    book.deposits += amount - toReceivable;
    if (amount - toReceivable > 0) book.depositEventIds.push(context.event.id);
    const lines = new EntryLines()
      .debit(CASH, amount, ids)
      .credit(RECEIVABLE, toReceivable, ids)
      .credit(CUSTOMER_DEPOSITS, amount - toReceivable, ids);
    const what = context.event.type === 'DepositTaken' ? 'deposit taken' : 'payment received';
    context.entry(ledger.policy, what, data.backorderId, lines);
  }
}

function refund(state: LedgerState, context: PostingContext, data: RefundIssuedData): void {
  const amount = amountOf(data.amount);
  state.cashRecorded -= amount;
  for (const ledger of state.ledgers) {
    const book = bookOf(ledger, data.backorderId);
    const ids = [context.event.id];
    const fromDeposits = Math.min(book.deposits, amount);
    book.deposits -= fromDeposits;
    book.receivable += amount - fromDeposits;
    const lines = new EntryLines()
      .debit(CUSTOMER_DEPOSITS, fromDeposits, [...ids, ...book.depositEventIds])
      .debit(RECEIVABLE, amount - fromDeposits, ids)
      .credit(CASH, amount, ids);
    context.entry(ledger.policy, 'refund issued', data.backorderId, lines);
  }
}

/** Goods in from the vendor: inventory at the PO cost, owed as goods received not invoiced. */
function received(
  state: LedgerState,
  context: PostingContext,
  data: PurchaseOrderReceiptRecorded['data'],
): void {
  let cost = 0;
  for (const line of data.lines) {
    const unitCost = state.poLineCosts.get(line.poLineId) ?? amountOf(line.product?.cost);
    cost += (line.quantity + (line.substitution?.quantity ?? 0)) * unitCost;
  }
  for (const ledger of state.ledgers) {
    const ids = [context.event.id];
    const lines = new EntryLines()
      .debit(INVENTORY, cost, ids)
      .credit(GOODS_RECEIVED_NOT_INVOICED, cost, ids);
    context.entry(ledger.policy, `receipt on PO ${data.poNumber}`, null, lines);
  }
}

/** The vendor's bill: GRNI cleared at PO cost, payable at the billed cost, the difference to PPV. */
function billed(context: PostingContext, data: VendorBillRecordedData): void {
  let atPoCost = 0;
  let billed = 0;
  for (const line of data.lines) {
    atPoCost += line.quantity * amountOf(line.poUnitCost);
    billed += line.quantity * amountOf(line.billedUnitCost);
  }
  const ids = [context.event.id];
  const lines = new EntryLines()
    .debit(GOODS_RECEIVED_NOT_INVOICED, atPoCost, ids)
    .debit(PURCHASE_PRICE_VARIANCE, billed - atPoCost, ids)
    .credit(PAYABLE, billed, ids);
  for (const policy of context.policies)
    context.entry(policy, `vendor bill ${data.billId}`, null, lines);
}

function lineOf(state: LedgerState, backorderId: string, lineId: string): LineFacts | undefined {
  return state.orders.get(backorderId)?.lines.get(lineId);
}

function bookOf(ledger: PolicyLedger, backorderId: string): OrderBook {
  let book = ledger.orders.get(backorderId);
  if (!book) {
    book = { deposits: 0, receivable: 0, recognised: new Map(), depositEventIds: [] };
    ledger.orders.set(backorderId, book);
  }
  return book;
}

/** Money as stored ({ amount, currency }) or a bare integer of minor units. */
function amountOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { amount?: unknown }).amount === 'number'
  )
    return (value as { amount: number }).amount;
  return 0;
}
