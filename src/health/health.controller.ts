import { AccountingLedger } from '../accounting/accounting-ledger';
import { Public } from '../auth/access.decorators';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { HEALTH_ANSWERS } from './health.answers';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import type { LogHead } from '../shared/eventstore/event-store.port';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import type { ProjectionStatus } from '../shared/projections/projection-engine';
import {
  PROJECTION_READ_SIDE,
  type ProjectionReadSide,
} from '../shared/projections/projection-read-side';
import { ReactorEngine, type ReactorStatus } from '../shared/reactors/reactor-engine';
import { READ_MODEL_STORE, type ReadModelStore } from '../shared/readmodels/read-model-store.port';
import { type EventLoopDelay, EventLoopDelayMonitor } from './event-loop-delay';

interface StoreHealth {
  readonly status: 'ok' | 'down';
  readonly adapter: string;
  readonly error?: string;
}

export interface HealthReport {
  /** ok; degraded when a projection or reactor has stopped; down when a store cannot be reached (503). */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly eventStore: StoreHealth & { readonly head?: LogHead | null };
  readonly readStore: StoreHealth;
  readonly projections: readonly ProjectionStatus[];
  readonly reactors: readonly ReactorStatus[];
  /** How long the server thread kept requests waiting since the previous /health. */
  readonly eventLoopDelay: EventLoopDelay;
  /** The ledger's continuous checks, as the live book stands (never a reason for 503). */
  readonly ledger: { readonly holds: boolean; readonly failing: readonly string[] };
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(PROJECTION_READ_SIDE) private readonly projections: ProjectionReadSide,
    private readonly reactors: ReactorEngine,
    private readonly eventLoop: EventLoopDelayMonitor,
    private readonly accounting: AccountingLedger,
  ) {}

  @ApiOperation({ summary: 'Whether the server and its stores are up' })
  @ApiAnswer(200, HEALTH_ANSWERS.check)
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const [eventStore, readStore] = await Promise.all([
      probe(this.config.eventStore.kind, async () => ({ head: await this.events.head() })),
      probe(this.config.readStore.kind, () => this.readModels.ping()),
    ]);
    const up = eventStore.status === 'ok';
    const [projections, reactors] = up
      ? await Promise.all([this.projections.statuses(), this.reactors.statuses()])
      : [[], []];
    const down = !up || readStore.status === 'down';
    const stopped = [...projections, ...reactors].some((c) => c.state === 'failed');
    if (down) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: down ? 'down' : stopped ? 'degraded' : 'ok',
      eventStore,
      readStore,
      projections,
      reactors,
      eventLoopDelay: this.eventLoop.report(),
      ledger: ledgerSummary(this.accounting),
    };
  }
}

async function probe<T extends object | void>(adapter: string, check: () => Promise<T>) {
  try {
    const details = await check();
    return { status: 'ok' as const, adapter, ...(details ?? {}) };
  } catch (error) {
    return { status: 'down' as const, adapter, error: (error as Error).message };
  }
}

function ledgerSummary(accounting: AccountingLedger): HealthReport['ledger'] {
  const failing = accounting
    .invariants()
    .filter((check) => !check.holds)
    .map((check) => check.rule);
  return { holds: failing.length === 0, failing };
}
