import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { userDirectoryProjection } from './user-directory.projection';

export const authProjections: readonly ProjectionDefinition[] = [userDirectoryProjection];
