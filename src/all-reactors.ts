import type { ReactorDefinition } from './shared/reactors/reactor-definition';

/** Every process manager the server runs; each has its own checkpointed subscription. */
export const allReactors: readonly ReactorDefinition[] = [];
