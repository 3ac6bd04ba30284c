import { backorderDetailsProjection } from './backorder-details.projection';
import { backorderTimelineProjection } from './backorder-timeline.projection';

/** The backorder read side: order details with line statuses and ETAs, and each order's timeline. */
export const backorderProjections = [backorderDetailsProjection, backorderTimelineProjection];
