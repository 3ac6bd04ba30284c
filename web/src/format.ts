export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(value: Money | null | undefined): string {
  if (!value) return '';
  let format = moneyFormats.get(value.currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency });
    moneyFormats.set(value.currency, format);
  }
  return format.format(value.amount / 100);
}

const figures = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Minor units as a figure of the ledger (the store's one currency), like 1,299.00. */
export const figure = (minor: number): string => figures.format(minor / 100);

/** "1,299.00" or "1299" typed at the counter, as minor units; null when it is not a price. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[^0-9.]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(`${iso.slice(0, 10)}T12:00:00`).toLocaleDateString(undefined, {
    dateStyle: 'medium',
  });
}

/** Line statuses in the words staff use. */
export const STATUS_WORDS: Record<string, string> = {
  'awaiting-link': 'in stock: link or order',
  'to-order': 'to order',
  'on-po': 'on order',
  'partially-received': 'partly received',
  'set-aside': 'set aside',
  ready: 'ready for pickup',
  'picked-up': 'picked up',
  cancelled: 'cancelled',
  exception: 'needs attention',
  open: 'open',
  closed: 'closed',
};

export const statusWords = (status: string) => STATUS_WORDS[status] ?? status;
