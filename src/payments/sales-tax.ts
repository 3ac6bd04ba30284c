/** The largest tax rate there is: 100 % in basis points. */
export const MAX_TAX_RATE_BP = 10_000;

/**
 * Tax on one unit in minor units: net × rate / 10000, rounded half to even (banker's rounding),
 * in integers only so that no float ever touches a cent.
 */
export function unitTax(netMinorUnits: number, taxRateBp: number): number {
  const scaled = netMinorUnits * taxRateBp;
  const whole = Math.floor(scaled / MAX_TAX_RATE_BP);
  const rest = scaled - whole * MAX_TAX_RATE_BP;
  if (rest * 2 > MAX_TAX_RATE_BP) return whole + 1;
  if (rest * 2 < MAX_TAX_RATE_BP) return whole;
  return whole % 2 === 0 ? whole : whole + 1;
}

export function isTaxRate(bp: number): boolean {
  return Number.isInteger(bp) && bp >= 0 && bp <= MAX_TAX_RATE_BP;
}
