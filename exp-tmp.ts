import { Readable } from 'node:stream';
import { readSheet } from './src/catalog/imports/sheet-reader';
async function time(label: string, text: string) {
  const chunks: Buffer[] = [];
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += 65536) chunks.push(buf.subarray(i, i + 65536));
  const t = performance.now();
  const sheet = readSheet(Readable.from(chunks), { format: 'csv' });
  try { const h = await sheet.headers; let n = 0; for await (const _ of sheet.rows) n++; console.log(label, h.length, n, Math.round(performance.now() - t), 'ms'); }
  catch (e) { console.log(label, 'fail', (e as Error).message.slice(0, 100), Math.round(performance.now() - t), 'ms'); }
}
(async () => {
  await time('one long header cell', 'x'.repeat(10_000_000) + '\n1\n');
  await time('many header columns', Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n1\n');
  await time('header quoted never closed', '"' + 'x'.repeat(10_000_000));
})();
