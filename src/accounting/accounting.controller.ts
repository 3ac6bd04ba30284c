import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { ACCOUNTING_ANSWERS } from './accounting.answers';
import type { FastifyReply } from 'fastify';
import { bookJournal } from '../../projections/accounting/book-journal';
import { publishedTotals } from '../../projections/accounting/book-view';
import { ACCOUNTS } from '../../projections/accounting/chart-of-accounts';
import type { PeriodTotals } from '../../projections/accounting/period-totals';
import {
  parsePolicies,
  POLICIES,
  POLICY_DESCRIPTIONS,
} from '../../projections/accounting/recognition-policies';
import {
  comparePolicies,
  contractLiabilityRollForward,
  profitAndLoss,
  trialBalance,
} from '../../projections/accounting/reports';
import { Allow, Verification } from '../auth/access.decorators';
import type { CommandContext } from '../shared/commands/command-context';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { RequestContext } from '../shared/http/request-context.decorator';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { AccountingLedger, type BookSnapshot } from './accounting-ledger';
import { CompareQueryDto, ReportQueryDto, StartReplayDto } from './accounting.dto';
import { csvReply as csv } from './csv-reply';
import { ReplayJobs } from './replay-jobs';

const CATCH_UP_MS = 10_000;

/** The book's reports; every one can be read `asOf` a recorded instant and exported as CSV. */
@ApiTags('accounting')
@ApiBearerAuth()
@Allow('accounting')
@Controller('accounting')
export class AccountingController {
  constructor(
    private readonly ledger: AccountingLedger,
    private readonly jobs: ReplayJobs,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @ApiOperation({ summary: 'The journal: every posting in a period, as JSON or CSV' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.journal)
  @Get('journal')
  async journal(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const book = await this.book(query.asOf);
    // Without a policy: the book as published, closed periods as closed, with its adjustments.
    const policy = query.policy ?? book.history.policy;
    const journal = query.policy
      ? book.entries.filter((e) => e.policy === policy)
      : bookJournal(book.entries, book.history);
    const entries = journal.filter(
      (e) =>
        (query.from === undefined || e.period >= query.from) &&
        (query.to === undefined || e.period <= query.to),
    );
    if (query.format === 'csv') {
      const rows = entries.flatMap((e) =>
        e.lines.map((l) => [
          e.entryId,
          e.period,
          e.occurredAt,
          e.description,
          e.backorderId,
          l.account,
          ACCOUNTS[l.account].name,
          l.debit,
          l.credit,
          l.eventIds.join(' '),
        ]),
      );
      return csv(
        reply,
        'journal',
        [
          'entry',
          'period',
          'occurredAt',
          'description',
          'backorder',
          'account',
          'accountName',
          'debit',
          'credit',
          'events',
        ],
        rows,
      );
    }
    return { policy, asOf: book.asOf, entries };
  }

  @ApiOperation({ summary: 'Trial balance: each account’s debits, credits and balance at a date' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.trialBalance)
  @Get('trial-balance')
  async trialBalance(
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const book = await this.book(query.asOf);
    const result = trialBalance(this.totals(book, query), query.to ?? null);
    if (query.format === 'csv')
      return csv(
        reply,
        'trial-balance',
        ['account', 'name', 'debit', 'credit'],
        result.lines.map((l) => [l.account, l.name, l.debit, l.credit]),
      );
    return { view: this.view(book, query), asOf: book.asOf, ...result };
  }

  @ApiOperation({ summary: 'Profit and loss over a period' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.profitAndLoss)
  @Get('profit-and-loss')
  async profitAndLoss(
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const book = await this.book(query.asOf);
    const months = inRange(profitAndLoss(this.totals(book, query)), query);
    if (query.format === 'csv')
      return csv(
        reply,
        'profit-and-loss',
        ['period', 'revenue', 'costOfGoodsSold', 'priceVariance', 'grossMargin'],
        months.map((m) => [m.period, m.revenue, m.costOfGoodsSold, m.priceVariance, m.grossMargin]),
      );
    return { view: this.view(book, query), asOf: book.asOf, months };
  }

  @ApiOperation({
    summary: 'Customer deposits held against undelivered orders (contract liability)',
  })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.contractLiability)
  @Get('contract-liability')
  async contractLiability(
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const book = await this.book(query.asOf);
    const months = inRange(contractLiabilityRollForward(this.totals(book, query)), query);
    if (query.format === 'csv')
      return csv(
        reply,
        'contract-liability',
        ['period', 'opening', 'received', 'appliedOrRefunded', 'closing'],
        months.map((m) => [m.period, m.opening, m.received, m.appliedOrRefunded, m.closing]),
      );
    return { view: this.view(book, query), asOf: book.asOf, months };
  }

  /** Revenue, cost and liability per period under each policy, from one pass over the log. */
  @ApiOperation({ summary: 'Revenue, cost and liability per period under each accounting policy' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.compare)
  @Get('compare')
  async compare(@Query() query: CompareQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const book = await this.book(undefined);
    const policies = query.policies ? parsePolicies(query.policies)! : [...POLICIES];
    const periods = comparePolicies(
      book.totals.byPolicy,
      policies,
      query.from ?? null,
      query.to ?? null,
    );
    if (query.format === 'csv')
      return csv(
        reply,
        'compare',
        ['period', ...policies.flatMap((p) => [`${p} revenue`, `${p} cost`, `${p} liability`])],
        periods.map((row) => [
          row.period,
          ...policies.flatMap((p) => [
            row.policies[p].revenue,
            row.policies[p].cost,
            row.policies[p].liability,
          ]),
        ]),
      );
    return {
      policies: policies.map((policy) => ({ policy, description: POLICY_DESCRIPTIONS[policy] })),
      from: query.from ?? null,
      to: query.to ?? null,
      periods,
    };
  }

  @ApiOperation({ summary: 'Check the ledger’s invariants (debits equal credits, balances agree)' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.invariants)
  @Get('invariants')
  async invariants() {
    await this.book(undefined);
    const checks = this.ledger.invariants();
    return { holds: checks.every((c) => c.holds), checks };
  }

  /** Rebuilds the ledger from the raw log in the background; poll the job for progress. */
  @ApiOperation({ summary: 'Start a replay of the ledger from the event log' })
  @ApiAnswer(202, ACCOUNTING_ANSWERS.startReplay)
  @Post('replays')
  @Verification()
  @HttpCode(202)
  startReplay(
    @Body() body: StartReplayDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const job = this.jobs.start(
      body.policy ? [body.policy] : POLICIES,
      body.asOf ?? null,
      context.actor,
    );
    void reply.header('location', `/accounting/replays/${job.jobId}`);
    return job;
  }

  @ApiOperation({ summary: 'A ledger replay’s progress or its report' })
  @ApiAnswer(200, ACCOUNTING_ANSWERS.replay)
  @Get('replays/:jobId')
  replay(@Param('jobId', new UuidPipe()) jobId: string) {
    const job = this.jobs.get(jobId);
    if (!job) throw new NotFoundException(`replay ${jobId} does not exist`);
    return job;
  }

  private async book(asOf: string | undefined): Promise<BookSnapshot> {
    const head = await this.events.head();
    if (head) await this.ledger.waitFor(head.position, CATCH_UP_MS);
    return this.ledger.snapshot(asOf ?? null);
  }

  private totals(book: BookSnapshot, query: ReportQueryDto): PeriodTotals {
    return query.policy
      ? book.totals.byPolicy.get(query.policy)!
      : publishedTotals(book.totals.byPolicy, book.history);
  }

  private view(book: BookSnapshot, query: ReportQueryDto): string {
    return query.policy ?? `book main (${book.history.policy})`;
  }
}

function inRange<T extends { period: string }>(rows: T[], query: ReportQueryDto): T[] {
  return rows.filter(
    (r) => (!query.from || r.period >= query.from) && (!query.to || r.period <= query.to),
  );
}
