import { money, type Money } from '../../shared/domain/money';

/** A price read from a sheet in the currency's minor units, or why the text is not one. */
export type PriceResult =
  { readonly ok: true; readonly money: Money } | { readonly ok: false; readonly reason: string };

/** In major units: a rug costs at most a few hundred thousand, so more is a typo or a wrong column. */
const MAX_MAJOR_UNITS = 1_000_000;

/** Symbols that name one currency; `$` is shared by many, so it is accepted for any. */
const SYMBOL_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
};

const PLAIN = /^[\d.,]+$/;

const digitsByCurrency = new Map<string, number | null>();

/** Decimal places of a currency (2 for USD, 0 for JPY), or null when the code is unknown. */
export function currencyDigits(currency: string): number | null {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = null;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Reads a price as vendors write it: `1299`, `1,299.00`, `$1,299.00`, `1.299,00` (European: the
 * last separator is a comma followed by exactly two digits), `USD 1299`; or, with unit 'minor',
 * a whole number of cents. Refuses rather than guesses: `1.299` in dollars is not 1299.
 */
export function parsePrice(text: string, currency: string, unit: 'major' | 'minor'): PriceResult {
  const digits = currencyDigits(currency);
  if (digits === null) return fail(`unknown currency '${currency}'`);
  const original = text.trim();
  if (original === '') return fail('no price given');
  // Most sheets write plain numbers: skip the hunt for symbols, codes and signs.
  const plain = PLAIN.test(original) ? splitNumber(original) : null;
  if (plain !== null) return amountOf(plain, original, currency, digits, unit);

  let rest = original.replace(/[\s\u00a0\u202f]+/g, ' ');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(rest);
  if (parenthesised !== null) {
    // Accountants write refunds and credits as (5.00).
    negative = true;
    rest = parenthesised[1].trim();
  }

  // `USD 1299`, `1299 USD`: the code must be the sheet's.
  const codeFirst = /^([A-Za-z]{3})\s*(?=[-−\d.$€£¥(])/.exec(rest);
  const codeLast = codeFirst === null ? /(?<=[\d.)])\s*([A-Za-z]{3})$/.exec(rest) : null;
  const code = codeFirst ?? codeLast;
  if (code !== null) {
    const written = code[1].toUpperCase();
    if (written !== currency)
      return fail(`price is in ${written}, the sheet's currency is ${currency}`);
    rest = codeFirst !== null ? rest.slice(code[0].length) : rest.slice(0, code.index);
  }

  for (let pass = 0; pass < 2; pass++) {
    // `-$5` and `$-5` both happen.
    if (/^[-−]/.test(rest)) {
      negative = true;
      rest = rest.slice(1).trim();
    }
    // Leading and trailing symbols are two expressions: one with `\s*` on both sides of an
    // alternation is quadratic on a long run of spaces.
    const leading = /^(US\$|C\$|A\$|\$|€|£|¥)\s*/.exec(rest);
    const trailing = leading === null ? /(\$|€|£|¥)$/.exec(rest) : null;
    const written = leading?.[1] ?? trailing?.[1];
    if (written !== undefined) {
      const allowed = SYMBOL_CURRENCIES[written];
      if (allowed !== undefined && !allowed.includes(currency)) {
        return fail(`price is written in ${written}, the sheet's currency is ${currency}`);
      }
      rest = leading
        ? rest.slice(leading[0].length)
        : rest.slice(0, rest.length - written.length).trimEnd();
    }
  }
  if (negative) return fail(`price cannot be negative: '${original}'`);

  const number = splitNumber(rest.replace(/ /g, ''));
  if (number === null) return fail(`not a price: '${original}'`);
  return amountOf(number, original, currency, digits, unit);
}

function amountOf(
  { whole, fraction }: { whole: string; fraction: string },
  original: string,
  currency: string,
  digits: number,
  unit: 'major' | 'minor',
): PriceResult {
  if (unit === 'minor') {
    if (fraction !== '') return fail(`price in minor units must be a whole number: '${original}'`);
  } else if (fraction.length > digits) {
    return fail(`'${original}' has more decimal places than ${currency} has (${digits})`);
  }
  const scale = unit === 'minor' ? 1 : 10 ** digits;
  const limit = MAX_MAJOR_UNITS * 10 ** digits;
  // Beyond 15 digits a Number loses cents; such a price is refused as absurd anyway.
  if (whole.replace(/^0+/, '').length > 15) return fail(tooHigh(currency, digits));
  const amount =
    Number(whole) * scale + (fraction === '' ? 0 : Number(fraction.padEnd(digits, '0')));
  if (amount === 0) return fail('price must be more than zero');
  if (amount > limit) return fail(tooHigh(currency, digits));
  return { ok: true, money: money(amount, currency) };
}

/**
 * The whole and fractional digits of `1,299.00`, `1.299,00`, `1299.5`, `1.299.000`, or null
 * when the separators do not make a number.
 */
function splitNumber(text: string): { whole: string; fraction: string } | null {
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let decimalMark: string | null;
  if (lastComma > lastDot && text.length - lastComma - 1 === 2) decimalMark = ',';
  else if (lastDot > lastComma && text.indexOf('.') === lastDot) decimalMark = '.';
  else decimalMark = null;

  let whole = text;
  let fraction = '';
  if (decimalMark !== null) {
    const at = text.lastIndexOf(decimalMark);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^\d*$/.test(fraction)) return null;
  }
  if (whole === '') whole = '0';
  // Thousands separators must group by three: `1,29.00` is a typo, not 129.
  if (/^\d+$/.test(whole)) return { whole, fraction };
  const grouped = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.exec(whole);
  if (grouped === null || grouped[1] === decimalMark) return null;
  return { whole: whole.replace(/[.,]/g, ''), fraction };
}

function tooHigh(currency: string, digits: number): string {
  const limit = MAX_MAJOR_UNITS.toLocaleString('en-US', { minimumFractionDigits: digits });
  return `price is implausibly high (over ${limit} ${currency})`;
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
