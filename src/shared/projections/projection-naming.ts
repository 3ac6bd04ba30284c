import type { ProjectionDefinition } from './projection-definition';

/**
 * Physical names of a projection's collections and checkpoint. A build is one version of a
 * projection, optionally tagged so that the same version can be rebuilt beside itself.
 */
export interface ProjectionBuild {
  readonly definition: ProjectionDefinition;
  readonly tag?: string;
}

export function physicalCollection(build: ProjectionBuild, collection: string): string {
  return `${collection}_v${build.definition.version}${build.tag ? `_${build.tag}` : ''}`;
}

export function checkpointName(build: ProjectionBuild): string {
  return `projection:${build.definition.name}_v${build.definition.version}${build.tag ? `_${build.tag}` : ''}`;
}
