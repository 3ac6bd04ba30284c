import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { startTestApp, type TestApp } from '../support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/**
 * The money of one order, end to end over HTTP at a store tax rate of 8.25 %: an invoice with a
 * discount at placement and a deposit, a unit set aside on arrival, the vendor's bill at a higher
 * cost, pickup with the final payment, a cancelled line refunded with its disposition, and the
 * lists and timeline that show it.
 */
describe('the money story', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(10_000)).toBe(true);

  beforeAll(async () => {
    t = await startTestApp({ STORE_TAX_RATE_BP: '825' });
  }, 60_000);
  afterAll(() => t.close());

  const post = async (url: string, body: object, actor = 'maria', status = 201) => {
    const response = await (await t.as(actor)).post(url).send(body);
    if (response.status !== status)
      throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const get = async (url: string) => (await t.http.get(url).expect(200)).body;
  const account = () => get(`/backorders/${ids.order}/account`);

  it('invoices the order at placement, with a discount and tax, and takes a deposit', async () => {
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
          cost: usd(40000),
          retailPrice: usd(99900),
        },
        'paul',
      );
    ids.heriz = (await product('HER-01', 'Heriz Persian')).id;
    ids.tabriz = (await product('TAB-02', 'Tabriz Silk')).id;
    ids.ann = (await post('/customers', { name: 'Ann Smith', email: 'ann@example.com' })).id;

    ids.order = (
      await post('/backorders', {
        customerId: ids.ann,
        lines: [
          { productId: ids.heriz, quantity: 1, unitDiscount: usd(9900) },
          { productId: ids.tabriz, quantity: 1 },
        ],
      })
    ).id;
    // Read right after placing: the invoice was written in the same request.
    const invoiced = await account();
    expect(invoiced.lines.map((l: { unitTax: { amount: number } }) => l.unitTax.amount)).toEqual([
      7425, // 90000 × 8.25 %
      8242, // 99900 × 8.25 % = 8241.75, half to even
    ]);
    expect(invoiced.totals).toMatchObject({
      subtotal: usd(199800),
      discount: usd(9900),
      tax: usd(15667),
      total: usd(205567),
    });

    const deposit = await post(`/backorders/${ids.order}/account/deposits`, {
      amount: usd(60000),
      method: 'card',
    });
    expect(deposit).toMatchObject({ changed: true, balanceDue: usd(145567) });
  });

  it('sets the Heriz aside on arrival and records the vendor bill at a higher cost', async () => {
    await settle();
    const drafts = await get(`/purchase-orders?vendorId=${ids.vendor}&status=draft`);
    ids.po = drafts.items[0].id;
    const po = await get(`/purchase-orders/${ids.po}`);
    const lineOf = (productId: string) =>
      po.lines.find((l: { product: { productId: string } }) => l.product.productId === productId)
        .poLineId as string;
    ids.herizLine = lineOf(ids.heriz);
    await post(`/purchase-orders/${ids.po}/submit`, {}, 'paul', 200);
    await post(
      `/purchase-orders/${ids.po}/receipts`,
      { lines: [{ poLineId: ids.herizLine, quantity: 1 }] },
      'rick',
    );
    await settle();
    const order = await get(`/backorders/${ids.order}`);
    expect(order.lines[0].status).toBe('ready');

    const bill = await post(
      `/purchase-orders/${ids.po}/vendor-bills`,
      {
        vendorInvoiceNumber: 'INV-88412',
        billedOn: '2026-10-03',
        lines: [{ poLineId: ids.herizLine, quantity: 1, unitCost: usd(42000) }],
      },
      'alice',
    );
    expect(bill.changed).toBe(true);
    // The same vendor invoice again is the same bill: nothing new.
    const again = await post(
      `/purchase-orders/${ids.po}/vendor-bills`,
      {
        vendorInvoiceNumber: 'INV-88412',
        billedOn: '2026-10-03',
        lines: [{ poLineId: ids.herizLine, quantity: 1, unitCost: usd(42000) }],
      },
      'alice',
    );
    expect(again).toMatchObject({ id: bill.id, changed: false });
    await settle();
    const bills = await get(`/purchase-orders/${ids.po}/vendor-bills`);
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ total: usd(42000), priceVariance: usd(2000) });

    const margins = (await account()).margins;
    expect(margins[0]).toMatchObject({
      lineId: 'L1',
      revenuePerUnit: usd(90000),
      costPerUnit: usd(42000),
      costSource: 'vendor-bill',
      marginPerUnit: usd(48000),
    });
    expect(margins[1]).toMatchObject({ costPerUnit: usd(40000), costSource: 'purchase-order' });
  });

  it('takes the final payment for the Heriz at pickup, refusing an overpayment', async () => {
    const refused = await (
      await t.as('maria')
    )
      .post(`/backorders/${ids.order}/account/payments`)
      .send({ amount: usd(145568), method: 'card' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('overpayment');

    await post(`/backorders/${ids.order}/account/payments`, {
      amount: usd(97425),
      method: 'cheque',
      reference: 'CHQ 004512',
    });
    await post(`/backorders/${ids.order}/lines/L1/fulfil`, { method: 'pickup' }, 'maria', 200);
    expect((await account()).balanceDue).toEqual(usd(48142));
  });

  it('refunds the cancelled Tabriz, naming what became of its supply', async () => {
    await post(
      `/backorders/${ids.order}/lines/L2/cancel`,
      { reason: 'customer changed her mind', disposition: 'keep-as-stock' },
      'maria',
      200,
    );
    await settle();
    // The invoice followed the cancellation: more was paid than the order now costs.
    expect((await account()).balanceDue).toEqual(usd(-60000));

    const tooMuch = await (
      await t.as('alice')
    )
      .post(`/backorders/${ids.order}/account/refunds`)
      .send({ amount: usd(157426), method: 'card', reason: 'too much', lineId: 'L2' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.rule).toBe('refund-exceeds-paid');

    await post(
      `/backorders/${ids.order}/account/refunds`,
      { amount: usd(60000), method: 'card', reason: 'Tabriz cancelled', lineId: 'L2' },
      'alice',
    );
    const settled = await account();
    expect(settled.balanceDue).toEqual(usd(0));
    expect(settled.refunds[0]).toMatchObject({
      amount: usd(60000),
      lineId: 'L2',
      disposition: 'keep-as-stock',
      by: 'alice',
    });

    await settle();
    const closedPayment = await (
      await t.as('maria')
    )
      .post(`/backorders/${ids.order}/account/payments`)
      .send({ amount: usd(100), method: 'cash' });
    expect(closedPayment.status).toBe(422);
    expect(['order-closed', 'overpayment']).toContain(closedPayment.body.rule);
  });

  it('tells the money on the timeline, with who and when', async () => {
    await settle();
    const timeline = await get(`/backorders/${ids.order}/timeline`);
    const money = timeline.entries.filter((e: { eventType: string }) =>
      ['DepositTaken', 'PaymentReceived', 'RefundIssued'].includes(e.eventType),
    );
    expect(money.map((e: { what: string; who: string }) => [e.who, e.what])).toEqual([
      ['maria', 'Deposit of 600.00 USD taken by card'],
      ['maria', 'Payment of 974.25 USD received by cheque (CHQ 004512)'],
      [
        'alice',
        'Refund of 600.00 USD by card for line 2 (Tabriz Silk 5\'3" x 7\'6") (its supply: keep as stock)',
      ],
    ]);
  });

  it('lists open balances and overdue installments of a layaway', async () => {
    ids.layaway = (
      await post('/backorders', {
        customerId: ids.ann,
        lines: [{ productId: ids.tabriz, quantity: 1 }],
      })
    ).id;
    const refused = await (
      await t.as('maria')
    )
      .post(`/backorders/${ids.layaway}/account/schedule`)
      .send({
        kind: 'layaway',
        goodsReleasedWhen: 'when-paid-in-full',
        installments: [{ installmentId: 'I1', dueOn: '2026-01-15', amount: usd(100) }],
      });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('schedule-does-not-sum-to-balance');

    await post(`/backorders/${ids.layaway}/account/schedule`, {
      kind: 'layaway',
      goodsReleasedWhen: 'when-paid-in-full',
      installments: [
        { installmentId: 'I1', dueOn: '2026-01-15', amount: usd(54071) },
        { installmentId: 'I2', dueOn: '2099-02-15', amount: usd(54071) },
      ],
    });
    const view = await get(`/backorders/${ids.layaway}/account`);
    expect(view.goodsReleasable).toBe(false);
    expect(view.schedule.overdue.map((i: { installmentId: string }) => i.installmentId)).toEqual([
      'I1',
    ]);
    await settle();
    const open = await get('/accounts/open-balances');
    expect(open.items.map((b: { backorderId: string }) => b.backorderId)).toEqual([ids.layaway]);
    const overdue = await get('/accounts/overdue-installments');
    expect(overdue.items).toEqual([
      expect.objectContaining({
        backorderId: ids.layaway,
        installmentId: 'I1',
        unpaid: usd(54071),
      }),
    ]);
  });

  it('tells the recognition under the active policy on the timeline, and a switch changes it', async () => {
    await settle();
    const recognition = async () =>
      (await get(`/backorders/${ids.order}/timeline`)).entries.flatMap(
        (
          e: { eventType: string; what: string; who: string; why: string },
          i: number,
          all: { eventType: string }[],
        ) =>
          e.eventType.startsWith('Revenue')
            ? [[e.who, e.what, e.why.split(' (')[0], all[i - 1].eventType]]
            : [],
      );
    expect(await recognition()).toEqual([
      [
        'maria',
        'Revenue of 900.00 USD recognised for line 1 (Heriz Persian 5\'3" x 7\'6") (1 unit) under at-pickup',
        'the customer received the goods',
        'BackorderLineFulfilled',
      ],
    ]);

    await post(
      '/books/main/policy',
      { policy: 'at-order', justification: 'management view for the quarter review' },
      'alice',
      200,
    );
    const atOrder = await recognition();
    expect(atOrder.map((r: string[]) => [r[1], r[2]])).toEqual([
      [
        'Revenue of 900.00 USD recognised for line 1 (Heriz Persian 5\'3" x 7\'6") (1 unit) under at-order',
        'the order was invoiced',
      ],
      [
        'Revenue of 999.00 USD recognised for line 2 (Tabriz Silk 5\'3" x 7\'6") (1 unit) under at-order',
        'the order was invoiced',
      ],
      [
        'Revenue of 999.00 USD reversed for line 2 (Tabriz Silk 5\'3" x 7\'6") (1 unit) under at-order',
        'the line was cancelled',
      ],
    ]);
  });
});
