import { isTaxRate, unitTax } from '../../../src/payments/sales-tax';

describe('sales tax', () => {
  it.each([
    [90000, 825, 7425],
    [99900, 825, 8242], // 8241.75 rounds up
    [2, 2500, 0], // 0.5 rounds to the even 0
    [6, 2500, 2], // 1.5 rounds to the even 2
    [10, 2500, 2], // 2.5 rounds to the even 2
    [12345, 0, 0],
    [12345, 10000, 12345],
  ])('taxes %i cents at %i bp as %i', (net, rate, tax) => {
    expect(unitTax(net, rate)).toBe(tax);
  });

  it('takes whole basis points from 0 to 10000', () => {
    expect([0, 825, 10000].every(isTaxRate)).toBe(true);
    expect([-1, 10001, 8.25].some(isTaxRate)).toBe(false);
  });
});
