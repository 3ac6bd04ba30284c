import { performance } from 'node:perf_hooks';

/**
 * Asks /health every 20 ms (through `ask`) until stopped, for how long each answer took:
 * whether the server keeps answering while something heavy runs.
 */
export function probeHealth(ask: () => PromiseLike<unknown>): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      await ask();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      probing = false;
      await prober;
      return latencies;
    },
  };
}
