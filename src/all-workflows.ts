import { purchaseOrderExceptionsWorkflow } from './backorders/purchase-order-exceptions.workflow';
import { substitutionResolutionWorkflow } from './backorders/substitution-resolution.workflow';
import { stockKeepingWorkflow } from './backorders/stock-keeping.workflow';
import { readyNoticesWorkflow } from './notifications/ready-notices.workflow';
import { purchaseOrderPlacementWorkflow } from './backorders/purchase-order-placement.workflow';
import { receivingWorkflow } from './receiving/receiving.workflow';
import type { Workflow } from './shared/reactors/workflow';

/** Every process manager the server runs; each has its own checkpointed subscription. */
export const allWorkflows: readonly Workflow[] = [
  purchaseOrderPlacementWorkflow,
  receivingWorkflow,
  purchaseOrderExceptionsWorkflow,
  substitutionResolutionWorkflow,
  stockKeepingWorkflow,
  readyNoticesWorkflow,
];
