/** An amount in the currency's minor units (cents), never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

export function multiply(price: Money, quantity: number): Money {
  return { amount: price.amount * quantity, currency: price.currency };
}

export function sum(amounts: readonly Money[], currency: string): Money {
  let total = 0;
  for (const m of amounts) {
    if (m.currency !== currency) throw new Error(`cannot add ${m.currency} to ${currency}`);
    total += m.amount;
  }
  return { amount: total, currency };
}

/** 123456 USD cents as "1234.56 USD": how amounts read in sentences and reports. */
export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}
