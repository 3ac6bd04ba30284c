import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { ProjectionEngine } from '../projections/projection-engine';
import { ReactorEngine } from '../reactors/reactor-engine';

/**
 * Waits until every projection and reactor has processed the whole log, including what the
 * reactors appended meanwhile: how tests and tools wait for a flow to finish without sleeping.
 */
@Injectable()
export class ConsumersSettled {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly projections: ProjectionEngine,
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
