import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PurchaseOrderCosts } from '../purchasing/purchase-order-costs';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { type CommandOutcome, DeciderExecutor } from '../shared/commands/decider-executor';
import { streams } from '../shared/eventstore/stream-names';
import { RecordVendorBill } from './vendor-bill.commands';
import { vendorBillDecider } from './vendor-bill.decider';
import type { VendorBillEvent } from './vendor-bill.events';

@CommandHandler(RecordVendorBill)
export class RecordVendorBillHandler implements ICommandHandler<
  RecordVendorBill,
  CommandOutcome<VendorBillEvent>
> {
  constructor(
    private readonly executor: DeciderExecutor,
    private readonly purchaseOrders: PurchaseOrderCosts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: RecordVendorBill): Promise<CommandOutcome<VendorBillEvent>> {
    const { context, poId, ...bill } = command;
    const purchaseOrder = await this.purchaseOrders.of(poId);
    return this.executor.execute(
      vendorBillDecider,
      streams.vendorBill(command.billId),
      { ...bill, purchaseOrder, currency: this.config.store.currency },
      context,
    );
  }
}
