import { currencyDigits, parsePrice } from '../../../../src/catalog/imports/price-notation';

describe('price notation', () => {
  it.each([
    ['1299', 129_900],
    ['1,299.00', 129_900],
    ['$1,299.00', 129_900],
    ['US$ 1,299.00', 129_900],
    [' 1299.5 ', 129_950],
    ['1.299,00', 129_900],
    ['12,50', 1_250],
    ['1 299.00', 129_900],
    ['USD 1299', 129_900],
    ['1299 USD', 129_900],
    ['usd 1299', 129_900],
    ['$ 1299', 129_900],
    ['1299$', 129_900],
    ['.99', 99],
    ['0.01', 1],
    ['1,000,000.00', 100_000_000],
    ['12,345,678', null],
  ])('reads %j in dollars', (text, cents) => {
    const result = parsePrice(text, 'USD', 'major');
    if (cents === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, money: { amount: cents, currency: 'USD' } });
  });

  it('reads euros with symbol and European separators', () => {
    expect(parsePrice('€ 1.299,00', 'EUR', 'major')).toEqual({
      ok: true,
      money: { amount: 129_900, currency: 'EUR' },
    });
  });

  it('uses the currency own decimal places', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(parsePrice('¥129,900', 'JPY', 'major')).toEqual({
      ok: true,
      money: { amount: 129_900, currency: 'JPY' },
    });
    expect(parsePrice('1299.5', 'JPY', 'major')).toEqual({
      ok: false,
      reason: "'1299.5' has more decimal places than JPY has (0)",
    });
    expect(parsePrice('12.345', 'KWD', 'major')).toEqual({
      ok: true,
      money: { amount: 12_345, currency: 'KWD' },
    });
  });

  it('reads minor units as a whole number of cents', () => {
    expect(parsePrice('129900', 'USD', 'minor')).toEqual({
      ok: true,
      money: { amount: 129_900, currency: 'USD' },
    });
    expect(parsePrice('129,900', 'USD', 'minor')).toEqual({
      ok: true,
      money: { amount: 129_900, currency: 'USD' },
    });
    expect(parsePrice('1299.00', 'USD', 'minor')).toEqual({
      ok: false,
      reason: "price in minor units must be a whole number: '1299.00'",
    });
    expect(parsePrice('100000001', 'USD', 'minor')).toEqual({
      ok: false,
      reason: 'price is implausibly high (over 1,000,000.00 USD)',
    });
  });

  it.each([
    ['', 'no price given'],
    ['   ', 'no price given'],
    ['-5', "price cannot be negative: '-5'"],
    ['−5', "price cannot be negative: '−5'"],
    ['-$5.00', "price cannot be negative: '-$5.00'"],
    ['$-5.00', "price cannot be negative: '$-5.00'"],
    ['(5.00)', "price cannot be negative: '(5.00)'"],
    ['0', 'price must be more than zero'],
    ['0.00', 'price must be more than zero'],
    ['$0', 'price must be more than zero'],
    ['12.345', "'12.345' has more decimal places than USD has (2)"],
    // Not 1299: the reader refuses what it would have to guess.
    ['1.299', "'1.299' has more decimal places than USD has (2)"],
    ['abc', "not a price: 'abc'"],
    ['TBD', "not a price: 'TBD'"],
    ['call for price', "not a price: 'call for price'"],
    ['12a', "not a price: '12a'"],
    ['1,2', "not a price: '1,2'"],
    ['1,29.00', "not a price: '1,29.00'"],
    ['1,299,00', "not a price: '1,299,00'"],
    ['1.2.3', "not a price: '1.2.3'"],
    ['1,000,000.01', 'price is implausibly high (over 1,000,000.00 USD)'],
    ['99,999,999.00', 'price is implausibly high (over 1,000,000.00 USD)'],
    ['99999999999999999999', 'price is implausibly high (over 1,000,000.00 USD)'],
    ['EUR 1299', "price is in EUR, the sheet's currency is USD"],
    ['€1299', "price is written in €, the sheet's currency is USD"],
    ['£1299', "price is written in £, the sheet's currency is USD"],
  ])('refuses %j', (text, reason) => {
    expect(parsePrice(text, 'USD', 'major')).toEqual({ ok: false, reason });
  });

  it('refuses a currency code that is not one', () => {
    expect(parsePrice('1299', 'dollars', 'major')).toEqual({
      ok: false,
      reason: "unknown currency 'dollars'",
    });
  });
});
