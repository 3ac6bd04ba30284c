import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** How late the server thread ran its timers: what every request waited before it was looked at. */
export interface EventLoopDelay {
  /** Milliseconds, over the window since the previous report. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly windowMs: number;
}

/**
 * Watches the event loop of the thread answering HTTP (perf_hooks, sampled every 10 ms): long
 * synchronous work (a sheet parsed, a regular expression on a long cell) shows here at once.
 */
@Injectable()
export class EventLoopDelayMonitor implements OnModuleDestroy {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private since = Date.now();

  constructor() {
    this.histogram.enable();
  }

  /** The delays since the last report, then starts a new window. */
  report(): EventLoopDelay {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const now = Date.now();
    const report = {
      p50Ms: ms(this.histogram.percentile(50)),
      p99Ms: ms(this.histogram.percentile(99)),
      maxMs: ms(this.histogram.max),
      windowMs: now - this.since,
    };
    this.histogram.reset();
    this.since = now;
    return report;
  }

  onModuleDestroy(): void {
    this.histogram.disable();
  }
}
