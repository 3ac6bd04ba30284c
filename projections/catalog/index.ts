import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { catalogProductsProjection } from './catalog-products.projection';

export const catalogProjections: readonly ProjectionDefinition[] = [catalogProductsProjection];
