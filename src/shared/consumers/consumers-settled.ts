import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { PROJECTION_READ_SIDE, type ProjectionReadSide } from '../projections/projection-read-side';
import { ReactorEngine } from '../reactors/reactor-engine';

/**
 * Waits until every projection and reactor has processed the whole log, including what the
 * reactors appended meanwhile: how tests and tools wait for a flow to finish without sleeping.
 */
@Injectable()
export class ConsumersSettled {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_READ_SIDE) private readonly projections: ProjectionReadSide,
    private readonly reactors: ReactorEngine,
  ) {}

  async wait(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const head = await this.events.head();
      if (!head) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const reached =
        (await this.reactors.waitFor(head.position, left)) &&
        (await this.projections.waitFor(head.position, left));
      if (!reached) return false;
      const after = await this.events.head();
      if (
        after &&
        after.position.commit === head.position.commit &&
        after.position.prepare === head.position.prepare
      ) {
        return true;
      }
    }
  }
}
