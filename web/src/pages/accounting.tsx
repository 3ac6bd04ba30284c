import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, currentSession, get, post, withQuery } from '../api';
import { BarChart } from '../chart';
import { download } from '../download';
import { dateTime, figure } from '../format';
import {
  ActionButton,
  type Column,
  ErrorNote,
  Field,
  fieldError,
  FormError,
  ProgressBar,
  SelectField,
  submits,
  Table,
  useAction,
  useLoad,
  usePolling,
} from '../ui';

const POLICIES = ['at-pickup', 'at-set-aside', 'at-order'] as const;
type Policy = (typeof POLICIES)[number];
const POLICY_NAMES: Record<Policy, string> = {
  'at-pickup': 'At pickup',
  'at-set-aside': 'At set-aside (bill-and-hold)',
  'at-order': 'At order (management view)',
};
const POLICY_CHOICES = POLICIES.map((p) => ({ value: p, label: POLICY_NAMES[p] }));

interface Figures {
  readonly revenue: number;
  readonly cost: number;
  readonly liability: number;
}
interface Comparison {
  readonly policies: readonly { policy: Policy; description: string }[];
  readonly periods: readonly { period: string; policies: Record<Policy, Figures> }[];
}
interface PeriodFigures {
  readonly period: string;
  readonly revenue: number;
  readonly cost: number;
  readonly deposits: number;
}
interface Restatement {
  readonly from: Policy;
  readonly to: Policy;
  readonly closedThrough: string | null;
  readonly periods: readonly {
    period: string;
    closed: boolean;
    old: PeriodFigures;
    new: PeriodFigures;
  }[];
  readonly cumulativeEffect: { revenue: number; cost: number; deposits: number };
}
interface Book {
  readonly policy: Policy;
  readonly policyDescription: string;
  readonly closedThrough: string | null;
  readonly changes: readonly {
    from: Policy;
    to: Policy;
    effectiveFrom: string;
    justification: string;
    actor: string;
    at: string;
  }[];
}
interface ReplayJob {
  readonly jobId: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly events: number;
  readonly progress: number;
  readonly eventsPerSecond: number;
  readonly error: string | null;
  readonly summary: {
    events: number;
    entries: number;
    unbalancedEntries: number;
    ms: number;
    eventsPerSecond: number;
  } | null;
}
interface Finding {
  readonly kind: string;
  readonly stream?: string;
  readonly revision?: number;
  readonly position?: number;
  readonly message: string;
}
interface VerificationJob {
  readonly id: string;
  readonly state: 'running' | 'passed' | 'failed' | 'error';
  readonly verified: number;
  readonly total: number;
  readonly error: string | null;
  readonly report: {
    ok: boolean;
    events: number;
    streams: number;
    digests: number;
    findingsTotal: number;
    findings: readonly Finding[];
  } | null;
}

const has = (...roles: string[]) => roles.some((r) => currentSession()?.roles.includes(r));

/** Books and proof: the policies side by side, a switch with its restatement, replay, audit. */
export function Accounting() {
  const reader = has('accounting', 'auditor');
  const [bookRound, setBookRound] = useState(0);
  return (
    <>
      <h1 tabIndex={-1}>Accounting</h1>
      {reader && <PolicyComparison round={bookRound} />}
      {reader && <BookPolicy onSwitched={() => setBookRound((r) => r + 1)} />}
      {reader && <LedgerReplay />}
      {has('admin', 'auditor') && <AuditVerification />}
      {reader && <Exports />}
    </>
  );
}

function PolicyComparison({ round }: { round: number }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const url = withQuery('/accounting/compare', { policies: POLICIES.join(','), from, to });
  const comparison = useLoad((signal) => get<Comparison>(url, { signal }), [url, round]);
  const csv = useAction(() =>
    download(`${url}${url.includes('?') ? '&' : '?'}format=csv`, 'compare.csv'),
  );
  const periods = comparison.data?.periods ?? [];
  const policies = comparison.data?.policies.map((p) => p.policy) ?? [];
  const columns: Column<Comparison['periods'][number]>[] = [
    { header: 'Month', cell: (row) => row.period },
    ...policies.flatMap((policy): Column<Comparison['periods'][number]>[] => [
      {
        header: `${POLICY_NAMES[policy]}: revenue`,
        cell: (row) => figure(row.policies[policy].revenue),
        numeric: true,
      },
      {
        header: `${POLICY_NAMES[policy]}: cost`,
        cell: (row) => figure(row.policies[policy].cost),
        numeric: true,
      },
      {
        header: `${POLICY_NAMES[policy]}: deposits held`,
        cell: (row) => figure(row.policies[policy].liability),
        numeric: true,
      },
    ]),
  ];
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">Policies compared by month</h2>
      <div class="row">
        <Field
          label="From month"
          type="month"
          value={from}
          onValue={setFrom}
          error={fieldError(comparison.error, 'from')}
        />
        <Field
          label="To month"
          type="month"
          value={to}
          onValue={setTo}
          error={fieldError(comparison.error, 'to')}
        />
        <span class="action">
          <button type="button" class="secondary" disabled={csv.busy} onClick={csv.run}>
            Download the comparison (CSV)
          </button>
          <ErrorNote error={csv.error} />
        </span>
      </div>
      <FormError error={comparison.error} fields={['from', 'to']} />
      {comparison.data && periods.length === 0 && <p>No money was recorded in these months.</p>}
      {periods.length > 0 && (
        <>
          <BarChart
            title="Revenue recognised per month under each policy"
            categories={periods.map((p) => p.period)}
            series={policies.map((policy) => ({
              name: POLICY_NAMES[policy],
              values: periods.map((p) => p.policies[policy].revenue),
            }))}
            format={figure}
          />
          <Table
            caption="Revenue, cost and deposits held per month under each policy"
            columns={columns}
            rows={periods}
            rowKey={(row) => row.period}
            wide
          />
        </>
      )}
      <dl class="facts">
        {comparison.data?.policies.map((p) => (
          <Fragment key={p.policy}>
            <dt>{POLICY_NAMES[p.policy]}</dt>
            <dd>{p.description}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function BookPolicy({ onSwitched }: { onSwitched: () => void }) {
  const book = useLoad((signal) => get<Book>('/books/main', { signal }), []);
  const [policy, setPolicy] = useState<Policy>('at-set-aside');
  const [justification, setJustification] = useState('');
  const [restatement, setRestatement] = useState<Restatement | null>(null);
  const change = useAction(async () => {
    const answer = await post<{ changed: boolean; restatement: Restatement }>(
      '/books/main/policy',
      { policy, justification },
    );
    setRestatement(answer.restatement);
    book.reload();
    onSwitched();
  });
  const current = book.data;
  // A switch without a reason breaks a rule (422) rather than the input's shape: said beside it.
  const justificationError =
    fieldError(change.error, 'justification') ??
    (change.error instanceof ApiError && change.error.rule === 'policy-change-needs-justification'
      ? change.error.message
      : null);
  return (
    <section aria-labelledby="book-title">
      <h2 id="book-title">The book’s policy</h2>
      <ErrorNote error={book.error} />
      {current && (
        <dl class="facts">
          <dt>Active policy</dt>
          <dd>
            <strong>{POLICY_NAMES[current.policy]}</strong>: {current.policyDescription}
          </dd>
          <dt>Closed through</dt>
          <dd>{current.closedThrough ?? 'no period closed'}</dd>
          {current.changes.map((c) => (
            <Fragment key={c.at}>
              <dt>Changed {dateTime(c.at)}</dt>
              <dd>
                {POLICY_NAMES[c.from]} → {POLICY_NAMES[c.to]} by {c.actor}, from {c.effectiveFrom}:{' '}
                <em>{c.justification}</em>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {has('accounting') && (
        <form class="stack" onSubmit={submits(change)}>
          <SelectField
            label="New policy"
            value={policy}
            onValue={(v) => setPolicy(v as Policy)}
            options={POLICY_CHOICES}
            error={fieldError(change.error, 'policy')}
          />
          <Field
            label="Justification"
            value={justification}
            onValue={setJustification}
            hint="Why the book changes policy: it is kept with the change for the auditors."
            error={justificationError}
          />
          <button type="submit" class="primary" disabled={change.busy}>
            {change.busy ? 'Switching…' : 'Switch policy'}
          </button>
          {!justificationError && (
            <FormError error={change.error} fields={['policy', 'justification']} />
          )}
        </form>
      )}
      {restatement && <RestatementView restatement={restatement} />}
    </section>
  );
}

function RestatementView({ restatement }: { restatement: Restatement }) {
  type Row = Restatement['periods'][number];
  const pair = (pick: (f: PeriodFigures) => number) => (row: Row) =>
    `${figure(pick(row.old))} → ${figure(pick(row.new))}`;
  const effect = restatement.cumulativeEffect;
  return (
    <section class="restatement" aria-labelledby="restatement-title">
      <h3 id="restatement-title">
        Restatement: {POLICY_NAMES[restatement.from]} → {POLICY_NAMES[restatement.to]}
      </h3>
      <p role="status">
        Cumulative effect: revenue {signed(effect.revenue)}, cost {signed(effect.cost)}, deposits
        held {signed(effect.deposits)}.
        {restatement.closedThrough &&
          ` Periods through ${restatement.closedThrough} are closed and stay as published; their difference is posted in the open period.`}
      </p>
      <Table
        caption="Per month, old → new"
        columns={[
          { header: 'Month', cell: (row: Row) => `${row.period}${row.closed ? ' (closed)' : ''}` },
          { header: 'Revenue', cell: pair((f) => f.revenue), numeric: true },
          { header: 'Cost', cell: pair((f) => f.cost), numeric: true },
          { header: 'Deposits held', cell: pair((f) => f.deposits), numeric: true },
        ]}
        rows={restatement.periods}
        rowKey={(row) => row.period}
        wide
      />
    </section>
  );
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${figure(n)}`;

function LedgerReplay() {
  const [policy, setPolicy] = useState('');
  const [started, setStarted] = useState<ReplayJob | null>(null);
  const polled = usePolling(
    started,
    (job) => get<ReplayJob>(`/accounting/replays/${job.jobId}`),
    (job) => job.status === 'running',
  );
  const job = polled.job;
  return (
    <section aria-labelledby="replay-title">
      <h2 id="replay-title">Ledger replay</h2>
      <p class="hint">Rebuilds the ledger from the raw events alone, beside the live book.</p>
      <div class="row">
        <SelectField
          label="Policies to replay"
          value={policy}
          onValue={setPolicy}
          options={[{ value: '', label: 'All three in one pass' }, ...POLICY_CHOICES]}
        />
        <ActionButton
          label="Replay the ledger"
          kind="primary"
          disabled={job?.status === 'running'}
          run={() => post<ReplayJob>('/accounting/replays', policy ? { policy } : {})}
          done={(answer) => setStarted(answer as ReplayJob)}
        />
      </div>
      {job && (
        <ProgressBar
          label="Replay"
          value={Math.round(job.progress * 100)}
          max={100}
          detail={
            job.status === 'running'
              ? `${job.events.toLocaleString()} events, ${job.eventsPerSecond.toLocaleString()} events/s`
              : job.status === 'done' && job.summary
                ? `Done: ${job.summary.events.toLocaleString()} events, ${job.summary.entries.toLocaleString()} journal entries (${job.summary.unbalancedEntries} unbalanced) in ${job.summary.ms} ms, ${job.summary.eventsPerSecond.toLocaleString()} events/s`
                : `Failed: ${job.error ?? ''}`
          }
        />
      )}
      <ErrorNote error={polled.error} />
    </section>
  );
}

function AuditVerification() {
  const [started, setStarted] = useState<VerificationJob | null>(null);
  const polled = usePolling(
    started,
    (job) => get<VerificationJob>(`/audit/verify/jobs/${job.id}`),
    (job) => job.state === 'running',
  );
  const job = polled.job;
  const report = job?.report;
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">Audit verification</h2>
      <p class="hint">
        Recomputes every event’s chain hash and every signed digest of the log: any event changed,
        removed, inserted or moved is named by its stream and revision.
      </p>
      <ActionButton
        label="Verify the log"
        kind="primary"
        disabled={job?.state === 'running'}
        run={() => get<VerificationJob>('/audit/verify?waitSeconds=0')}
        done={(answer) => setStarted(answer as VerificationJob)}
      />
      {job && (
        <ProgressBar
          label="Verification"
          value={job.verified}
          max={job.state === 'running' ? job.total || null : Math.max(1, job.verified)}
          detail={
            job.state === 'running'
              ? `${job.verified.toLocaleString()} of ${job.total.toLocaleString()} events`
              : job.state === 'error'
                ? `Could not verify: ${job.error ?? ''}`
                : report?.ok
                  ? `Passed: ${report.events.toLocaleString()} events in ${report.streams.toLocaleString()} streams, ${report.digests} signed digests, all as written.`
                  : `Failed: ${report?.findingsTotal ?? 0} findings.`
          }
        />
      )}
      {report && report.findings.length > 0 && (
        <Table
          caption={`Findings (${report.findingsTotal})`}
          columns={[
            { header: 'Kind', cell: (f: Finding) => f.kind },
            { header: 'Stream', cell: (f: Finding) => f.stream ?? '' },
            { header: 'Revision', cell: (f: Finding) => f.revision ?? '', numeric: true },
            { header: 'Position', cell: (f: Finding) => f.position ?? '', numeric: true },
            { header: 'What', cell: (f: Finding) => f.message },
          ]}
          rows={report.findings}
          rowKey={(f) => `${f.kind}-${f.stream ?? ''}-${f.revision ?? ''}-${f.position ?? ''}`}
          wide
        />
      )}
      <ErrorNote error={polled.error} />
    </section>
  );
}

const REPORTS = [
  { path: 'trial-balance', label: 'Trial balance' },
  { path: 'profit-and-loss', label: 'Profit and loss by month' },
  { path: 'contract-liability', label: 'Contract-liability roll-forward' },
  { path: 'journal', label: 'Journal' },
] as const;

function Exports() {
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">Reports as CSV</h2>
      <ul class="exports">
        {REPORTS.map((r) => (
          <li key={r.path}>
            <ActionButton
              label={`Download ${r.label.toLowerCase()}`}
              run={() => download(`/accounting/${r.path}?format=csv`, `${r.path}.csv`)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
