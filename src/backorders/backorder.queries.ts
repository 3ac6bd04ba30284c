import { Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type BackorderDetails,
  backorderDetailsProjection,
  type OrderOutcome,
  type OrderStatus,
} from '../../projections/backorders/backorder-details.projection';
import {
  type BackorderTimeline,
  backorderTimelineProjection,
} from '../../projections/backorders/backorder-timeline.projection';
import { withRecognition } from '../../projections/backorders/recognition-timeline';
import { ORDER_RECOGNITION, type OrderRecognition } from '../shared/domain/order-recognition.port';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { BackorderAsOf } from './backorder-as-of';
import type { LineStatus } from './backorder-line';
import { lookupText } from './lookup-text';
import { withoutStorageFields } from '../shared/readmodels/storage-fields';

const ORDER_STATUSES: readonly string[] = ['open', 'closed'] satisfies OrderStatus[];

export class GetBackorder {
  constructor(
    readonly backorderId: string,
    /** An ISO-8601 instant: the order as the log had recorded it then; null for now. */
    readonly asOf: string | null,
    readonly minPosition: Position | null,
  ) {}
}

export class ListBackorders {
  constructor(
    readonly filter: {
      /**
       * An order status (open, closed) or a line status (orders with at least one such line);
       * a string, as the HTTP layer validates it.
       */
      readonly status?: string;
      readonly customerId?: string;
      readonly vendorId?: string;
    },
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

export class GetBackorderTimeline {
  constructor(
    readonly backorderId: string,
    readonly minPosition: Position | null,
  ) {}
}

/** Where is my order: by order number (BO-000123, 000123, 123), customer name, phone or email. */
export class Lookup {
  constructor(
    readonly q: string,
    readonly limit: number = 20,
    readonly minPosition: Position | null = null,
  ) {}
}

/** One order as the person on the phone needs it. */
export interface OrderWhereabouts {
  readonly backorderId: string;
  readonly number: string;
  readonly customerName: string;
  readonly placedAt: string;
  readonly status: OrderStatus;
  readonly outcome: OrderOutcome | null;
  /** The line statuses in one phrase: "1 ready for pickup, 1 on PO". */
  readonly summary: string;
  readonly eta: string | null;
  readonly lines: readonly {
    readonly lineId: string;
    readonly lineNumber: number;
    readonly productName: string;
    readonly status: LineStatus;
    readonly eta: string | null;
  }[];
}

@QueryHandler(GetBackorder)
export class GetBackorderHandler implements IQueryHandler<GetBackorder, BackorderAnswer | null> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly asOf: BackorderAsOf,
  ) {}

  async execute({ backorderId, asOf, minPosition }: GetBackorder): Promise<BackorderAnswer | null> {
    // The past is read from the log itself, which is never behind.
    if (asOf) return answerOf(await this.asOf.at(backorderId, asOf));
    await this.readModels.readYourWrites(backorderDetailsProjection, minPosition);
    return answerOf(await backorders(this.readModels).findById(backorderId));
  }
}

@QueryHandler(ListBackorders)
export class ListBackordersHandler implements IQueryHandler<ListBackorders, Page<BackorderAnswer>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, page, minPosition }: ListBackorders): Promise<Page<BackorderAnswer>> {
    await this.readModels.readYourWrites(backorderDetailsProjection, minPosition);
    const { status, customerId, vendorId } = filter;
    const byOrder = status !== undefined && ORDER_STATUSES.includes(status);
    const where = {
      status: byOrder ? status : undefined,
      lineStatuses: byOrder ? undefined : status,
      customerId,
      vendorIds: vendorId,
    };
    const found = await backorders(this.readModels).find({
      where,
      sort: [['placedAt', 'desc']],
      ...page,
    });
    return { items: found.items.map((order) => answerOf(order)!), nextCursor: found.nextCursor };
  }
}

@QueryHandler(GetBackorderTimeline)
export class GetBackorderTimelineHandler implements IQueryHandler<
  GetBackorderTimeline,
  BackorderTimeline | null
> {
  constructor(
    private readonly readModels: ReadModels,
    @Optional() private readonly modules?: ModuleRef,
  ) {}

  async execute({
    backorderId,
    minPosition,
  }: GetBackorderTimeline): Promise<BackorderTimeline | null> {
    await this.readModels.readYourWrites(backorderTimelineProjection, minPosition);
    const timeline = await this.readModels
      .collection<BackorderTimeline>(backorderTimelineProjection, 'timelines')
      .findById(backorderId);
    const book = this.book();
    if (!timeline || !book) return timeline;
    const seen = timeline.entries.at(-1)?.position ?? null;
    return withRecognition(timeline, await book.recognitionOf(backorderId, seen));
  }

  /** The accounting book, when the app runs one: it registers itself under the kernel port. */
  private book(): OrderRecognition | null {
    try {
      return this.modules!.get<OrderRecognition>(ORDER_RECOGNITION, { strict: false });
    } catch {
      return null;
    }
  }
}

@QueryHandler(Lookup)
export class LookupHandler implements IQueryHandler<Lookup, OrderWhereabouts[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ q, limit, minPosition }: Lookup): Promise<OrderWhereabouts[]> {
    await this.readModels.readYourWrites(backorderDetailsProjection, minPosition);
    // Numbers and phones are indexed in the forms people type them, so one search finds either;
    // every word matches from its beginning, as staff type it ("castell" finds Castellano).
    const hits = await backorders(this.readModels).search(lookupText(q), { limit, prefix: true });
    // Best match first; among equally good ones, the newest order (what a caller asks about).
    const ranked = [...hits.items].sort(
      (a, b) => b.score - a.score || b.document.placedAt.localeCompare(a.document.placedAt),
    );
    return ranked.map(({ document: order }) => ({
      backorderId: order.id,
      number: order.number,
      customerName: order.customer.name,
      placedAt: order.placedAt,
      status: order.status,
      outcome: order.outcome,
      summary: order.summary,
      eta: order.eta,
      lines: order.lines.map((line) => ({
        lineId: line.lineId,
        lineNumber: line.lineNumber,
        productName: line.delivered.name,
        status: line.status,
        eta: line.eta,
      })),
    }));
  }
}

/** The handlers, with the as-of service they need: the module lists them as providers. */
export const backorderQueryHandlers = [
  BackorderAsOf,
  GetBackorderHandler,
  ListBackordersHandler,
  GetBackorderTimelineHandler,
  LookupHandler,
];

/** The order as answered: without the keys the details view keeps for searching and filtering. */
function answerOf(order: BackorderDetails | null): BackorderAnswer | null {
  return order && withoutStorageFields(order, ['searchKeys', 'waitingProductIds']);
}

type BackorderAnswer = Omit<BackorderDetails, 'searchKeys' | 'waitingProductIds'>;

function backorders(readModels: ReadModels) {
  return readModels.collection<BackorderDetails>(backorderDetailsProjection, 'backorders');
}
