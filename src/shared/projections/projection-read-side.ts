import type { Position } from '../eventstore/event-envelope';
import type { ProjectionStatus } from './projection-engine';

export const PROJECTION_READ_SIDE = Symbol('ProjectionReadSide');

/**
 * The projections as the rest of the server sees them, wherever they run: in this thread
 * (ProjectionEngine) or in a worker thread of their own (ProjectionWorkerHost).
 */
export interface ProjectionReadSide {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The physical collection queries read for a projection's logical collection. */
  collection(projection: string, collection: string): string;
  /** Waits until the named projections (default: all) have processed the position. */
  waitFor(position: Position, timeoutMs: number, projections?: readonly string[]): Promise<boolean>;
  statuses(): Promise<ProjectionStatus[]>;
}
