import type { ProjectionDefinition } from '../src/shared/projections/projection-definition';
import { streamActivityProjection } from './audit/stream-activity.projection';
import { vendorDirectoryProjection } from './purchasing/vendor-directory.projection';

/** Every read model the server keeps; the engine runs each on its own subscription. */
export const allProjections: readonly ProjectionDefinition[] = [
  streamActivityProjection,
  vendorDirectoryProjection,
];
