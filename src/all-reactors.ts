import { purchaseOrderExceptionsReactor } from './backorders/purchase-order-exceptions.reactor';
import { substitutionResolutionReactor } from './backorders/substitution-resolution.reactor';
import { stockKeepingReactor } from './inventory/stock-keeping.reactor';
import { invoiceFollowingReactor } from './payments/invoice-following.reactor';
import { readyNoticesReactor } from './notifications/ready-notices.reactor';
import { purchaseOrderPlacementReactor } from './purchasing/purchase-order-placement.reactor';
import { receivingReactor } from './receiving/receiving.reactor';
import type { ReactorDefinition } from './shared/reactors/reactor-definition';

/** Every process manager the server runs; each has its own checkpointed subscription. */
export const allReactors: readonly ReactorDefinition[] = [
  purchaseOrderPlacementReactor,
  receivingReactor,
  purchaseOrderExceptionsReactor,
  substitutionResolutionReactor,
  stockKeepingReactor,
  readyNoticesReactor,
  invoiceFollowingReactor,
];
