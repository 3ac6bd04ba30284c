import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type BookHistory, emptyBookHistory } from '../../projections/accounting/book-view';
import type { JournalEntry } from '../../projections/accounting/journal-entry';
import { LEDGER_EVENT_TYPES } from '../../projections/accounting/ledger-events';
import {
  foldLedgerEvent,
  initialLedgerState,
  type LedgerState,
} from '../../projections/accounting/ledger-fold';
import { checkLedgerInvariants } from '../../projections/accounting/ledger-invariants';
import { LedgerTotals } from '../../projections/accounting/period-totals';
import { POLICIES } from '../../projections/accounting/recognition-policies';
import type { BookEvent } from './book.events';
import { BOOK_EVENT_TYPES } from './book.events';
import {
  type BatchResult,
  CheckpointedRunner,
  describeFailure,
} from '../shared/consumers/checkpointed-runner';
import type { Position, RecordedEvent } from '../shared/eventstore/event-envelope';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { toLedgerEvent } from './ledger-replay';
import { RecognitionIndex } from './recognition-index';
import type { LineRecognition, OrderRecognition } from '../shared/domain/order-recognition.port';

/** How long a reader waits for the book to reach the head of the log. */
const CATCH_UP_MS = 10_000;

const WANTED = new Set<string>([...LEDGER_EVENT_TYPES, ...BOOK_EVENT_TYPES]);

/** The book at one recorded time: totals of every policy, the journal and the book's history. */
export interface BookSnapshot {
  readonly asOf: string | null;
  readonly totals: LedgerTotals;
  readonly entries: readonly JournalEntry[];
  readonly history: BookHistory;
}

/**
 * The live book: a checkpointed consumer of the log folding all three policies at once, in
 * memory, with the book's own events (policy, closes, adjustments). Every policy's ledger is
 * always built, so a policy change reads the other ledger as soon as the change is folded.
 * It starts from the beginning of the log at boot: the fold is fast enough (see the bench) that
 * rebuilding beats keeping a second copy of the book that could drift.
 */
@Injectable()
export class AccountingLedger
  extends CheckpointedRunner
  implements OnModuleInit, BeforeApplicationShutdown, OrderRecognition
{
  private ledger: LedgerState = initialLedgerState(POLICIES);
  private totals = new LedgerTotals(POLICIES);
  private entries: JournalEntry[] = [];
  private history: BookHistory = emptyBookHistory();
  private bookEvents: { event: BookEvent; recorded: BookEventRecord }[] = [];
  private recognitions: RecognitionIndex;

  constructor(
    @Inject(EVENT_STORE) private readonly log: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('accounting-ledger', log, new Logger('AccountingLedger'));
    this.recognitions = new RecognitionIndex(config.store.currency);
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  protected async prepare(): Promise<Position | null> {
    this.ledger = initialLedgerState(POLICIES);
    this.totals = new LedgerTotals(POLICIES);
    this.entries = [];
    this.history = emptyBookHistory();
    this.bookEvents = [];
    this.recognitions = new RecognitionIndex(this.config.store.currency);
    return null;
  }

  protected async process(events: readonly RecordedEvent[]): Promise<BatchResult> {
    let checkpoint: Position | null = null;
    for (const event of events) {
      try {
        if (WANTED.has(event.type)) this.apply(event);
      } catch (error) {
        return { checkpoint, failure: describeFailure(event, error) };
      }
      checkpoint = event.position;
    }
    return { checkpoint, failure: null };
  }

  private apply(event: RecordedEvent): void {
    if ((BOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
      const bookEvent = { type: event.type, data: event.data } as BookEvent;
      const recorded: BookEventRecord = {
        actor: event.metadata.actor,
        at: event.recordedAt,
        eventId: event.id,
        position: event.position.commit,
      };
      this.bookEvents.push({ event: bookEvent, recorded });
      applyBookEvent(this.history, bookEvent, recorded);
    }
    foldLedgerEvent(this.ledger, toLedgerEvent(event), (entry) => {
      this.entries.push(entry);
      this.totals.add(entry);
      this.recognitions.add(entry, event);
    });
  }

  /** What the book recognised on an order under its active policy, once it has read the log. */
  async recognitionOf(backorderId: string): Promise<readonly LineRecognition[]> {
    const head = await this.log.head();
    if (head) await this.waitFor(head.position, CATCH_UP_MS);
    return this.recognitions.of(backorderId, this.history.policy);
  }

  /** The book now, or as it was when `asOf` had been recorded. */
  snapshot(asOf: string | null = null): BookSnapshot {
    if (asOf === null)
      return { asOf, totals: this.totals, entries: this.entries, history: this.history };
    const entries = this.entries.filter((entry) => entry.recordedAt <= asOf);
    const totals = new LedgerTotals(POLICIES);
    entries.forEach(totals.add);
    const history = emptyBookHistory();
    for (const { event, recorded } of this.bookEvents)
      if (recorded.at <= asOf) applyBookEvent(history, event, recorded);
    return { asOf, totals, entries, history };
  }

  invariants() {
    return checkLedgerInvariants(this.ledger, this.totals);
  }
}

/** Who recorded a book event, when, and where in the log. */
interface BookEventRecord {
  readonly actor: string;
  readonly at: string;
  readonly eventId: string;
  readonly position: number;
}

function applyBookEvent(history: BookHistory, event: BookEvent, recorded: BookEventRecord): void {
  const { actor, at, eventId, position } = recorded;
  switch (event.type) {
    case 'BookPolicyChanged':
      history.policy = event.data.to;
      history.changes.push({ ...event.data, actor, at });
      return;
    case 'BookPeriodClosed':
      history.closes.push({ period: event.data.period, policy: event.data.policy, at });
      return;
    case 'BookAdjustmentPosted':
      history.adjustments.push({ ...event.data, at, eventId, position });
      return;
  }
}
