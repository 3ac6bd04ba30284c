import type { RecordedEvent } from './event-envelope';

/** Turns the data of one version of an event into the data of the next version. Pure. */
export type Upcaster = (data: never, event: RecordedEvent) => unknown;

/**
 * The schema history of one event type: its current version, and an upcaster from each older
 * version to the one after it (`upcasters[1]` makes version 2 of version-1 data).
 */
export interface EventVersion {
  readonly type: string;
  readonly current: number;
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

/**
 * Every event type's schema version, handed to the kernel by the application. Events are written
 * at their type's current version (types never listed are at version 1) and every read brings an
 * older event up to the current shape, so deciders, projections, workflows and checkers only
 * ever see one shape per type.
 */
export class EventVersions {
  private readonly byType: ReadonlyMap<string, EventVersion>;

  constructor(versions: readonly EventVersion[] = []) {
    const byType = new Map<string, EventVersion>();
    for (const version of versions) {
      if (byType.has(version.type)) throw new Error(`${version.type} is versioned twice`);
      for (let from = 1; from < version.current; from++) {
        if (!version.upcasters[from])
          throw new Error(`${version.type} has no upcaster from version ${from}`);
      }
      byType.set(version.type, version);
    }
    this.byType = byType;
  }

  /** The version new events of this type are written at. */
  currentOf(type: string): number {
    return this.byType.get(type)?.current ?? 1;
  }

  /** The event in its type's current shape: the same object when it already is. */
  upcast<TEvent extends RecordedEvent>(event: TEvent): TEvent {
    const version = this.byType.get(event.type);
    const stored = event.metadata.schemaVersion ?? 1;
    if (!version || stored >= version.current) return event;
    let data: unknown = event.data;
    for (let from = stored; from < version.current; from++) {
      data = version.upcasters[from](data as never, event);
    }
    return {
      ...event,
      data,
      metadata: { ...event.metadata, schemaVersion: version.current },
    } as TEvent;
  }
}
