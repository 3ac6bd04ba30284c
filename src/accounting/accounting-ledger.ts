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
import { LedgerReadModel, type PostedEntry, type RecordedBookEvent } from './ledger-read-model';
import { READ_MODEL_STORE, type ReadModelStore } from '../shared/readmodels/read-model-store.port';
import type { LineRecognition, OrderRecognition } from '../shared/domain/order-recognition.port';

/** How long the order timeline waits for the book to read what the timeline shows. */
const RECOGNITION_WAIT_MS = 2_000;
/** How often, at most, the book is written to the read store while events flow. */
const SAVE_EVERY_MS = 1_000;

const WANTED = new Set<string>([...LEDGER_EVENT_TYPES, ...BOOK_EVENT_TYPES]);

/** The book at one recorded time: totals of every policy, the journal and the book's history. */
export interface BookSnapshot {
  readonly asOf: string | null;
  readonly totals: LedgerTotals;
  readonly entries: readonly JournalEntry[];
  readonly history: BookHistory;
}

/**
 * The live book: a checkpointed consumer of the log folding all three policies at once, with the
 * book's own events (policy, closes, adjustments). Every policy's ledger is always built, so a
 * policy change reads the other ledger as soon as the change is folded. Reads are served from
 * memory; the book is saved to the read store (entries, per-period totals, the fold and its
 * checkpoint) at most every SAVE_EVERY_MS, when caught up and at shutdown, so a restart resumes
 * from its checkpoint instead of folding the whole log again.
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
  private bookEvents: RecordedBookEvent[] = [];
  private recognitions: RecognitionIndex;
  private readonly saved: LedgerReadModel;
  /** Entries posted since the last save, and the position the fold has reached. */
  private unsaved: PostedEntry[] = [];
  private folded: Position | null = null;
  private savedAt = 0;
  /** The checkpoint this run resumed after; null when it folded the log from the start. */
  resumedFrom: Position | null = null;

  constructor(
    @Inject(EVENT_STORE) log: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
  ) {
    super('accounting-ledger', log, new Logger('AccountingLedger'));
    this.recognitions = new RecognitionIndex(config.store.currency);
    this.saved = new LedgerReadModel(store);
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.save();
  }

  protected async prepare(): Promise<Position | null> {
    this.ledger = initialLedgerState(POLICIES);
    this.totals = new LedgerTotals(POLICIES);
    this.entries = [];
    this.history = emptyBookHistory();
    this.bookEvents = [];
    this.recognitions = new RecognitionIndex(this.config.store.currency);
    this.unsaved = [];
    this.folded = null;
    this.resumedFrom = null;
    await this.saved.ensure();
    const stored = await this.saved.load();
    if (!stored) return null;
    this.ledger = stored.state;
    for (const posted of stored.entries) this.post(posted);
    this.unsaved = [];
    for (const { event, recorded } of stored.bookEvents) this.applyBook(event, recorded);
    this.folded = stored.checkpoint;
    this.resumedFrom = stored.checkpoint;
    this.logger.log(`resumes the book after position ${stored.checkpoint.commit}`);
    return stored.checkpoint;
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
      this.folded = event.position;
    }
    // Reads are served from memory at once; the store follows every SAVE_EVERY_MS once live
    // (while catching up, the whole fold would be written again and again: caughtUp saves it).
    if (this.status().state === 'live' && Date.now() - this.savedAt >= SAVE_EVERY_MS)
      await this.save();
    return { checkpoint, failure: null };
  }

  protected override async caughtUp(): Promise<void> {
    await this.save();
  }

  /** Writes what changed since the last save, with the checkpoint a restart resumes after. */
  private async save(): Promise<void> {
    this.savedAt = Date.now();
    // A failed fold may have half applied its event: keep the last good save.
    if (this.folded === null || this.status().state === 'failed') return;
    await this.saved.save(this.unsaved, this.totals, this.ledger, this.bookEvents, this.folded);
    this.unsaved = [];
  }

  private apply(event: RecordedEvent): void {
    // Redelivered after a save that failed: the fold has it already.
    if (event.position.commit <= this.ledger.position) return;
    if ((BOOK_EVENT_TYPES as readonly string[]).includes(event.type))
      this.applyBook({ type: event.type, data: event.data } as BookEvent, {
        actor: event.metadata.actor,
        at: event.recordedAt,
        eventId: event.id,
        position: event.position.commit,
      });
    const cause = {
      eventId: event.id,
      type: event.type,
      actor: event.metadata.actor,
      position: event.position,
    };
    foldLedgerEvent(this.ledger, toLedgerEvent(event), (entry) =>
      this.post({ entry, cause, sequence: this.entries.length }),
    );
  }

  private applyBook(event: BookEvent, recorded: BookEventRecord): void {
    this.bookEvents.push({ event, recorded });
    applyBookEvent(this.history, event, recorded);
  }

  private post(posted: PostedEntry): void {
    this.entries.push(posted.entry);
    this.totals.add(posted.entry);
    this.recognitions.add(posted.entry, posted.cause);
    this.unsaved.push(posted);
  }

  /**
   * What the book recognised on an order under its active policy, once it has read `seen`; a
   * book still catching up after a restart answers with what it has rather than hold the order up.
   */
  async recognitionOf(
    backorderId: string,
    seen: Position | null,
  ): Promise<readonly LineRecognition[]> {
    if (seen) await this.waitFor(seen, RECOGNITION_WAIT_MS);
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

type BookEventRecord = RecordedBookEvent['recorded'];

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
