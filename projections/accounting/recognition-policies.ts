/**
 * When revenue on a backorder line is recognised. No policy is stored in an event: each is a
 * reading of the same business facts.
 */
export const POLICIES = ['at-pickup', 'at-set-aside', 'at-order'] as const;
export type Policy = (typeof POLICIES)[number];

export const DEFAULT_POLICY: Policy = 'at-pickup';

export const POLICY_DESCRIPTIONS: Record<Policy, string> = {
  'at-pickup': 'revenue when the customer receives the goods (control passes); the default',
  'at-set-aside':
    'bill-and-hold: revenue when the unit has arrived and is set aside for that customer',
  'at-order':
    'management view, not acceptable under ASC 606 / IFRS 15 for goods still at the vendor: revenue when the backorder is invoiced',
};

export function isPolicy(value: unknown): value is Policy {
  return typeof value === 'string' && (POLICIES as readonly string[]).includes(value);
}

/** Parses `a,b,c` into known policies, in order, without repeats; null when one is unknown. */
export function parsePolicies(list: string): Policy[] | null {
  const names = [...new Set(list.split(',').map((name) => name.trim()))].filter(Boolean);
  return names.length > 0 && names.every(isPolicy) ? names : null;
}
