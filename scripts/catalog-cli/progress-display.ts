import { Presets, SingleBar } from 'cli-progress';
import type { ProgressFrame } from './progress-format';

/** Where progress goes: a terminal gets a bar, anything else a line now and then. */
export interface Output {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressDisplay {
  show(frame: ProgressFrame): void;
  /** Shows the last frame for good and gives the terminal back. */
  finish(frame?: ProgressFrame): void;
}

const BAR_FORMATS = {
  upload:
    '{label} |{bar}| {percentage}% | {received} of {size} | {rows} rows | {rate} rows/s | ETA {timeLeft}',
  apply: 'Applying |{bar}| {percentage}% | {applied} of {toApply} | {rate}/s | ETA {timeLeft}',
} as const;

/** A cli-progress bar, redrawn in place. */
class BarDisplay implements ProgressDisplay {
  private readonly bar: SingleBar;
  private started = false;
  private total = 0;

  constructor(kind: keyof typeof BAR_FORMATS, output: Output) {
    this.bar = new SingleBar(
      {
        format: BAR_FORMATS[kind],
        stream: output as NodeJS.WritableStream,
        hideCursor: true,
        barsize: 30,
        fps: 5,
      },
      Presets.shades_classic,
    );
  }

  show(frame: ProgressFrame): void {
    // A bar over nothing (an empty file, nothing to apply) would divide by zero.
    const total = Math.max(frame.total, 1);
    if (!this.started) {
      this.bar.start(total, frame.value, frame.fields);
      this.started = true;
      this.total = total;
      return;
    }
    if (total !== this.total) {
      this.bar.setTotal(total);
      this.total = total;
    }
    this.bar.update(frame.value, frame.fields);
  }

  finish(frame?: ProgressFrame): void {
    // Nothing to do is all done.
    if (frame) this.show(frame.total > 0 ? frame : { ...frame, value: 1, total: 1 });
    if (this.started) this.bar.stop();
  }
}

/** One line every `intervalMs`, and the last one, for logs and CI where a bar is noise. */
export class LineDisplay implements ProgressDisplay {
  private lastAt: number | null = null;
  private last: ProgressFrame | null = null;

  constructor(
    private readonly output: Output,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 2000,
  ) {}

  show(frame: ProgressFrame): void {
    const now = this.now();
    if (this.lastAt !== null && now - this.lastAt < this.intervalMs) return;
    this.print(frame);
    this.lastAt = now;
  }

  /** The final frame, unless the last line printed already said as much. */
  finish(frame?: ProgressFrame): void {
    if (frame && (frame.value !== this.last?.value || frame.total !== this.last.total)) {
      this.print(frame);
    }
  }

  private print(frame: ProgressFrame): void {
    this.output.write(`${frame.line}\n`);
    this.last = frame;
  }
}

export function progressDisplay(kind: keyof typeof BAR_FORMATS, output: Output): ProgressDisplay {
  return output.isTTY ? new BarDisplay(kind, output) : new LineDisplay(output);
}
