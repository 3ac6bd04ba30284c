import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { inspectImage, RENDITIONS, renderVariant } from '../../src/images/image-renditions';
import { tempDir } from '../support/temp-dir';
import { type BenchRow, percentile } from './bench-table';

const WIDTH = 6000;
const HEIGHT = 4000;
const RUNS = 7;

/**
 * A 24-megapixel camera JPEG: a knotted weave with grain over a repeating motif and gradients,
 * so that it is about as large as a real photo of a rug (9 MB or so at quality 90) and its small
 * sizes keep detail, rather than a flat colour that decodes and compresses in no time.
 */
async function cameraJpeg(): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 0x2545f491;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      const grain = (seed >>> 27) - 16;
      const i = (y * WIDTH + x) * 3;
      const weave = ((x >> 3) + (y >> 3)) % 2 === 0 ? 12 : -12;
      const motif = Math.round(Math.sin(x / 37) * Math.cos(y / 53) * 40);
      pixels[i] = clamp(120 + Math.round((x / WIDTH) * 90) + weave + motif + grain);
      pixels[i + 1] = clamp(40 + Math.round((y / HEIGHT) * 80) - motif + grain);
      pixels[i + 2] = clamp(50 + Math.round(((x + y) / (WIDTH + HEIGHT)) * 60) - weave + grain);
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

async function medianMs(task: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  await task(); // warm-up: libvips loads its codecs and fills its operation cache once
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: percentile(times, 90) };
}

/**
 * The upload path's picture work on one 6000 x 4000 JPEG, read from a file as an upload is:
 * the content check, then each size made the way the server makes it (upright, WebP).
 */
export async function benchThumbnail(): Promise<BenchRow[]> {
  const dir = tempDir('backorder-ledger-thumbnail-bench-');
  try {
    const jpeg = await cameraJpeg();
    const path = join(dir.path, 'rug.jpg');
    writeFileSync(path, jpeg);
    const size = `${WIDTH}x${HEIGHT} JPEG, ${(jpeg.length / 1_048_576).toFixed(1)} MB`;
    const rows: BenchRow[] = [];
    const check = await medianMs(() => inspectImage(path));
    rows.push({
      benchmark: `content check (sharp metadata) of a ${size}`,
      target: 'printed, no target',
      measured: `median ${check.median.toFixed(1)} ms (p90 ${check.p90.toFixed(1)} ms, ${RUNS} runs)`,
      met: null,
    });
    for (const variant of ['thumbnail', 'medium'] as const) {
      let bytes = 0;
      const timing = await medianMs(async () => {
        bytes = (await renderVariant(path, variant)).data.length;
      });
      const box = RENDITIONS[variant].box;
      rows.push({
        benchmark: `${variant} (fit in ${box} px, WebP) of a ${size}`,
        target: 'printed, no target',
        measured: `median ${timing.median.toFixed(0)} ms (p90 ${timing.p90.toFixed(0)} ms, ${RUNS} runs), ${(bytes / 1024).toFixed(0)} KB`,
        met: null,
      });
    }
    return rows;
  } finally {
    rmSync(dir.path, { recursive: true, force: true });
  }
}
