import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { verifyConfiguredLog } from './log-audit';
import type { VerificationReport } from './log-verifier';

export interface VerificationJob {
  readonly id: string;
  state: 'running' | 'passed' | 'failed' | 'error';
  readonly startedAt: string;
  finishedAt: string | null;
  /** Events verified so far, of about `total` (0 when the store cannot tell). */
  verified: number;
  total: number;
  report: VerificationReport | null;
  error: string | null;
}

const KEPT_JOBS = 20;

/**
 * Verifications run as jobs: a large log takes seconds, so a request starts one (or joins the
 * one running) and polls it. One runs at a time; the last few are kept for their callers.
 */
@Injectable()
export class VerificationJobs {
  private readonly jobs = new Map<string, { job: VerificationJob; done: Promise<void> }>();
  private running: VerificationJob | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The running verification, or a new one. */
  start(): { job: VerificationJob; done: Promise<void> } {
    if (this.running) return this.jobs.get(this.running.id)!;
    const job: VerificationJob = {
      id: randomUUID(),
      state: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      verified: 0,
      total: 0,
      report: null,
      error: null,
    };
    this.running = job;
    const done = verifyConfiguredLog(
      this.config,
      (verified, total) => {
        job.verified = verified;
        job.total = total;
      },
      { pageSize: 2_000 },
    )
      .then(
        (report) => {
          job.report = report;
          job.state = report.ok ? 'passed' : 'failed';
        },
        (error: unknown) => {
          job.error = error instanceof Error ? error.message : String(error);
          job.state = 'error';
        },
      )
      .finally(() => {
        job.finishedAt = new Date().toISOString();
        this.running = null;
      });
    this.jobs.set(job.id, { job, done });
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) {
      this.jobs.delete(id);
    }
    return { job, done };
  }

  get(id: string): VerificationJob | null {
    return this.jobs.get(id)?.job ?? null;
  }
}
