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
  type FacetCount,
  type FacetOptions,
  type Where,
} from '../readmodels/read-model-store.port';
import { PROJECTION_READ_SIDE, type ProjectionReadSide } from './projection-read-side';
import type { ProjectionDefinition } from './projection-definition';

const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/** One logical collection of a projection, as queries see it. */
export interface ReadCollection<T extends Document> {
  findById(id: string): Promise<T | null>;
  find(options?: FindOptions): Promise<Page<T>>;
  count(where?: Where): Promise<number>;
  search(text: string, options?: SearchOptions): Promise<Page<SearchHit<T>>>;
  facets(fields: readonly string[], options?: FacetOptions): Promise<Record<string, FacetCount[]>>;
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
      facets: (fields, options) => this.store.facets(physical(), fields, options),
    };
  }

  /**
   * Read-your-writes for a query that carries the writer's position (X-Min-Log-Position): waits,
   * at most 5 s, until the projection has seen it; then the query answers with what it has.
   */
  async readYourWrites(projection: ProjectionDefinition, position: Position | null): Promise<void> {
    if (position) await this.caughtUp(projection, position, READ_YOUR_WRITES_TIMEOUT_MS);
  }

  /** Waits, at most `timeoutMs`, until the projection has seen a position. */
  caughtUp(
    projection: ProjectionDefinition,
    position: Position,
    timeoutMs: number,
  ): Promise<boolean> {
    return this.engine.waitFor(position, timeoutMs, [projection.name]);
  }
}
