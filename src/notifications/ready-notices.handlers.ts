import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordReadyNotice } from '../backorders/backorder.commands';
import { BackorderSnapshots } from '../backorders/backorder-snapshots';
import { Clock } from '../shared/time/clock';
import { NOTIFIER, type Notifier } from './notifier';
import { SendReadyNotices } from './ready-notices.commands';

/**
 * Sends the notice, then records it on the order by dispatching RecordReadyNotice. A crash
 * between sending and recording sends it again after the restart: a customer may get a notice
 * twice, never none.
 */
@CommandHandler(SendReadyNotices)
export class SendReadyNoticesHandler implements ICommandHandler<SendReadyNotices> {
  constructor(
    private readonly orders: BackorderSnapshots,
    private readonly commands: CommandBus,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async execute({ backorderId, context }: SendReadyNotices): Promise<void> {
    const order = await this.orders.snapshot(backorderId);
    if (!order) return;
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
    await this.commands.execute(
      new RecordReadyNotice(
        backorderId,
        ready.map((line) => line.lineId),
        sent.channel,
        sent.recipient,
        this.clock.now().toISOString(),
        context,
      ),
    );
  }
}
