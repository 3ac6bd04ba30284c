import type { Logger } from '@nestjs/common';
import {
  type BatchResult,
  CheckpointedRunner,
  type ConsumerFailure,
  describeFailure,
} from '../consumers/checkpointed-runner';
import { BusinessRuleViolation, UnknownEntityError } from '../domain/domain-errors';
import { isAfter, type Position, type RecordedEvent } from '../eventstore/event-envelope';
import { WrongExpectedVersionError } from '../eventstore/event-store.errors';
import type { EventStore } from '../eventstore/event-store.port';
import type { ReadModelStore } from '../readmodels/read-model-store.port';
import { isStateful, type Reaction, type Workflow } from './workflow';

export type CommandDispatch = (command: object) => Promise<unknown>;

interface PendingReaction extends Reaction {
  readonly event: RecordedEvent;
  readonly index: number;
}

/** A command racing a person's command on the same stream tries again on the fresh state. */
const CONFLICT_RETRIES = 20;
const CHECKPOINT_EVERY_MS = 250;

/**
 * Runs one workflow on its checkpointed subscription. For each batch it dispatches the commands
 * its events call for, ordered per key, and records the checkpoint only when all have succeeded:
 * a crash in between redelivers the batch and the repeated commands are no-ops. A command refused
 * by a business rule stops the workflow at that event; it is never skipped. The workflow's state
 * is kept at the checkpoint: folded from the start of the log when the runner starts.
 */
export class ReactorRunner extends CheckpointedRunner {
  private readonly handles: (type: string) => boolean;
  private unsaved: Position | null = null;
  private savedAt = 0;
  /** The workflow's state after the last event processed. */
  private workflowState: unknown;

  constructor(
    readonly definition: Workflow,
    private readonly log: EventStore,
    private readonly checkpoints: ReadModelStore,
    private readonly dispatch: CommandDispatch,
    logger: Logger,
  ) {
    super(`reactor ${definition.name}`, log, logger);
    const types = new Set(definition.eventTypes);
    this.handles = (type) => types.has(type);
    this.workflowState = definition.initialState;
  }

  get checkpoint(): string {
    return `reactor:${this.definition.name}`;
  }

  protected async prepare(): Promise<Position | null> {
    const checkpoint = await this.checkpoints.getCheckpoint(this.checkpoint);
    this.workflowState = this.definition.initialState;
    if (checkpoint && isStateful(this.definition)) {
      for await (const event of this.log.readAll()) {
        if (isAfter(event.position, checkpoint)) break;
        if (this.handles(event.type))
          this.workflowState = this.definition.evolve(this.workflowState, event);
      }
    }
    return checkpoint;
  }

  protected async process(events: readonly RecordedEvent[]): Promise<BatchResult> {
    const byKey = new Map<string, PendingReaction[]>();
    let failure: ConsumerFailure | null = null;
    let usable = events.length;
    // states[i]: the workflow's state before events[i] (states[events.length]: after the batch).
    const states: unknown[] = [this.workflowState];
    for (let index = 0; index < events.length && !failure; index++) {
      const event = events[index];
      const before = states[index];
      if (!this.handles(event.type)) {
        states.push(before);
        continue;
      }
      try {
        for (const reaction of this.definition.decide(event, before)) {
          const queue = byKey.get(reaction.key) ?? [];
          queue.push({ ...reaction, event, index });
          byKey.set(reaction.key, queue);
        }
        states.push(this.definition.evolve(before, event));
      } catch (error) {
        failure = describeFailure(event, error);
        usable = index;
      }
    }

    const refused: { index: number; failure: ConsumerFailure }[] = [];
    await Promise.all(
      [...byKey.values()].map(async (queue) => {
        for (const step of this.steps(queue.filter((r) => r.index < usable))) {
          try {
            await this.execute(step.command);
          } catch (error) {
            if (!(error instanceof BusinessRuleViolation || error instanceof UnknownEntityError)) {
              throw error;
            }
            refused.push({
              index: step.first.index,
              failure: describeFailure(step.first.event, error),
            });
            return;
          }
        }
      }),
    );
    const firstRefusal = refused.sort((a, b) => a.index - b.index)[0];
    if (firstRefusal && firstRefusal.index < usable) {
      usable = firstRefusal.index;
      failure = firstRefusal.failure;
    }
    const checkpoint = usable > 0 ? events[usable - 1].position : null;
    if (checkpoint) await this.record(checkpoint, failure !== null);
    this.workflowState = states[usable];
    return { checkpoint, failure };
  }

  override async stop(): Promise<void> {
    await super.stop();
    if (this.unsaved) await this.record(this.unsaved, true);
  }

  /**
   * Saves the checkpoint at most every CHECKPOINT_EVERY_MS: the commands are idempotent, so
   * a crash redelivering a fraction of a second of events costs only no-ops, while saving after
   * every batch would contend with the projections for the read store.
   */
  private async record(checkpoint: Position, now: boolean): Promise<void> {
    if (!now && Date.now() - this.savedAt < CHECKPOINT_EVERY_MS) {
      this.unsaved = checkpoint;
      return;
    }
    await this.checkpoints.applyBatch(this.checkpoint, [], checkpoint);
    this.savedAt = Date.now();
    this.unsaved = null;
  }

  /**
   * The commands of one key in order, merged by the reactor's coalesce when it has one; a merged
   * command that is refused is reported at the first event it stands for.
   */
  private steps(queue: readonly PendingReaction[]): { command: object; first: PendingReaction }[] {
    if (queue.length === 0) return [];
    if (!this.definition.coalesce) return queue.map((r) => ({ command: r.command, first: r }));
    return this.definition
      .coalesce(queue.map((r) => r.command))
      .map((command) => ({ command, first: queue[0] }));
  }

  private async execute(command: object): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dispatch(command);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= CONFLICT_RETRIES)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    }
  }
}
