import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { stockLevelsProjection } from './stock-levels.projection';

export const inventoryProjections: readonly ProjectionDefinition[] = [stockLevelsProjection];
