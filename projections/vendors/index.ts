import { vendorDirectoryProjection } from './vendor-directory.projection';

export const vendorProjections = [vendorDirectoryProjection];
