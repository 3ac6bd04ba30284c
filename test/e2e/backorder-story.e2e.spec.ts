import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A day in the shop, end to end over HTTP: backorders consolidate on one vendor PO, stock on hand
 * is linked instead of ordered, the vendor confirms and revises dates, goods arrive short with a
 * substitute, a cancellation hands a held unit to the next customer, and pickup closes an order.
 * Each step waits for the reactors and projections to settle; none sleeps.
 */
describe('the backorder story', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(10_000)).toBe(true);

  beforeAll(async () => {
    // The server's own setting: projections in a worker thread, answering through the mirror.
    t = await startTestApp({ PROJECTIONS_THREAD: 'worker' });
  });
  afterAll(() => t.close());

  const post = async (url: string, body: object, actor = 'maria', status = 201) => {
    const response = await (await t.as(actor)).post(url).send(body);
    if (response.status !== status)
      throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const get = async (url: string) => (await t.http.get(url).expect(200)).body;
  const order = (key: string) => get(`/backorders/${ids[key]}`);
  const line = async (key: string, lineId: string) =>
    (await order(key)).lines.find((l: { lineId: string }) => l.lineId === lineId);

  it('sets up a daily vendor, its products, a showroom piece and four customers', async () => {
    ids.vendor = (
      await post('/vendors', { name: 'Nourison', leadTimeDays: 21, consolidation: 'daily' }, 'paul')
    ).id;
    const product = (sku: string, name: string) =>
      post(
        '/products',
        {
          vendorId: ids.vendor,
          vendorSku: sku,
          name,
          collection: 'Heritage',
          color: 'Navy',
          size: `5'3" x 7'6"`,
          cost: { amount: 40000, currency: 'USD' },
          retailPrice: { amount: 99900, currency: 'USD' },
        },
        'paul',
      );
    ids.heriz = (await product('HER-01', 'Heriz Persian')).id;
    ids.tabriz = (await product('TAB-02', 'Tabriz Silk')).id;
    ids.kilim = (await product('KIL-03', 'Kilim Runner')).id;
    ids.tabrizBlue = (await product('TAB-02B', 'Tabriz Silk Blue')).id;
    await post(
      '/stock/adjustments',
      { productId: ids.kilim, delta: 1, reason: 'showroom piece' },
      'rick',
    );
    for (const [key, name, email] of [
      ['ann', 'Ann Smith', 'ann@example.com'],
      ['bob', 'Bob Jones', 'bob@example.com'],
      ['cy', 'Cy Young', 'cy@example.com'],
      ['dee', 'Dee Park', null],
    ] as const) {
      ids[key] = (
        await post('/customers', { name, ...(email ? { email } : { phone: '+1 201 555 0100' }) })
      ).id;
    }
  });

  it('consolidates three backorders for the daily vendor on one PO', async () => {
    const place = async (key: string, customer: string, lines: object[]) => {
      const placed = await post('/backorders', { customerId: ids[customer], lines });
      expect(placed.number).toMatch(/^BO-\d{6}$/);
      ids[key] = placed.id;
    };
    await place('bo1', 'ann', [{ productId: ids.heriz, quantity: 1 }]);
    await place('bo2', 'bob', [{ productId: ids.heriz, quantity: 1 }]);
    await place('bo3', 'cy', [
      { productId: ids.heriz, quantity: 1 },
      { productId: ids.tabriz, quantity: 1 },
    ]);
    await settle();

    const drafts = await get(`/purchase-orders?vendorId=${ids.vendor}&status=draft`);
    expect(drafts.items).toHaveLength(1);
    ids.po = drafts.items[0].id;
    const po = await get(`/purchase-orders/${ids.po}`);
    const herizLine = po.lines.find(
      (l: { product: { productId: string } }) => l.product.productId === ids.heriz,
    );
    ids.herizLine = herizLine.poLineId;
    ids.tabrizLine = po.lines.find(
      (l: { product: { productId: string } }) => l.product.productId === ids.tabriz,
    ).poLineId;
    expect(herizLine.quantity).toBe(3);
    expect(herizLine.allocations.map((a: { customerName: string }) => a.customerName)).toEqual([
      'Ann Smith',
      'Bob Jones',
      'Cy Young',
    ]);
    for (const key of ['bo1', 'bo2', 'bo3']) {
      expect((await line(key, 'L1')).status).toBe('on-po');
    }
  });

  it('offers the showroom piece to a fourth order and links it instead of ordering', async () => {
    ids.bo4 = (
      await post('/backorders', {
        customerId: ids.dee,
        lines: [{ productId: ids.kilim, quantity: 1 }],
      })
    ).id;
    await settle();
    expect(await line('bo4', 'L1')).toMatchObject({ status: 'awaiting-link' });

    await post(`/backorders/${ids.bo4}/lines/L1/link-stock`, {}, 'maria', 200);
    await settle();
    expect((await line('bo4', 'L1')).status).toBe('ready');
    const stock = await get(`/stock?productId=${ids.kilim}`);
    expect(stock).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    const drafts = await get(`/purchase-orders?vendorId=${ids.vendor}&status=draft`);
    expect(
      drafts.items[0].lines.some(
        (l: { product: { productId: string } }) => l.product.productId === ids.kilim,
      ),
    ).toBe(false);
  });

  it('submits, takes the vendor ETAs, and shows a revised ETA on every linked order', async () => {
    await post(`/purchase-orders/${ids.po}/submit`, {}, 'paul', 200);
    await settle();
    ids.asOfSubmitted = (await t.events.head())!.recordedAt;
    await post(
      `/purchase-orders/${ids.po}/acknowledge`,
      {
        vendorReference: 'SO-88412',
        etas: [
          { poLineId: ids.herizLine, eta: '2026-12-10' },
          { poLineId: ids.tabrizLine, eta: '2026-12-12' },
        ],
      },
      'paul',
      200,
    );
    await post(
      `/purchase-orders/${ids.po}/lines/${ids.herizLine}/eta`,
      { eta: '2026-12-18', source: 'vendor', reason: 'dye lot delayed' },
      'paul',
      200,
    );
    await settle();
    for (const key of ['bo1', 'bo2', 'bo3']) {
      const l1 = await line(key, 'L1');
      expect(l1.eta).toBe('2026-12-18');
      expect(l1.etaHistory.map((h: { eta: string }) => h.eta)).toEqual([
        '2026-12-10',
        '2026-12-18',
      ]);
    }
    expect((await line('bo3', 'L2')).eta).toBe('2026-12-12');
  });

  it('receives two of three, oldest orders first, with a substitute for the Tabriz', async () => {
    const receipt = await post(
      `/purchase-orders/${ids.po}/receipts`,
      {
        lines: [
          { poLineId: ids.herizLine, quantity: 2 },
          {
            poLineId: ids.tabrizLine,
            quantity: 0,
            substitute: { productId: ids.tabrizBlue, quantity: 1 },
          },
        ],
      },
      'rick',
    );
    await settle();
    const view = await get(`/receipts/${receipt.id}`);
    const heriz = view.lines.find((l: { poLineId: string }) => l.poLineId === ids.herizLine);
    expect(heriz.setAside.map((s: { customerName: string }) => s.customerName)).toEqual([
      'Ann Smith',
      'Bob Jones',
    ]);
    expect(heriz.short).toBe(1);
    expect(heriz.setAside[0].label).toMatchObject({
      customerName: 'Ann Smith',
      productName: 'Heriz Persian',
    });

    expect((await line('bo1', 'L1')).status).toBe('ready');
    expect((await line('bo2', 'L1')).status).toBe('ready');
    expect((await line('bo3', 'L1')).status).toBe('on-po');
    expect((await line('bo3', 'L2')).status).toBe('exception');
    expect((await get(`/purchase-orders/${ids.po}`)).status).toBe('partially-received');
    const notices = readFileSync(join(t.dataDir, 'notices.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(notices.map((n) => n.recipient)).toEqual(
      expect.arrayContaining(['ann@example.com', 'bob@example.com']),
    );
  });

  it('lets the customer accept the substitute', async () => {
    await post(
      `/backorders/${ids.bo3}/lines/L2/substitution`,
      { decision: 'accept' },
      'maria',
      200,
    );
    await settle();
    const l2 = await line('bo3', 'L2');
    // Held for Cy and already announced: the notice goes out as soon as the line is complete.
    expect(l2.status).toBe('ready');
    expect(l2.delivered.name).toBe('Tabriz Silk Blue');
  });

  it("hands a cancelled customer's held unit to the next customer waiting on the line", async () => {
    await post(
      `/backorders/${ids.bo1}/lines/L1/cancel`,
      { reason: 'customer found another rug', disposition: 'give-to-next-customer' },
      'maria',
      200,
    );
    await settle();
    expect((await line('bo1', 'L1')).status).toBe('cancelled');
    expect((await order('bo1')).status).toBe('closed');
    expect((await line('bo3', 'L1')).status).toBe('ready');
    const herizStock = await get(`/stock?productId=${ids.heriz}`);
    expect(herizStock).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
  });

  it('closes an order once it is picked up', async () => {
    await post(`/backorders/${ids.bo2}/lines/L1/fulfil`, { method: 'pickup' }, 'maria', 200);
    await settle();
    expect(await order('bo2')).toMatchObject({ status: 'closed' });
    expect((await line('bo2', 'L1')).status).toBe('picked-up');
    expect(await get(`/stock?productId=${ids.heriz}`)).toMatchObject({ onHand: 1, reserved: 1 });
  });

  it('tells the whole story of an order, in order, with who did what', async () => {
    const timeline = await get(`/backorders/${ids.bo3}/timeline`);
    const milestones = [
      'BackorderPlaced',
      'BackorderLineOnPurchaseOrder',
      'PurchaseOrderSubmitted',
      'PurchaseOrderAcknowledged',
      'PurchaseOrderLineEtaRevised',
      'PurchaseOrderReceiptRecorded',
      'BackorderLineSubstitutionOffered',
      'BackorderLineSubstitutionAccepted',
      'BackorderLineUnitsSetAside',
      'BackorderReadyNoticeRecorded',
    ];
    const told = timeline.entries
      .map((e: { eventType: string }) => e.eventType)
      .filter((type: string) => milestones.includes(type));
    expect(told).toEqual([
      'BackorderPlaced',
      'BackorderLineOnPurchaseOrder',
      'BackorderLineOnPurchaseOrder',
      'PurchaseOrderSubmitted',
      'PurchaseOrderAcknowledged',
      'PurchaseOrderLineEtaRevised',
      'PurchaseOrderReceiptRecorded',
      'BackorderLineSubstitutionOffered',
      'BackorderLineSubstitutionAccepted',
      'BackorderReadyNoticeRecorded',
      'BackorderLineUnitsSetAside',
      'BackorderReadyNoticeRecorded',
    ]);
    const positions = timeline.entries.map(
      (e: { position: { commit: number } }) => e.position.commit,
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const revised = timeline.entries.find(
      (e: { eventType: string }) => e.eventType === 'PurchaseOrderLineEtaRevised',
    );
    expect(revised).toMatchObject({ who: 'paul', why: 'dye lot delayed' });
    expect(timeline.entries[0]).toMatchObject({ who: 'maria' });
  });

  it('shows the order as it was before the vendor answered', async () => {
    const then = await get(`/backorders/${ids.bo3}?asOf=${encodeURIComponent(ids.asOfSubmitted)}`);
    const now = await order('bo3');
    expect(then.lines[0]).toMatchObject({ status: 'on-po' });
    expect(then.lines[0].eta ?? null).toBeNull();
    expect(now.lines[0].status).toBe('ready');
    expect(then).not.toEqual(now);
  });

  it('answers where-is-my-order by number, name, phone or email', async () => {
    const bo3 = await order('bo3');
    for (const q of [bo3.number, 'Cy Young', 'cy@example.com']) {
      const found = await get(`/lookup?q=${encodeURIComponent(q)}`);
      expect(JSON.stringify(found)).toContain(bo3.number);
    }
    const byPhone = await get(`/lookup?q=${encodeURIComponent('201-555-0100')}`);
    expect(JSON.stringify(byPhone)).toContain((await order('bo4')).number);
  });

  it('lists the same orders in the same order however the phone number is typed', async () => {
    const spellings = [
      '201-555-0100',
      '(201) 555-0100',
      '2015550100',
      '+1 201 555 0100',
      '555-0100',
    ];
    const answers = [];
    for (const q of spellings) {
      const found: { number: string; placedAt: string }[] = await get(
        `/lookup?q=${encodeURIComponent(q)}`,
      );
      answers.push(found.map((o) => o.number));
    }
    expect(answers[0]).toContain((await order('bo4')).number);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});
