import type { AdjustmentLine } from '../../src/accounting/book.events';
import { ACCOUNT_CODES, type AccountCode } from './chart-of-accounts';
import {
  type AccountTotals,
  balancesThrough,
  type PeriodFigures,
  periodFigures,
  type PeriodTotals,
} from './period-totals';
import { DEFAULT_POLICY, type Policy } from './recognition-policies';

/** The book's own history, read from its stream: what it published and how. */
export interface BookHistory {
  policy: Policy;
  readonly changes: {
    from: Policy;
    to: Policy;
    effectiveFrom: string;
    justification: string;
    actor: string;
    at: string;
  }[];
  readonly closes: { period: string; policy: Policy; at: string }[];
  readonly adjustments: {
    adjustmentId: string;
    period: string;
    kind: string;
    reason: string;
    lines: readonly AdjustmentLine[];
    at: string;
    /** The BookAdjustmentPosted event and its log position: the journal points to it. */
    eventId: string;
    position: number;
  }[];
}

export function emptyBookHistory(): BookHistory {
  return { policy: DEFAULT_POLICY, changes: [], closes: [], adjustments: [] };
}

export function closedThrough(history: BookHistory): string | null {
  return history.closes.length === 0 ? null : history.closes[history.closes.length - 1].period;
}

/** The policy a closed period was closed under; null for an open period. */
export function closedUnder(history: BookHistory, period: string): Policy | null {
  for (const close of history.closes) if (period <= close.period) return close.policy;
  return null;
}

/**
 * What the book shows per period: a closed period keeps the figures of the policy it was closed
 * under; open periods follow the active policy; adjustments land in their period.
 */
export function publishedTotals(
  byPolicy: ReadonlyMap<Policy, PeriodTotals>,
  history: BookHistory,
  policy: Policy = history.policy,
): PeriodTotals {
  const out: PeriodTotals = new Map();
  const periods = new Set<string>();
  for (const totals of byPolicy.values()) for (const period of totals.keys()) periods.add(period);
  for (const adjustment of history.adjustments) periods.add(adjustment.period);
  for (const period of periods) {
    const source = byPolicy.get(closedUnder(history, period) ?? policy)?.get(period);
    const accounts = new Map<AccountCode, AccountTotals>();
    for (const [code, side] of source ?? []) accounts.set(code, { ...side });
    for (const adjustment of history.adjustments) {
      if (adjustment.period !== period) continue;
      for (const line of adjustment.lines) {
        const side = accounts.get(line.account) ?? { debit: 0, credit: 0 };
        side.debit += line.debit;
        side.credit += line.credit;
        accounts.set(line.account, side);
      }
    }
    out.set(period, accounts);
  }
  return out;
}

export interface Restatement {
  readonly from: Policy;
  readonly to: Policy;
  readonly closedThrough: string | null;
  readonly periods: readonly {
    readonly period: string;
    readonly closed: boolean;
    readonly old: PeriodFigures;
    readonly new: PeriodFigures;
  }[];
  /** Over every period: what the new policy changes in revenue, cost and deposits held. */
  readonly cumulativeEffect: {
    readonly revenue: number;
    readonly cost: number;
    readonly deposits: number;
  };
  /** The entry that carries the closed periods' difference into the open period. */
  readonly adjustment: readonly AdjustmentLine[];
}

/** Old (as published) against new policy, per period, and the adjustment closed periods need. */
export function restate(
  byPolicy: ReadonlyMap<Policy, PeriodTotals>,
  history: BookHistory,
  to: Policy,
): Restatement {
  const oldTotals = publishedTotals(byPolicy, history);
  const newTotals = byPolicy.get(to) ?? new Map();
  const closed = closedThrough(history);
  const oldFigures = new Map(periodFigures(oldTotals).map((f) => [f.period, f]));
  const newFigures = new Map(periodFigures(newTotals).map((f) => [f.period, f]));
  const periods = [...new Set([...oldFigures.keys(), ...newFigures.keys()])].sort();
  const zero = (period: string, before: PeriodFigures | undefined): PeriodFigures => ({
    period,
    revenue: 0,
    cost: 0,
    deposits: before?.deposits ?? 0,
  });
  const rows: Restatement['periods'][number][] = [];
  let lastOld: PeriodFigures | undefined;
  let lastNew: PeriodFigures | undefined;
  for (const period of periods) {
    const o = oldFigures.get(period) ?? zero(period, lastOld);
    const n = newFigures.get(period) ?? zero(period, lastNew);
    rows.push({ period, closed: closed !== null && period <= closed, old: o, new: n });
    lastOld = o;
    lastNew = n;
  }
  const sum = (pick: (f: PeriodFigures) => number, side: 'old' | 'new') =>
    rows.reduce((total, row) => total + pick(row[side]), 0);
  const cumulativeEffect = {
    revenue: sum((f) => f.revenue, 'new') - sum((f) => f.revenue, 'old'),
    cost: sum((f) => f.cost, 'new') - sum((f) => f.cost, 'old'),
    deposits: (lastNew?.deposits ?? 0) - (lastOld?.deposits ?? 0),
  };
  const adjustment: AdjustmentLine[] = [];
  if (closed !== null) {
    const wanted = balancesThrough(newTotals, closed);
    const shown = balancesThrough(oldTotals, closed);
    // Earlier policy changes' adjustments in open periods already carry part of the difference.
    for (const adjustment of history.adjustments) {
      if (adjustment.kind !== 'policy-change' || adjustment.period <= closed) continue;
      for (const line of adjustment.lines) shown[line.account] += line.debit - line.credit;
    }
    for (const code of ACCOUNT_CODES) {
      const difference = wanted[code] - shown[code];
      if (difference > 0) adjustment.push({ account: code, debit: difference, credit: 0 });
      else if (difference < 0) adjustment.push({ account: code, debit: 0, credit: -difference });
    }
  }
  return {
    from: history.policy,
    to,
    closedThrough: closed,
    periods: rows,
    cumulativeEffect,
    adjustment,
  };
}
