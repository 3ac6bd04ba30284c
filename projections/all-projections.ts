import type { ProjectionDefinition } from '../src/shared/projections/projection-definition';
import { streamActivityProjection } from './audit/stream-activity.projection';
import { authProjections } from './auth';
import { backorderProjections } from './backorders';
import { catalogProjections } from './catalog';
import { customerProjections } from './customers';
import { inventoryProjections } from './inventory';
import { purchasingProjections } from './purchasing';
import { vendorProjections } from './vendors';

/** Every read model the server keeps; the engine runs each on its own subscription. */
export const allProjections: readonly ProjectionDefinition[] = [
  streamActivityProjection,
  ...vendorProjections,
  ...catalogProjections,
  ...customerProjections,
  ...inventoryProjections,
  ...purchasingProjections,
  ...backorderProjections,
  ...authProjections,
];
