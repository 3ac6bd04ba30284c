import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type OrderBalance,
  orderBalancesProjection,
} from '../../projections/payments/order-balances.projection';
import { localDate } from '../purchasing/consolidation-window';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { type Money, money } from '../shared/domain/money';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { Clock } from '../shared/time/clock';

export interface OpenBalance {
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly customerId: string;
  readonly invoiceTotal: Money;
  readonly paid: Money;
  readonly balanceDue: Money;
  readonly scheduleKind: string | null;
  readonly firstUnpaidDueOn: string | null;
}

export interface OverdueInstallment {
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly customerId: string;
  readonly installmentId: string;
  readonly dueOn: string;
  readonly amount: Money;
  readonly unpaid: Money;
  readonly daysOverdue: number;
}

interface PageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

export class ListOpenBalances {
  constructor(
    readonly customerId: string | undefined,
    readonly page: PageRequest,
    readonly minPosition: Position | null,
  ) {}
}

export class ListOverdueInstallments {
  constructor(
    /** YYYY-MM-DD; today in the store's zone when null. */
    readonly asOf: string | null,
    readonly page: PageRequest,
    readonly minPosition: Position | null,
  ) {}
}

@QueryHandler(ListOpenBalances)
export class ListOpenBalancesHandler implements IQueryHandler<ListOpenBalances, Page<OpenBalance>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, page, minPosition }: ListOpenBalances): Promise<Page<OpenBalance>> {
    await this.readModels.readYourWrites(orderBalancesProjection, minPosition);
    const found = await this.readModels
      .collection<OrderBalance>(orderBalancesProjection, 'balances')
      .find({
        where: { balanceDue: { gt: 0 }, customerId },
        sort: [['balanceDue', 'desc']],
        ...page,
      });
    return {
      items: found.items.map((b) => ({
        backorderId: b.id,
        backorderNumber: b.backorderNumber,
        customerId: b.customerId,
        invoiceTotal: money(b.invoiceTotal, b.currency),
        paid: money(b.paid - b.refunded, b.currency),
        balanceDue: money(b.balanceDue, b.currency),
        scheduleKind: b.scheduleKind,
        firstUnpaidDueOn: b.firstUnpaidDueOn,
      })),
      nextCursor: found.nextCursor,
    };
  }
}

/** Accounts whose first unpaid installment fell due before the day, oldest first. */
@QueryHandler(ListOverdueInstallments)
export class ListOverdueInstallmentsHandler implements IQueryHandler<
  ListOverdueInstallments,
  Page<OverdueInstallment> & { asOf: string }
> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({
    asOf,
    page,
    minPosition,
  }: ListOverdueInstallments): Promise<Page<OverdueInstallment> & { asOf: string }> {
    const day = asOf ?? localDate(this.clock.now().toISOString(), this.config.store.timeZone);
    await this.readModels.readYourWrites(orderBalancesProjection, minPosition);
    const found = await this.readModels
      .collection<OrderBalance>(orderBalancesProjection, 'balances')
      .find({
        where: { firstUnpaidDueOn: { lt: day } },
        sort: [['firstUnpaidDueOn', 'asc']],
        ...page,
      });
    return {
      asOf: day,
      items: found.items.flatMap((b) =>
        b.installments
          .filter((i) => i.covered < i.amount.amount && i.dueOn < day)
          .map((i) => ({
            backorderId: b.id,
            backorderNumber: b.backorderNumber,
            customerId: b.customerId,
            installmentId: i.installmentId,
            dueOn: i.dueOn,
            amount: i.amount,
            unpaid: money(i.amount.amount - i.covered, i.amount.currency),
            daysOverdue: Math.round((Date.parse(day) - Date.parse(i.dueOn)) / 86_400_000),
          })),
      ),
      nextCursor: found.nextCursor,
    };
  }
}
