import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { periodFigures } from '../../projections/accounting/period-totals';
import type { Policy } from '../../projections/accounting/recognition-policies';
import { trialBalance } from '../../projections/accounting/reports';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { type ReplayResult, type ReplaySource, replayLedger } from './ledger-replay';

export interface ReplayJob {
  readonly jobId: string;
  readonly policies: readonly Policy[];
  readonly asOf: string | null;
  readonly startedBy: string;
  status: 'running' | 'done' | 'failed';
  events: number;
  /** 0..1 through the log. */
  progress: number;
  eventsPerSecond: number;
  error: string | null;
  summary: ReturnType<typeof summarise> | null;
}

/** Replays run on request (an auditor's or accountant's), polled by id; kept in memory. */
@Injectable()
export class ReplayJobs {
  private readonly jobs = new Map<string, ReplayJob>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  start(policies: readonly Policy[], asOf: string | null, actor: string): ReplayJob {
    const job: ReplayJob = {
      jobId: randomUUID(),
      policies,
      asOf,
      startedBy: actor,
      status: 'running',
      events: 0,
      progress: 0,
      eventsPerSecond: 0,
      error: null,
      summary: null,
    };
    this.jobs.set(job.jobId, job);
    const started = performance.now();
    replayLedger(replaySource(this.config, this.events), {
      policies,
      asOf,
      onProgress: ({ events, position, lastPosition }) => {
        job.events = events;
        job.progress = lastPosition > 0 ? Math.min(1, position / lastPosition) : 0;
        job.eventsPerSecond = Math.round(
          (events / Math.max(1, performance.now() - started)) * 1000,
        );
      },
    }).then(
      (result) => {
        job.status = 'done';
        job.progress = 1;
        job.events = result.events;
        job.summary = summarise(result);
      },
      (error: unknown) => {
        job.status = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
      },
    );
    return job;
  }

  get(jobId: string): ReplayJob | undefined {
    return this.jobs.get(jobId);
  }
}

export function replaySource(config: AppConfig, events: EventStore): ReplaySource {
  return config.eventStore.kind === 'sqlite'
    ? { kind: 'sqlite-file', file: config.eventStore.file }
    : { kind: 'event-store', store: events };
}

/** What a replay found, per policy: entries, the trial balance and revenue/cost per period. */
export function summarise(result: ReplayResult) {
  return {
    events: result.events,
    entries: result.totals.entries,
    unbalancedEntries: result.totals.unbalanced,
    ms: Math.round(result.ms),
    eventsPerSecond: Math.round((result.events / Math.max(1, result.ms)) * 1000),
    policies: Object.fromEntries(
      result.policies.map((policy) => {
        const totals = result.totals.byPolicy.get(policy)!;
        return [policy, { trialBalance: trialBalance(totals), periods: periodFigures(totals) }];
      }),
    ),
  };
}
