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
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { BOOK_ANSWERS } from './book.answers';
import type { FastifyReply } from 'fastify';
import { closedThrough, type Restatement, restate } from '../../projections/accounting/book-view';
import { periodOf } from '../../projections/accounting/periods';
import {
  RESTATEMENT_CSV_HEADER,
  restatementRows,
} from '../../projections/accounting/restatement-export';
import { POLICY_DESCRIPTIONS } from '../../projections/accounting/recognition-policies';
import { AccountingLedger } from './accounting-ledger';
import { Allow } from '../auth/access.decorators';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { entityId } from '../shared/commands/entity-id';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { setLogPosition } from '../shared/http/log-position';
import { PatternPipe } from '../shared/http/pattern.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import { Clock } from '../shared/time/clock';
import { ChangeBookPolicy, CloseBookPeriod, PostBookAdjustment } from './book.commands';
import {
  ChangeBookPolicyDto,
  CloseBookPeriodDto,
  PostBookAdjustmentDto,
  RestatementQueryDto,
} from './book.dto';
import { csvReply } from './csv-reply';
import { type BookEvent, MAIN_BOOK } from './book.events';

const CATCH_UP_MS = 10_000;
/** `main`, or a UUID for any book added later. */
const BOOK_ID = new PatternPipe(
  'bookId',
  /^(main|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  'a book id is main or a UUID',
);

@ApiTags('books')
@ApiBearerAuth()
@Allow('accounting')
@Controller('books')
export class BookController {
  constructor(
    private readonly commands: CommandBus,
    private readonly ledger: AccountingLedger,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @ApiOperation({ summary: 'A book: its policy and its periods' })
  @ApiAnswer(200, BOOK_ANSWERS.show)
  @Get(':bookId')
  async show(@Param('bookId', BOOK_ID) bookId: string) {
    assertBook(bookId);
    await this.caughtUp();
    const { history } = this.ledger.snapshot();
    return {
      bookId,
      policy: history.policy,
      policyDescription: POLICY_DESCRIPTIONS[history.policy],
      closedThrough: closedThrough(history),
      changes: history.changes,
      closes: history.closes,
      adjustments: history.adjustments,
    };
  }

  /**
   * The restatement of the book's latest policy change, as it was computed when the change was
   * recorded: per period old against new, the cumulative effect, and who changed it and why.
   */
  @ApiOperation({ summary: 'The restatement of the book’s latest policy change (JSON or CSV)' })
  @ApiAnswer(200, BOOK_ANSWERS.restatement)
  @Get(':bookId/restatement')
  async restatement(
    @Param('bookId', BOOK_ID) bookId: string,
    @Query() query: RestatementQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertBook(bookId);
    await this.caughtUp();
    const change = this.ledger.snapshot().history.changes.at(-1);
    if (!change) throw new NotFoundException(`book ${bookId} has never changed its policy`);
    // The book just before the change: the restatement compares what it published then.
    const before = new Date(Date.parse(change.at) - 1).toISOString();
    const { totals, history } = this.ledger.snapshot(before);
    const restatement = restate(totals.byPolicy, history, change.to);
    if (query.format === 'csv')
      return csvReply(
        reply,
        'restatement',
        RESTATEMENT_CSV_HEADER,
        restatementRows(change, restatement),
      );
    return { change, restatement };
  }

  /** Switches the policy; the answer carries the restatement, computed from the same replay. */
  @ApiOperation({ summary: 'Set the book’s accounting policy' })
  @ApiAnswer(200, BOOK_ANSWERS.changePolicy)
  @Post(':bookId/policy')
  @HttpCode(200)
  async changePolicy(
    @Param('bookId', BOOK_ID) bookId: string,
    @Body() body: ChangeBookPolicyDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ changed: boolean; restatement: Restatement }> {
    assertBook(bookId);
    await this.caughtUp();
    const { totals, history } = this.ledger.snapshot();
    const restatement = restate(totals.byPolicy, history, body.policy);
    const outcome = await this.commands.execute<ChangeBookPolicy, CommandOutcome<BookEvent>>(
      new ChangeBookPolicy(
        bookId,
        body.policy,
        body.justification ?? '',
        restatement.adjustment,
        entityId(context, 'book-adjustment'),
        context,
      ),
    );
    await this.settle(outcome, reply);
    return { changed: outcome.events.length > 0, restatement };
  }

  @ApiOperation({ summary: 'Close the book up to a period (earlier periods close with it)' })
  @ApiAnswer(200, BOOK_ANSWERS.closePeriod)
  @Post(':bookId/periods')
  @HttpCode(200)
  async closePeriod(
    @Param('bookId', BOOK_ID) bookId: string,
    @Body() body: CloseBookPeriodDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertBook(bookId);
    const current = periodOf(this.clock.now().toISOString());
    const outcome = await this.commands.execute<CloseBookPeriod, CommandOutcome<BookEvent>>(
      new CloseBookPeriod(bookId, body.period, current, context),
    );
    await this.settle(outcome, reply);
    return { closed: body.period, changed: outcome.events.length > 0 };
  }

  @ApiOperation({ summary: 'Post a manual adjusting entry to an open period' })
  @ApiAnswer(201, BOOK_ANSWERS.postAdjustment)
  @Post(':bookId/adjustments')
  @HttpCode(201)
  async postAdjustment(
    @Param('bookId', BOOK_ID) bookId: string,
    @Body() body: PostBookAdjustmentDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertBook(bookId);
    const adjustmentId = entityId(context, 'book-adjustment');
    const outcome = await this.commands.execute<PostBookAdjustment, CommandOutcome<BookEvent>>(
      new PostBookAdjustment(
        bookId,
        adjustmentId,
        body.period ?? null,
        body.reason,
        body.lines,
        context,
      ),
    );
    await this.settle(outcome, reply);
    const posted = outcome.events.find((e) => e.type === 'BookAdjustmentPosted');
    return {
      adjustmentId,
      period: posted?.type === 'BookAdjustmentPosted' ? posted.data.period : null,
    };
  }

  /** A restatement must be computed from the whole log as it stands. */
  private async caughtUp(): Promise<void> {
    const head = await this.events.head();
    if (head) await this.ledger.waitFor(head.position, CATCH_UP_MS);
  }

  /** Read-your-writes: the book's reads include what was just appended. */
  private async settle(outcome: CommandOutcome<BookEvent>, reply: FastifyReply): Promise<void> {
    setLogPosition(reply, outcome.position);
    if (outcome.position) await this.ledger.waitFor(outcome.position, CATCH_UP_MS);
  }
}

function assertBook(bookId: string): void {
  if (bookId !== MAIN_BOOK)
    throw new NotFoundException(`book ${bookId} does not exist (there is one book: main)`);
}
