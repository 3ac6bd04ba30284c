import type { ShopCommands } from './shop-commands';

export interface BackorderDay {
  readonly vendorId: string;
  readonly poId: string;
  readonly backorders: Readonly<Record<'ann' | 'bob' | 'cy' | 'dee' | 'eve', string>>;
}

/**
 * A day in the shop that touches every projection and reactor: backorders consolidate on one
 * vendor PO (manual consolidation, so the day's date cannot split it), a showroom piece is linked
 * from stock, the vendor confirms and revises a date, goods arrive short with a substitute, a
 * customer accepts it, one cancellation hands a held unit to the next customer, another lets
 * go of units still on order, a line grows, and a pickup closes an order. Allocations are both
 * created and dropped, so read-model documents are written, rewritten and deleted.
 */
export async function playBackorderDay(shop: ShopCommands): Promise<BackorderDay> {
  const vendorId = await shop.registerVendor('Nourison', 'manual');
  const heriz = await shop.listProduct(vendorId, 'HER-01', 'Heriz Persian');
  const tabriz = await shop.listProduct(vendorId, 'TAB-02', 'Tabriz Silk');
  const kilim = await shop.listProduct(vendorId, 'KIL-03', 'Kilim Runner');
  const tabrizBlue = await shop.listProduct(vendorId, 'TAB-02B', 'Tabriz Silk Blue');
  await shop.adjustStock(kilim, 1, 'showroom piece');
  const customers = {
    ann: await shop.registerCustomer('Ann Smith', 'ann@example.com', null),
    bob: await shop.registerCustomer('Bob Jones', 'bob@example.com', null),
    cy: await shop.registerCustomer('Cy Young', 'cy@example.com', null),
    dee: await shop.registerCustomer('Dee Park', null, '+1 201 555 0100'),
    eve: await shop.registerCustomer('Eve Adams', 'eve@example.com', null),
  };

  const order = (customerId: string, lines: { productId: string; quantity: number }[]) =>
    shop.placeBackorder({ customerId, lines });
  const backorders = {
    ann: await order(customers.ann, [{ productId: heriz, quantity: 1 }]),
    bob: await order(customers.bob, [{ productId: heriz, quantity: 1 }]),
    cy: await order(customers.cy, [
      { productId: heriz, quantity: 1 },
      { productId: tabriz, quantity: 1 },
    ]),
    eve: await order(customers.eve, [{ productId: tabriz, quantity: 2 }]),
    dee: await order(customers.dee, [{ productId: kilim, quantity: 1 }]),
  };
  await shop.takeDeposit(backorders.cy, 50000);
  await shop.settle();
  await shop.linkToStock(backorders.dee, 'L1');
  await shop.changeLine(backorders.eve, 'L1', {
    quantity: 3,
    cancel: false,
    reason: 'a third one for the guest room',
    disposition: null,
  });
  await shop.settle();

  const [po] = await shop.purchaseOrdersOf(vendorId);
  const herizLine = po.lines.get(heriz)!;
  const tabrizLine = po.lines.get(tabriz)!;
  await shop.submit(po.poId);
  await shop.acknowledge(po.poId, [
    { poLineId: herizLine, eta: '2026-12-10' },
    { poLineId: tabrizLine, eta: '2026-12-12' },
  ]);
  await shop.reviseEta(po.poId, herizLine, '2026-12-18', 'dye lot delayed');
  await shop.settle();

  await shop.receive(po.poId, [
    { poLineId: herizLine, quantity: 2 },
    { poLineId: tabrizLine, quantity: 0, substitute: { productId: tabrizBlue, quantity: 1 } },
  ]);
  await shop.recordVendorBill(po.poId, [{ poLineId: herizLine, quantity: 2, unitCost: 42000 }]);
  await shop.settle();
  await shop.decideSubstitution(backorders.cy, 'L2', true);
  await shop.settle();

  await shop.changeLine(backorders.ann, 'L1', {
    quantity: 0,
    cancel: true,
    reason: 'customer found another rug',
    disposition: 'give-to-next-customer',
  });
  await shop.changeLine(backorders.eve, 'L1', {
    quantity: 0,
    cancel: true,
    reason: 'moving abroad',
    disposition: 'keep-as-stock',
  });
  await shop.settle();
  await shop.fulfil(backorders.bob, 'L1');
  await shop.settle();
  return { vendorId, poId: po.poId, backorders };
}
