import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { customerDirectoryProjection } from './customer-directory.projection';

export const customerProjections: readonly ProjectionDefinition[] = [customerDirectoryProjection];
