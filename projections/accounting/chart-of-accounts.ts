/** The chart of accounts of every book (money contract, issue 12). Codes never change meaning. */
export const ACCOUNTS = {
  '1000': { name: 'Cash', kind: 'asset' },
  '1100': { name: 'Accounts receivable', kind: 'asset' },
  '1200': { name: 'Inventory', kind: 'asset' },
  '2000': { name: 'Accounts payable', kind: 'liability' },
  '2100': { name: 'Goods received not invoiced', kind: 'liability' },
  '2200': { name: 'Customer deposits (contract liability)', kind: 'liability' },
  '2300': { name: 'Sales tax payable', kind: 'liability' },
  '4000': { name: 'Sales revenue', kind: 'revenue' },
  '5000': { name: 'Cost of goods sold', kind: 'expense' },
  '5100': { name: 'Purchase price variance', kind: 'expense' },
} as const;

export type AccountCode = keyof typeof ACCOUNTS;
export type AccountKind = (typeof ACCOUNTS)[AccountCode]['kind'];

export const ACCOUNT_CODES = Object.keys(ACCOUNTS) as AccountCode[];

export const CASH: AccountCode = '1000';
export const RECEIVABLE: AccountCode = '1100';
export const INVENTORY: AccountCode = '1200';
export const PAYABLE: AccountCode = '2000';
export const GOODS_RECEIVED_NOT_INVOICED: AccountCode = '2100';
export const CUSTOMER_DEPOSITS: AccountCode = '2200';
export const SALES_TAX_PAYABLE: AccountCode = '2300';
export const SALES_REVENUE: AccountCode = '4000';
export const COST_OF_GOODS_SOLD: AccountCode = '5000';
export const PURCHASE_PRICE_VARIANCE: AccountCode = '5100';

/** Debit-normal accounts grow with debits; the others with credits. */
export function isDebitNormal(code: AccountCode): boolean {
  const kind = ACCOUNTS[code].kind;
  return kind === 'asset' || kind === 'expense';
}
