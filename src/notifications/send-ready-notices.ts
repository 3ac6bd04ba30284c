import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordReadyNotice } from '../backorders/backorder.commands';
import { backorderDecider } from '../backorders/backorder.decider';
import type { CommandContext } from '../shared/commands/command-context';
import { DeciderExecutor } from '../shared/commands/decider-executor';
import { streams } from '../shared/eventstore/stream-names';
import { Clock } from '../shared/time/clock';
import { NOTIFIER, type Notifier } from './notifier';

/**
 * Sends one ready-for-pickup notice for the lines of an order that are now wholly held, then
 * records it. A crash between sending and recording sends it again after the restart: a
 * customer may get a notice twice, never none.
 */
export class SendReadyNotices {
  readonly kind = 'SendReadyNotices';

  constructor(
    readonly backorderId: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SendReadyNotices)
export class SendReadyNoticesHandler implements ICommandHandler<SendReadyNotices> {
  constructor(
    private readonly executor: DeciderExecutor,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async execute({ backorderId, context }: SendReadyNotices): Promise<void> {
    const stream = streams.backorder(backorderId);
    const order = (await this.executor.load(backorderDecider, stream)).state;
    if (order.status === 'none') return;
    const ready = Object.values(order.lines).filter(
      (line) => line.state === 'open' && line.reserved >= line.quantity && !line.noticed,
    );
    if (ready.length === 0) return;
    const sent = await this.notifier.send({
      customerName: order.customer.name,
      email: order.customer.email,
      phone: order.customer.phone,
      backorderNumber: order.number,
      lines: ready.map((line) => ({ productName: line.delivered.name, quantity: line.quantity })),
    });
    await this.executor.execute(
      backorderDecider,
      stream,
      new RecordReadyNotice(
        backorderId,
        ready.map((line) => line.lineId),
        sent.channel,
        sent.recipient,
        this.clock.now().toISOString(),
        context,
      ),
      context,
    );
  }
}
