import type { Position } from '../eventstore/event-envelope';
import type { ProjectionStatus } from './projection-engine';

/** From the server thread to the projections thread. */
export type HostMessage =
  | { readonly type: 'appended' }
  | { readonly type: 'statuses'; readonly id: number }
  | { readonly type: 'stop' };

/** From the projections thread to the server thread. */
export type WorkerMessage =
  | { readonly type: 'started' }
  | { readonly type: 'progress'; readonly projection: string; readonly position: Position }
  | {
      readonly type: 'serving';
      readonly projection: string;
      readonly collections: Readonly<Record<string, string>>;
    }
  | { readonly type: 'statuses'; readonly id: number; readonly statuses: ProjectionStatus[] }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly message: string };
