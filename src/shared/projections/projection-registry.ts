import type { ProjectionDefinition } from './projection-definition';

/** A value a module exports, named so that a worker thread can load it for itself. */
export interface ExportedValue {
  /** The module file, resolved (.ts or .js). */
  readonly file: string;
  readonly exportName: string;
}

/**
 * The read models a server keeps, handed to the kernel by the application. A worker thread
 * cannot be handed objects, so the registry also says where the same list is exported, and
 * where the event versions it must read the log with are.
 */
export interface ProjectionRegistry {
  readonly projections: readonly ProjectionDefinition[];
  readonly source: ExportedValue;
  readonly eventVersions: ExportedValue;
}

/** Loads a value a module exports: what the projections thread runs with. */
export function loadExport<T>(source: ExportedValue): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(source.file) as Record<string, unknown>;
  if (!(source.exportName in module)) {
    throw new Error(`${source.file} exports nothing named ${source.exportName}`);
  }
  return module[source.exportName] as T;
}
