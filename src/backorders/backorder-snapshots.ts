import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import { backorderDecider, type OpenBackorder } from './backorder.decider';

/** A customer order as other features read it: its customer and lines. Read-only. */
export type BackorderSnapshot = OpenBackorder;

/** Orders for other features, read from the order's stream: what was held a moment ago counts. */
@Injectable()
export class BackorderSnapshots {
  constructor(private readonly states: StreamStates) {}

  /** The order, or null when none was placed under this id. */
  async snapshot(backorderId: string): Promise<BackorderSnapshot | null> {
    const { state } = await this.states.load(backorderDecider, streams.backorder(backorderId));
    return state.status === 'none' ? null : state;
  }
}
