import { Inject, Injectable } from '@nestjs/common';
import type { Position } from '../eventstore/event-envelope';
import {
  type Document,
  type FindOptions,
  type Page,
  READ_MODEL_STORE,
  type ReadModelStore,
  type SearchHit,
  type SearchOptions,
  type Where,
} from '../readmodels/read-model-store.port';
import { PROJECTION_READ_SIDE, type ProjectionReadSide } from './projection-read-side';
import type { ProjectionDefinition } from './projection-definition';

/** One logical collection of a projection, as queries see it. */
export interface ReadCollection<T extends Document> {
  findById(id: string): Promise<T | null>;
  find(options?: FindOptions): Promise<Page<T>>;
  count(where?: Where): Promise<number>;
  search(text: string, options?: SearchOptions): Promise<Page<SearchHit<T>>>;
}

/**
 * The query side's only door to read models. The physical collection is looked up on every call,
 * so a blue/green switch takes effect at once.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(PROJECTION_READ_SIDE) private readonly engine: ProjectionReadSide,
  ) {}

  collection<T extends Document>(
    projection: ProjectionDefinition,
    collection: string,
  ): ReadCollection<T> {
    const physical = () => this.engine.collection(projection.name, collection);
    return {
      findById: (id) => this.store.findById<T>(physical(), id),
      find: (options) => this.store.find<T>(physical(), options),
      count: (where) => this.store.count(physical(), where),
      search: (text, options) => this.store.search<T>(physical(), text, options),
    };
  }

  /** Read-your-writes: waits, at most `timeoutMs`, until the projection has seen a position. */
  caughtUp(
    projection: ProjectionDefinition,
    position: Position,
    timeoutMs: number,
  ): Promise<boolean> {
    return this.engine.waitFor(position, timeoutMs, [projection.name]);
  }
}
