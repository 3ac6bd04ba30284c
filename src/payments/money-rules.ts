import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { formatMoney, type Money } from '../shared/domain/money';
import { METHODS_NEEDING_REFERENCE, type PaymentMethod } from './order-account.events';

/** Money handed over: whole cents, more than nothing, in the account's currency. */
export function checkAmount(amount: Money, currency: string, what: string): void {
  if (!Number.isSafeInteger(amount.amount)) {
    throw new BusinessRuleViolation(
      'amount-not-whole-minor-units',
      `the ${what} must be a whole number of minor units (cents), not ${amount.amount}`,
    );
  }
  if (amount.amount <= 0) {
    throw new BusinessRuleViolation(
      'amount-not-positive',
      `the ${what} must be more than 0, not ${amount.amount}`,
    );
  }
  if (amount.currency !== currency) {
    throw new BusinessRuleViolation(
      'wrong-currency',
      `the ${what} is in ${amount.currency}; this account is kept in ${currency}`,
    );
  }
}

export function checkReference(method: PaymentMethod, reference: string | null): void {
  if (METHODS_NEEDING_REFERENCE.includes(method) && !reference?.trim()) {
    throw new BusinessRuleViolation(
      'reference-required',
      `a ${method} needs its reference (the cheque or transfer number)`,
    );
  }
}

export { formatMoney };
