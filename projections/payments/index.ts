import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { orderBalancesProjection } from './order-balances.projection';

export const paymentProjections: readonly ProjectionDefinition[] = [orderBalancesProjection];
