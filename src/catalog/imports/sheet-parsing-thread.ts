import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { MessageChannel, Worker } from 'node:worker_threads';
import { SheetParsing } from './sheet-parsing';
import type { SheetParsingTask } from './sheet-parsing.protocol';

interface RunningThread {
  readonly worker: Worker;
  readonly open: Set<SheetParsing>;
}

/**
 * The thread that parses price sheets, away from the one that answers HTTP: started with the
 * server (its start takes seconds under ts-node, longer than an upload may sit idle), kept for
 * every upload, each on a channel of its own; started again should it stop.
 *
 * One long-lived node:worker_threads thread rather than a pool such as piscina: an import is a
 * conversation (chunks in, batches out, backpressure both ways), not a task with one answer, and
 * imports are rare, so one thread is enough and starting one per upload would cost every upload
 * the thread's start (seconds under ts-node). Run from the TypeScript sources (tests, ts-node) the
 * thread loads the .ts file through ts-node, from dist/ the compiled .js, as the audit's verifier
 * threads do.
 */
@Injectable()
export class SheetParsingThread implements OnApplicationBootstrap, OnModuleDestroy {
  private running: RunningThread | null = null;

  onApplicationBootstrap(): void {
    this.running ??= this.start();
  }

  /** Starts parsing an upload; close what this returns when done with it. */
  parse(input: Readable, task: SheetParsingTask, progress: { rowsRead: number }): SheetParsing {
    const thread = (this.running ??= this.start());
    const { port1, port2 } = new MessageChannel();
    thread.worker.postMessage({ task, port: port2 }, [port2]);
    const parsing = new SheetParsing(port1, input, progress, () => thread.open.delete(parsing));
    thread.open.add(parsing);
    return parsing;
  }

  async onModuleDestroy(): Promise<void> {
    const thread = this.running;
    this.running = null;
    if (!thread) return;
    this.lost(thread, new Error('the server is stopping'));
    await thread.worker.terminate();
  }

  private start(): RunningThread {
    const source = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, `sheet-parsing.worker${source ? '.ts' : '.js'}`), {
      execArgv: source ? ['-r', 'ts-node/register/transpile-only'] : [],
    });
    // Only an upload being parsed keeps the process alive (through its channel).
    worker.unref();
    const thread: RunningThread = { worker, open: new Set() };
    worker.on('error', (error) => this.lost(thread, error));
    worker.on('exit', (code) =>
      this.lost(thread, new Error(`the sheet parsing thread stopped (exit code ${code})`)),
    );
    return thread;
  }

  /** Uploads being parsed when the thread went fail; the next upload starts a new thread. */
  private lost(thread: RunningThread, error: Error): void {
    if (this.running === thread) this.running = null;
    for (const parsing of thread.open) parsing.stop(error);
    thread.open.clear();
  }
}
