import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { vendorBillsProjection } from './vendor-bills.projection';

export const vendorBillProjections: readonly ProjectionDefinition[] = [vendorBillsProjection];
