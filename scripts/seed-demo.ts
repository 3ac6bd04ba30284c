import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../src/app.module';
import { APP_CONFIG, type AppConfig, loadConfig } from '../src/shared/config/app-config';
import { ConsumersSettled } from '../src/shared/consumers/consumers-settled';
import { EVENT_STORE, type EventStore } from '../src/shared/eventstore/event-store.port';
import { configureHttpApp, createHttpAdapter } from '../src/shared/http/http-app';
import {
  bulkOrder,
  castProducts,
  type Customer,
  type OrderPlan,
  type Product,
  SALESPEOPLE,
} from './seed/casting';
import { generateCatalog, VENDORS } from './seed/catalog';
import { generateCustomers } from './seed/customers';
import { BusinessClock } from './seed/business-clock';
import {
  ACCOUNTANT,
  agreeLayaways,
  payBalances,
  payInstallment,
  recordVendorBills,
  refundCredits,
  takeDeposits,
} from './seed/money';
import { Random } from './seed/random';
import { Clock } from '../src/shared/time/clock';
import { inParallel, ShopClient } from './seed/shop-client';
import { writeJournal } from './seed/seed-journal';
import { beginSeedRun } from './seed/seed-run';
import { SeedRefused } from './seed/seed-refused';

export { SeedRefused };

export interface SeedOptions {
  readonly products: number;
  readonly customers: number;
  readonly seed: number;
  /** Seed even when the event store already holds events. */
  readonly force: boolean;
  /**
   * Called after each step of the story has settled, with its name: tests stop the seed there
   * (by throwing) to show that a rerun completes it.
   */
  readonly afterStep?: (step: string) => void | Promise<void>;
}

export const DEFAULT_OPTIONS: SeedOptions = {
  products: 3000,
  customers: 200,
  seed: 42,
  force: false,
};

export interface SeedReport {
  readonly vendors: number;
  readonly products: number;
  readonly customers: number;
  readonly showroomPieces: number;
  readonly orders: Readonly<Record<string, number>>;
  readonly lines: Readonly<Record<string, number>>;
  readonly purchaseOrders: Readonly<Record<string, number>>;
  readonly events: number;
  readonly health: string;
  /** The demo's staff roles and their usernames here (`maria-demo` when maria was someone else). */
  readonly staff: Readonly<Record<string, string>>;
  /** Things to look up in the seeded shop. */
  readonly examples: {
    readonly customerName: string;
    readonly phone: string | null;
    readonly exceptionOrder: string;
    readonly substitutionOrder: string;
  };
}

const BUYER = 'paul';
const RECEIVER = 'rick';
/** Requests in flight at once: enough to fill the event store's group commits. */
const CONCURRENCY = 32;
/** Share of the bulk orders placed in each wave, oldest first. */
const WAVE_SHARES = [0.3, 0.2, 0.2, 0.15, 0.15];
const SETTLE_TIMEOUT_MS = 120_000;

interface PlacedOrder {
  readonly id: string;
  readonly number: string;
  readonly plan: OrderPlan;
}

/** What the seed reads of GET /purchase-orders/:id. */
interface PurchaseOrder {
  readonly id: string;
  readonly number: string;
  readonly vendorId: string;
  readonly status: string;
  readonly lines: readonly {
    readonly poLineId: string;
    readonly product: { readonly productId: string };
    readonly quantity: number;
    readonly cancelled: boolean;
  }[];
}

/** What the seed reads of GET /backorders. */
interface Backorder {
  readonly status: string;
  readonly lines: readonly { readonly status: string }[];
}

interface ReceiptLine {
  readonly poLineId: string;
  readonly quantity: number;
  readonly substitute?: { readonly productId: string; readonly quantity: number };
}

/** How far a wave's POs get: the oldest arrived, the newest stay drafts. */
type Stage = 'received' | 'partially-received' | 'acknowledged' | 'submitted';

/** The demo's staff: who acts for each part of the shop (the seed itself reads as `seed`). */
const STAFF_ROLES = [...SALESPEOPLE, BUYER, RECEIVER, ACCOUNTANT, 'seed'];

/**
 * Fills the store with a living demo shop by driving the real application over HTTP: vendors, a
 * catalog, customers and showroom stock, then five waves of backorders whose POs reach every
 * stage (the oldest wave arrived and was mostly picked up, the newest still collects on draft
 * POs), with the exceptions a shop meets: a short shipment, substitutes, a discontinued design,
 * cancellations that hand a rug to the next customer or keep it as stock.
 *
 * Everything is checked before the first write (see beginSeedRun); an interrupted seed run again
 * with the same options completes what is missing.
 */
export async function seedDemo(
  app: NestFastifyApplication,
  options: SeedOptions = DEFAULT_OPTIONS,
): Promise<SeedReport> {
  // Business time moves month by month (see BusinessClock), so money spans several months; a seed
  // that stops on the way leaves the app on the real time.
  const business = new BusinessClock(app.get(Clock));
  try {
    return await fillShop(app, options, business);
  } finally {
    business.restore();
  }
}

async function fillShop(
  app: NestFastifyApplication,
  options: SeedOptions,
  business: BusinessClock,
): Promise<SeedReport> {
  checkOptions(options);
  const events = app.get<EventStore>(EVENT_STORE);
  const { dataDir } = app.get<AppConfig>(APP_CONFIG);
  let journal = await beginSeedRun(
    events,
    dataDir,
    options,
    options.force,
    STAFF_ROLES,
    new Date().toISOString().slice(0, 10),
  );
  const { today } = journal;
  const random = new Random(options.seed);
  const shop = new ShopClient(app, { runId: journal.runId, usernames: journal.staff });
  const settled = app.get(ConsumersSettled);
  const settle = async (after: string) => {
    if (!(await settled.wait(SETTLE_TIMEOUT_MS))) {
      throw new Error(`reactors and projections did not catch up after ${after}: see GET /health`);
    }
    await options.afterStep?.(after);
  };
  const place = (plan: OrderPlan, label: string) => placeOrder(shop, plan, label);
  const vendorIds = await inParallel(VENDORS, VENDORS.length, async (vendor, i) => {
    const { name, leadTimeDays, consolidation, email, phone } = vendor;
    const body = { name, leadTimeDays, consolidation, email, phone };
    return (await shop.post<{ id: string }>(BUYER, '/vendors', body, `vendor ${i}`)).id;
  });
  const products: Product[] = await inParallel(
    generateCatalog(options.products, random),
    CONCURRENCY,
    async (spec, i) => {
      const { vendor, cost, retailPrice, ...details } = spec;
      const body = {
        ...details,
        vendorId: vendorIds[vendor],
        cost: usd(cost),
        retailPrice: usd(retailPrice),
      };
      const created = await shop.post<{ id: string }>(BUYER, '/products', body, `product ${i}`);
      return { ...spec, id: created.id };
    },
  );
  const customerSpecs = generateCustomers(options.customers, random);
  const customerActors = customerSpecs.map(() => random.pick(SALESPEOPLE));
  const customers: Customer[] = await inParallel(customerSpecs, CONCURRENCY, async (spec, i) => ({
    ...spec,
    id: (await shop.post<{ id: string }>(customerActors[i], '/customers', spec, `customer ${i}`))
      .id,
  }));

  const cast = castProducts(products, random);
  const showroomUnits = cast.showroom.map(() =>
    random.weighted([
      [1, 3],
      [2, 1],
    ] as const),
  );
  await inParallel(cast.showroom, CONCURRENCY, (product, i) =>
    shop.post(
      RECEIVER,
      '/stock/adjustments',
      { productId: product.id, delta: showroomUnits[i], reason: 'Showroom floor count' },
      `showroom piece ${i}`,
    ),
  );

  // Who plays each part of the story, and the everyday orders around them.
  const people = random.shuffle(customers);
  const role = (index: number) => people[index % people.length];
  const single = (
    customer: Customer,
    product: Product,
    quantity = 1,
    notes?: string,
  ): OrderPlan => ({
    customer,
    salesperson: random.pick(SALESPEOPLE),
    ...(notes ? { notes } : {}),
    lines: [{ product, quantity }],
  });
  const story = {
    keep: single(role(0), cast.keep),
    giveFirst: single(role(1), cast.handOver),
    giveNext: single(role(2), cast.handOver),
    pair: single(role(3), cast.pair, 2, 'A matching pair for the upstairs hallway'),
    substituteAccepted: single(role(4), cast.substitutedAccepted.ordered),
    substitutePending: single(role(5), cast.substitutedPending.ordered),
    revisedFirst: single(role(6), cast.revised, 1, 'Wants it before the holidays'),
    revisedSecond: single(role(7), cast.revised),
    discontinued: single(role(8), cast.discontinued),
    reduced: single(role(9), cast.reduced, 2),
    showroom: cast.showroom
      .slice(0, 6)
      .map((product, i) =>
        single(role(10 + i), product, 1, i === 0 ? 'Saw it on the floor' : undefined),
      ),
  };
  const bulkCount = Math.round(options.customers * 1.5);
  const waves = WAVE_SHARES.map((share) =>
    Array.from({ length: Math.max(1, Math.round(bulkCount * share)) }, () =>
      bulkOrder(customers, cast, random),
    ),
  );
  const pickups = waves[0].map(() =>
    random.weighted([
      [null, 1],
      ['pickup', 4],
      ['delivery', 1],
    ] as const),
  );

  // The open drafts per vendor, each read whole for its line ids. Kept in the journal: a rerun
  // finds them submitted or received, and must advance the same ones with the same lines.
  const draftsOf = async (wave: string): Promise<PurchaseOrder[]> => {
    const kept = journal.reads[wave] as PurchaseOrder[] | undefined;
    if (kept) return kept;
    const drafts = await Promise.all(
      vendorIds.map((vendorId) =>
        shop.all<{ id: string }>(`/purchase-orders?vendorId=${vendorId}&status=draft`),
      ),
    );
    const pos = await inParallel(drafts.flat(), CONCURRENCY, (po) =>
      shop.get<PurchaseOrder>(`/purchase-orders/${po.id}`),
    );
    journal = { ...journal, reads: { ...journal.reads, [wave]: pos } };
    writeJournal(dataDir, journal);
    return pos;
  };
  const vendorOf = (po: PurchaseOrder) => VENDORS[vendorIds.indexOf(po.vendorId)];
  const lineOf = (pos: readonly PurchaseOrder[], product: Product) => {
    for (const po of pos) {
      const line = po.lines.find((l) => l.product.productId === product.id);
      if (line) return { po, line };
    }
    throw new Error(`no PO line for ${product.vendorSku}`);
  };

  /** Takes the wave's draft POs as far as the stage, each PO on its own, several at once. */
  const advance = async (
    pos: readonly PurchaseOrder[],
    stage: Stage,
    receipt: (po: PurchaseOrder) => ReceiptLine[] = fullReceipt,
  ) => {
    await inParallel(pos, CONCURRENCY, async (po) => {
      await shop.post(BUYER, `/purchase-orders/${po.id}/submit`);
      if (stage === 'submitted') return;
      const vendor = vendorOf(po);
      const arrived = stage !== 'acknowledged';
      const etas = po.lines.map((line, i) => ({
        poLineId: line.poLineId,
        eta: addDays(today, arrived ? -(i % 4) : vendor.leadTimeDays + (i % 3) * 2),
      }));
      await shop.post(BUYER, `/purchase-orders/${po.id}/acknowledge`, {
        vendorReference: `${vendor.skuPrefix}-SO-${po.number.replace(/\D/g, '')}`,
        etas,
      });
      if (!arrived) return;
      const lines = receipt(po);
      if (lines.length > 0)
        await shop.post(RECEIVER, `/purchase-orders/${po.id}/receipts`, { lines });
    });
  };

  const money = new Random(options.seed + 1);
  const paying = (orders: readonly PlacedOrder[]) =>
    orders.map((o) => ({ id: o.id, salesperson: o.plan.salesperson }));
  const dayAgo = (days: number) => addDays(today, -days);
  // Wave 1: ordered four months ago; everything arrived a month later.
  business.daysAgo(120);
  const keep = await place(story.keep, 'keep');
  const wave1 = await inParallel(waves[0], CONCURRENCY, (plan, i) =>
    place(plan, `wave1 order ${i}`),
  );
  await settle('the first wave of orders');
  await takeDeposits(shop, paying([keep, ...wave1]), money, 0.6);
  const layaways = paying(wave1.slice(0, 5));
  await agreeLayaways(shop, layaways, [dayAgo(95), dayAgo(65), dayAgo(35)]);
  const wave1Pos = await draftsOf('wave1');
  business.daysAgo(95);
  await advance(wave1Pos, 'received');
  await settle('the first receipts');
  await payInstallment(shop, layaways, 1);
  business.daysAgo(88);
  await recordVendorBills(
    shop,
    wave1Pos.map((po) => po.id),
    dayAgo(88),
  );
  business.daysAgo(65);
  await payInstallment(shop, layaways, 2);
  business.daysAgo(60);

  // Wave 2: the vendors shipped part of it, one sent substitutes.
  const giveFirst = await place(story.giveFirst, 'giveFirst');
  const giveNext = await place(story.giveNext, 'giveNext');
  await place(story.pair, 'pair');
  const substituteAccepted = await place(story.substituteAccepted, 'substituteAccepted');
  await place(story.substitutePending, 'substitutePending');
  const wave2 = await inParallel(waves[1], CONCURRENCY, (plan, i) =>
    place(plan, `wave2 order ${i}`),
  );
  await settle('the second wave of orders');
  await takeDeposits(shop, paying([giveFirst, giveNext, ...wave2]), money, 0.5);
  business.daysAgo(40);
  const overrides = new Map<string, Omit<ReceiptLine, 'poLineId'>>([
    [cast.handOver.id, { quantity: 1 }],
    [cast.pair.id, { quantity: 1 }],
    ...[cast.substitutedAccepted, cast.substitutedPending].map(
      ({ ordered, substitute }) =>
        [
          ordered.id,
          { quantity: 0, substitute: { productId: substitute.id, quantity: 1 } },
        ] as const,
    ),
  ]);
  await advance(await draftsOf('wave2'), 'partially-received', (po) =>
    partialReceipt(po, overrides),
  );
  await settle('the partial receipts');

  // Wave 3: the vendors confirmed dates; one container is late.
  business.daysAgo(30);
  await place(story.revisedFirst, 'revisedFirst');
  await place(story.revisedSecond, 'revisedSecond');
  await inParallel(waves[2], CONCURRENCY, (plan, i) => place(plan, `wave3 order ${i}`));
  await settle('the third wave of orders');
  const wave3Pos = await draftsOf('wave3');
  await advance(wave3Pos, 'acknowledged');
  const late = lineOf(wave3Pos, cast.revised);
  const lateEta = addDays(today, vendorOf(late.po).leadTimeDays + 12);
  await shop.post(BUYER, `/purchase-orders/${late.po.id}/lines/${late.line.poLineId}/eta`, {
    eta: lateEta,
    source: 'vendor',
    reason: 'Container held at the port of Savannah',
  });

  // Wave 4: sent to the vendors, not confirmed yet; one design is discontinued.
  business.daysAgo(12);
  const discontinued = await place(story.discontinued, 'discontinued');
  const reduced = await place(story.reduced, 'reduced');
  await inParallel(waves[3], CONCURRENCY, (plan, i) => place(plan, `wave4 order ${i}`));
  await shop.post(BUYER, '/purchase-orders', {
    vendorId: vendorIds[cast.restock[0].vendor],
    lines: cast.restock.map((product) => ({ productId: product.id, quantity: 2 })),
  });
  await settle('the fourth wave of orders');
  const wave4Pos = await draftsOf('wave4');
  await advance(wave4Pos, 'submitted');
  const gone = lineOf(wave4Pos, cast.discontinued);
  await shop.post(BUYER, `/purchase-orders/${gone.po.id}/lines/${gone.line.poLineId}/cancel`, {
    reason: 'Vendor discontinued the design',
  });

  // Wave 5: today's orders, still collecting on draft POs; some are for pieces on the floor.
  business.restore();
  const showroom: PlacedOrder[] = [];
  for (const [i, plan] of story.showroom.entries()) {
    showroom.push(await place(plan, `showroom order ${i}`));
  }
  await inParallel(waves[4], CONCURRENCY, (plan, i) => place(plan, `wave5 order ${i}`));
  await settle('the fifth wave of orders');
  const linked = showroom.slice(0, 3);
  await inParallel(linked, CONCURRENCY, (order) =>
    shop.post(order.plan.salesperson, `/backorders/${order.id}/lines/L1/link-stock`),
  );
  await shop.post(showroom[3].plan.salesperson, `/backorders/${showroom[3].id}/lines/L1/order`, {
    reason: 'Customer wants a new piece, not the showroom sample',
  });
  await settle('the stock links');

  // Decisions at the counter.
  await shop.post('maria', `/backorders/${substituteAccepted.id}/lines/L1/substitution`, {
    decision: 'accept',
    reason: 'Customer prefers the substitute colorway',
  });
  await shop.post('maria', `/backorders/${giveFirst.id}/lines/L1/cancel`, {
    reason: 'Customer found another rug',
    disposition: 'give-to-next-customer',
  });
  await shop.post('james', `/backorders/${keep.id}/lines/L1/cancel`, {
    reason: 'Customer moved out of state; the rug goes to the showroom floor',
    disposition: 'keep-as-stock',
  });
  await shop.post('sofia', `/backorders/${reduced.id}/lines/L1/change`, {
    quantity: 1,
    reason: 'Only one hallway after all',
    disposition: 'cancel-po-line',
  });
  const collected = wave1
    .map((order, i) => ({ order, method: pickups[i] }))
    .filter((p) => p.method !== null);
  collected.push({ order: linked[0], method: 'pickup' });
  // The rest is paid at the counter before the goods leave.
  await payBalances(shop, paying(collected.map((c) => c.order)), money);
  await inParallel(collected, CONCURRENCY, async ({ order, method }) => {
    for (let line = 1; line <= order.plan.lines.length; line++) {
      await shop.post(order.plan.salesperson, `/backorders/${order.id}/lines/L${line}/fulfil`, {
        method,
      });
    }
  });
  const closing = wave1Pos.find((po) => vendorOf(po).consolidation === 'per-order') ?? wave1Pos[0];
  await shop.post(BUYER, `/purchase-orders/${closing.id}/close`, {
    reason: 'All goods in; vendor invoice matched',
  });
  await settle('the decisions at the counter');
  await refundCredits(shop, [
    { ...paying([giveFirst])[0], lineId: 'L1', reason: 'Order cancelled: deposit returned' },
    { ...paying([keep])[0], lineId: 'L1', reason: 'Order cancelled: deposit returned' },
  ]);
  await settle('the refunds');
  business.restore();
  journal = { ...journal, completedAt: new Date().toISOString() };
  writeJournal(dataDir, journal);

  const orders = await shop.all<Backorder>('/backorders');
  const purchaseOrders = await shop.all<{ status: string }>('/purchase-orders');
  const health = await shop.get<{ status: string }>('/health');
  return {
    vendors: VENDORS.length,
    products: products.length,
    customers: customers.length,
    showroomPieces: cast.showroom.length,
    orders: tally(orders.map((o) => o.status)),
    lines: tally(orders.flatMap((o) => o.lines.map((l) => l.status))),
    purchaseOrders: tally(purchaseOrders.map((po) => po.status)),
    events: await events.countAfter('start', Number.MAX_SAFE_INTEGER),
    health: health.status,
    staff: journal.staff,
    examples: {
      customerName: giveNext.plan.customer.name,
      phone: people.find((c) => c.phone)?.phone ?? null,
      exceptionOrder: discontinued.number,
      substitutionOrder: substituteAccepted.number,
    },
  };
}

async function placeOrder(shop: ShopClient, plan: OrderPlan, label: string): Promise<PlacedOrder> {
  const body = {
    customerId: plan.customer.id,
    ...(plan.notes ? { notes: plan.notes } : {}),
    lines: plan.lines.map((line) => ({
      productId: line.product.id,
      quantity: line.quantity,
      ...(line.unitPrice ? { unitPrice: usd(line.unitPrice) } : {}),
    })),
  };
  const placed = await shop.post<{ id: string; number: string }>(
    plan.salesperson,
    '/backorders',
    body,
    label,
  );
  return { ...placed, plan };
}

const fullReceipt = (po: PurchaseOrder): ReceiptLine[] =>
  po.lines.filter((l) => !l.cancelled).map((l) => ({ poLineId: l.poLineId, quantity: l.quantity }));

/**
 * A short shipment: every other line arrives (one unit short when it has several), the story's
 * lines as the overrides say; at least one unit so it is a receipt at all.
 */
function partialReceipt(
  po: PurchaseOrder,
  overrides: ReadonlyMap<string, Omit<ReceiptLine, 'poLineId'>>,
): ReceiptLine[] {
  const lines = po.lines
    .filter((l) => !l.cancelled)
    .map((l, i): ReceiptLine => {
      const override = overrides.get(l.product.productId);
      if (override) return { poLineId: l.poLineId, ...override };
      const quantity = i % 2 === 0 ? l.quantity : l.quantity - 1;
      return { poLineId: l.poLineId, quantity };
    })
    .filter((l) => l.quantity > 0 || l.substitute);
  return lines.length > 0 ? lines : fullReceipt(po).slice(0, 1);
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function usd(cents: number) {
  return { amount: cents, currency: 'USD' };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function checkOptions(options: SeedOptions): void {
  const within = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max)
      throw new SeedRefused(`--${name} must be a whole number from ${min} to ${max}`);
  };
  within('products', options.products, 100, 200_000);
  within('customers', options.customers, 20, 1000);
  within('seed', options.seed, 0, 2 ** 32 - 1);
}

const USAGE = `usage: npm run seed:demo -- [--products N] [--customers N] [--seed N] [--force]
Fills an empty store (DATA_DIR, default ./data) with a demo rug shop.`;

function parseArgs(args: readonly string[]): SeedOptions | null {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    const value = () => Number(inline ?? args[++i]);
    switch (flag) {
      case '--products':
        options.products = value();
        break;
      case '--customers':
        options.customers = value();
        break;
      case '--seed':
        options.seed = value();
        break;
      case '--force':
        options.force = true;
        break;
      default:
        return null;
    }
  }
  return options;
}

const STATUS_ORDER = [
  'open',
  'draft',
  'submitted',
  'acknowledged',
  'awaiting-link',
  'to-order',
  'on-po',
  'partially-received',
  'received',
  'set-aside',
  'ready',
  'picked-up',
  'closed',
  'cancelled',
  'exception',
];

/** A line naming the demo staff who took another name because theirs belongs to someone else. */
function renamedStaff(staff: Readonly<Record<string, string>>): string[] {
  const renamed = Object.entries(staff).filter(([role, username]) => role !== username);
  if (renamed.length === 0) return [];
  const names = renamed.map(([role, username]) => `${username} (${role} was taken)`).join(', ');
  return [`  demo staff under other names: ${names}`];
}

/** Where the started server answers: the configured host and port (any-address binds as localhost). */
export function serverBase(config: Pick<AppConfig, 'host' | 'port'>): string {
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

function printReport(report: SeedReport, config: AppConfig, seconds: number): void {
  const { dataDir } = config;
  const base = serverBase(config);
  // In the order of the flow, any status the seed does not know last.
  const rank = (status: string) =>
    STATUS_ORDER.includes(status) ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length;
  const counts = (values: Readonly<Record<string, number>>) =>
    Object.entries(values)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([status, count]) => `${status} ${count}`)
      .join(', ');
  const total = (values: Readonly<Record<string, number>>) =>
    Object.values(values).reduce((a, b) => a + b, 0);
  const q = (text: string) => encodeURIComponent(text);
  process.stdout.write(
    [
      `Seeded a demo shop into ${dataDir} in ${seconds.toFixed(1)} s.`,
      `  ${report.vendors} vendors, ${report.products} products, ${report.customers} customers, ` +
        `${report.showroomPieces} showroom pieces`,
      `  orders:          ${total(report.orders)} (${counts(report.orders)})`,
      `  lines by status: ${counts(report.lines)}`,
      `  purchase orders: ${total(report.purchaseOrders)} (${counts(report.purchaseOrders)})`,
      `  events in the log: ${report.events}; health: ${report.health}`,
      ...renamedStaff(report.staff),
      '',
      `Look at it: DATA_DIR=${dataDir} npm start, then`,
      `  GET ${base}/lookup?q=${q(report.examples.customerName)}`,
      ...(report.examples.phone ? [`  GET ${base}/lookup?q=${q(report.examples.phone)}`] : []),
      `  GET ${base}/lookup?q=${report.examples.exceptionOrder}   (a discontinued design)`,
      `  GET ${base}/lookup?q=${report.examples.substitutionOrder}   (a substitute accepted)`,
      `  GET ${base}/backorders?status=exception`,
      `  GET ${base}/purchase-orders?status=partially-received`,
      `  GET ${base}/purchase-orders/drafts`,
      `  ${base}/docs`,
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseArgs(args);
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    checkOptions(options);
  } catch (error) {
    process.stderr.write(`seed:demo refused: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // The app reads its configuration from the environment; the seed is quieter than a server.
  process.env.LOG_LEVEL ??= 'warn';
  // The seed writes far faster than the per-user limit meant for people at a counter.
  process.env.WRITES_PER_SECOND ??= '1000000';
  const config = loadConfig(process.env);
  const started = Date.now();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    createHttpAdapter(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await configureHttpApp(app, config);
  await app.init();
  try {
    const report = await seedDemo(app, options);
    printReport(report, config, (Date.now() - started) / 1000);
  } catch (error) {
    if (!(error instanceof SeedRefused)) throw error;
    process.stderr.write(`seed:demo refused: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
