/** One measured line of the benchmark table. */
export interface BenchRow {
  readonly benchmark: string;
  readonly target: string;
  readonly measured: string;
  /** null when the row has no target to meet (a figure printed for information). */
  readonly met: boolean | null;
}

export function printTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'target', 'measured', 'met'];
  const lines = rows.map((r) => [
    r.benchmark,
    r.target,
    r.measured,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    format(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...lines.map(format),
  ].join('\n');
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}
