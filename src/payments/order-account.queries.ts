import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { localDate } from '../purchasing/consolidation-window';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { EVENT_STORE, type EventStore } from '../shared/eventstore/event-store.port';
import { streams } from '../shared/eventstore/stream-names';
import { Clock } from '../shared/time/clock';
import { type AccountView, accountView } from './account-view';
import { LineMargins } from './line-margins';

export class GetOrderAccount {
  constructor(readonly backorderId: string) {}
}

/**
 * The account from its own stream, not a read model: a payment taken a moment ago is in the
 * balance the clerk reads next. Overdue is judged against today in the store's zone.
 */
@QueryHandler(GetOrderAccount)
export class GetOrderAccountHandler implements IQueryHandler<GetOrderAccount, AccountView | null> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly margins: LineMargins,
  ) {}

  async execute({ backorderId }: GetOrderAccount): Promise<AccountView | null> {
    const events = await this.events.readStream(streams.orderAccount(backorderId));
    const view = accountView(
      events,
      localDate(this.clock.now().toISOString(), this.config.store.timeZone),
    );
    return view && { ...view, margins: await this.margins.of(backorderId, view.lines) };
  }
}
