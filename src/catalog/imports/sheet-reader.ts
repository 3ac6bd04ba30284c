import { type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type CsvError, parse, type Parser } from 'csv-parse';
import { isIllFormed } from '../../shared/http/well-formed-text';

/** One row of a sheet, numbered as a spreadsheet shows it: its cells by header, or what is wrong. */
export type SheetRow =
  | { readonly rowNumber: number; readonly values: Record<string, string> }
  | { readonly rowNumber: number; readonly error: string };

export interface SheetReadOptions {
  readonly format: 'csv' | 'jsonl';
  /** CSV only: one character; detected from the header line when absent. */
  readonly delimiter?: string;
  /**
   * CSV only: the columns whose cells the rows carry (matched ignoring case and outer spaces);
   * every column when absent. Every cell is still checked. A sheet of 20,000 columns made a row
   * object of 20,000 keys, a few milliseconds each.
   */
  readonly keep?: readonly string[];
}

/**
 * A sheet being read: its headers (rejected when the sheet has none usable), then its rows one at
 * a time. Iterate the rows to the end, or break out of the loop, so the input is closed.
 */
export interface Sheet {
  readonly headers: Promise<string[]>;
  readonly rows: AsyncIterable<SheetRow>;
}

type Input = NodeJS.ReadableStream | Readable | AsyncIterable<Uint8Array>;
type Item = SheetRow | { readonly headers: string[] };

const NOT_UTF8 = 'not valid UTF-8 text (save the sheet as UTF-8)';
const ILL_FORMED_ROW = 'not well-formed text (a lone UTF-16 surrogate)';
/** Decoding puts U+FFFD where bytes were not UTF-8: the cell's text is lost, so is the row. */
const REPLACEMENT_CHARACTER = '\uFFFD';
const BOM = '\uFEFF';
const QUOTE = 0x22;
const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Enough to hold any header line; beyond it the header is read as far as it goes. */
const HEADER_PEEK_LIMIT = 1 << 20;
/**
 * The longest CSV record (header or row) read: a product row is a few hundred bytes, and a stray
 * quote would otherwise have the parser hold the rest of the sheet as one cell, at several times
 * its size.
 */
export const MAX_RECORD_BYTES = 1 << 20;
/** JSON Lines rows may precede the first object; the reader keeps only this many waiting. */
const JSONL_HEADER_SEARCH_LINES = 1000;
const MAX_JSONL_LINE = 1_000_000;

/**
 * Streams a vendor sheet (CSV with any common delimiter, or JSON Lines) without holding it in
 * memory. Problems with single rows come back as row errors and reading goes on; only a sheet
 * without usable headers (empty, duplicate names) rejects `headers`.
 */
export function readSheet(input: Input, options: SheetReadOptions): Sheet {
  const batches =
    options.format === 'csv'
      ? csvBatches(input, options.delimiter, options.keep)
      : jsonlBatches(input);
  const cursor = new RowCursor(batches);
  const headers = cursor.readHeaders();
  // Whoever only iterates the rows still hears of a header problem: the iteration rethrows it.
  headers.catch(() => undefined);
  return { headers, rows: { [Symbol.asyncIterator]: () => cursor } };
}

/**
 * Hands out rows from the batches the parsers produce (one per chunk of input): a row already
 * parsed costs no generator step, which matters at half a million rows.
 */
class RowCursor implements AsyncIterator<SheetRow> {
  private batch: readonly Item[] = [];
  private at = 0;
  /** JSON Lines may have bad lines before the first object: their errors wait here. */
  private readonly early: SheetRow[] = [];
  private headers: Promise<string[]> | undefined;
  private headersRead = false;

  constructor(private readonly batches: AsyncGenerator<Item[]>) {}

  readHeaders(): Promise<string[]> {
    this.headers ??= (async () => {
      for (;;) {
        while (this.at < this.batch.length) {
          const item = this.batch[this.at++];
          if ('headers' in item) {
            this.headersRead = true;
            return item.headers;
          }
          this.early.push(item);
        }
        const next = await this.batches.next();
        if (next.done === true) throw new Error('the sheet has no header row');
        this.batch = next.value;
        this.at = 0;
      }
    })();
    return this.headers;
  }

  next(): Promise<IteratorResult<SheetRow>> {
    if (this.headersRead && this.early.length === 0 && this.at < this.batch.length) {
      return Promise.resolve({ value: this.batch[this.at++] as SheetRow, done: false });
    }
    return this.nextBatch();
  }

  async return(): Promise<IteratorResult<SheetRow>> {
    // Closes the input when the caller stops early.
    await this.batches.return([]);
    return { value: undefined, done: true };
  }

  private async nextBatch(): Promise<IteratorResult<SheetRow>> {
    await this.readHeaders();
    const early = this.early.shift();
    if (early !== undefined) return { value: early, done: false };
    while (this.at >= this.batch.length) {
      const next = await this.batches.next();
      if (next.done === true) return { value: undefined, done: true };
      this.batch = next.value;
      this.at = 0;
    }
    return { value: this.batch[this.at++] as SheetRow, done: false };
  }
}

async function* csvBatches(
  input: Input,
  delimiter: string | undefined,
  keep: readonly string[] | undefined,
): AsyncGenerator<Item[]> {
  if (delimiter !== undefined && [...delimiter].length !== 1) {
    throw new Error(`the delimiter must be one character, got '${delimiter}'`);
  }
  const parsed: ParsedRecord[] = [];
  const rows = new CsvRows(keep);
  let parser: Parser | undefined;
  let failure: Error | undefined;
  let peeked: Buffer[] = [];
  let peekedBytes = 0;

  const start = (head: Buffer): Parser => {
    const scan = scanHeaderLine(head);
    if (scan.utf16) throw new Error('the sheet is UTF-16 text: save it as UTF-8 CSV');
    const created = parse({
      delimiter: delimiter ?? scan.delimiter,
      // The line end (\n, \r\n or \r) is found on the header line: left to csv-parse, it makes
      // three Buffers per byte of the first line while looking (a 10 MB header line took 6 s). The
      // BOM is cut off before parsing: csv-parse's own options for both cost a fifth of its speed.
      record_delimiter: scan.lineEnd ?? ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_BYTES,
      // Inch marks in unquoted cells (5'3" x 7'6") are text; a badly quoted cell is caught below.
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      // The error goes down the stream with the records, so it keeps its place among them.
      on_skip: (error) => {
        // csv-parse drops the rest of its input after an overlong record: the sheet stops here.
        if (error?.code === 'CSV_MAX_RECORD_SIZE') throw new SheetUnreadable(overlongRecord(rows));
        if (error !== undefined) created.push({ skipped: error });
        return undefined;
      },
      // Each record's text, to tell a badly quoted cell from one that starts with a quote.
      raw: true,
    });
    created.on('data', (item: ParsedRecord) => parsed.push(item));
    created.on('error', (error: Error) => {
      failure ??= error;
    });
    return created;
  };
  const begin = async (head: Buffer): Promise<Parser> => {
    parser = start(head);
    await write(parser, hasBom(head) ? head.subarray(3) : head);
    return parser;
  };
  const take = (): Item[] => {
    const batch: Item[] = [];
    for (const record of parsed) {
      const item = rows.take(record);
      if (item !== undefined) batch.push(item);
    }
    parsed.length = 0;
    return batch;
  };

  try {
    for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
      const bytes = toBuffer(chunk);
      if (parser === undefined) {
        peeked.push(bytes);
        peekedBytes += bytes.length;
        const head = peeked.length === 1 ? bytes : Buffer.concat(peeked, peekedBytes);
        if (!scanHeaderLine(head).complete && peekedBytes < HEADER_PEEK_LIMIT) continue;
        peeked = [];
        await begin(head);
      } else {
        await write(parser, bytes);
      }
      if (failure !== undefined) throw failure;
      if (parsed.length > 0) yield take();
    }
    parser ??= await begin(Buffer.concat(peeked, peekedBytes));
    await finish(parser);
    if (failure !== undefined) throw failure;
    yield take();
    if (!rows.hasHeaders) throw new Error('the sheet is empty');
  } finally {
    parser?.destroy();
  }
}

/** A sheet that cannot be read on from some point: the import fails with this reason. */
export class SheetUnreadable extends Error {}

function overlongRecord(rows: CsvRows): string {
  const where = rows.hasHeaders ? `row ${rows.rowsSeen + 1}` : 'the header row';
  return `${where} is longer than ${MAX_RECORD_BYTES / (1 << 20)} MB (a quote never closed, or no line ends): the sheet could not be read past it`;
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function hasBom(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** What csv-parse hands over: a record with its raw text, or a record it had to skip. */
type ParsedRecord =
  { readonly record: string[]; readonly raw: string } | { readonly skipped: CsvError };

/** Turns csv-parse's records into sheet rows: headers first, then numbered rows. */
class CsvRows {
  private rowNumber = 0;
  private keys: (string | undefined)[] = [];
  private width = 0;
  /** Whether a column's cells go into the row, by column. */
  private kept: boolean[] = [];
  hasHeaders = false;

  constructor(private readonly keep: readonly string[] | undefined) {}

  get rowsSeen(): number {
    return this.rowNumber;
  }

  take(parsed: ParsedRecord): Item | undefined {
    // Every record is a spreadsheet row, blank ones and broken ones too.
    this.rowNumber++;
    if ('skipped' in parsed) {
      if (!this.hasHeaders) {
        throw new Error(`the header row could not be read: ${describeCsvError(parsed.skipped)}`);
      }
      return { rowNumber: this.rowNumber, error: describeCsvError(parsed.skipped) };
    }
    if (isBlank(parsed.record)) return undefined;
    if (!this.hasHeaders) return this.readHeaders(parsed.record);
    return this.readRow(parsed.record, parsed.raw);
  }

  private readHeaders(record: string[]): Item {
    const names = record.map((cell, i) => (i === 0 ? cell.replace(BOM, '') : cell).trim());
    const seen = new Map<string, number>();
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === '') continue;
      if (name === '__proto__') throw new Error(`column ${i + 1} has a reserved header '${name}'`);
      // Profiles match headers case-insensitively, so `SKU` and `sku` would be one column.
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        throw new Error(
          `duplicate column header '${name}' (columns ${first + 1} and ${i + 1}): rename one`,
        );
      }
      seen.set(key, i);
    }
    // A column without a header carries nothing a profile can map; trailing ones are padding.
    this.keys = names.map((name) => (name === '' ? undefined : name));
    this.width = names.findLastIndex((name) => name !== '') + 1;
    const keep = this.keep && new Set(this.keep.map((name) => name.trim().toLowerCase()));
    this.kept = names.map((name) => keep === undefined || keep.has(name.toLowerCase()));
    this.hasHeaders = true;
    return { headers: names.filter((name) => name !== '') };
  }

  private readRow(record: string[], raw: string): SheetRow {
    const rowNumber = this.rowNumber;
    if (record.length < this.width || hasExtraCells(record, this.width)) {
      return {
        rowNumber,
        error: `row has ${record.length} cells but the header has ${this.width} columns`,
      };
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < this.width; i++) {
      const key = this.keys[i];
      if (key === undefined) continue;
      const cell = record[i];
      if (cell.includes(REPLACEMENT_CHARACTER)) return { rowNumber, error: NOT_UTF8 };
      if (cell.charCodeAt(0) === QUOTE && !wellQuoted(cell, raw)) {
        return {
          rowNumber,
          error: `stray quote in column '${key}': a quoted cell must end with a quote and double the quotes inside it`,
        };
      }
      if (this.kept[i]) values[key] = cell;
    }
    return { rowNumber, values };
  }
}

/** Cells past the last header are only an error when they hold something. */
function hasExtraCells(record: readonly string[], width: number): boolean {
  for (let i = width; i < record.length; i++) if (record[i].trim() !== '') return true;
  return false;
}

/**
 * csv-parse, relaxed, keeps a badly quoted cell (`"Kashan 8" Round"`) as its raw text, which
 * starts with a quote; a well-quoted cell that starts with a quote is in the raw row with its
 * quotes doubled.
 */
function wellQuoted(cell: string, raw: string): boolean {
  return raw.includes(`"${cell.replaceAll('"', '""')}"`);
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a stray "?): the sheet could not be read past this row';
    default:
      return error.message;
  }
}

/**
 * Looks at the first non-blank line: is it complete, and which delimiter does it use most
 * (outside quotes)? The bytes searched are all ASCII, so split characters do not matter.
 */
function scanHeaderLine(head: Buffer): {
  complete: boolean;
  delimiter: string;
  lineEnd: string | undefined;
  utf16: boolean;
} {
  const utf16 =
    head.length >= 2 && (head.readUInt16BE(0) === 0xfeff || head.readUInt16BE(0) === 0xfffe);
  const counts = new Map<number, number>(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  let content = false;
  let complete = false;
  let lineEnd: string | undefined;
  for (let i = hasBom(head) ? 3 : 0; i < head.length; i++) {
    const byte = head[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) {
      // After a CR the next byte must be in too, so csv-parse sees whether the line end is CRLF.
      if (content && (byte === 0x0a || i + 1 < head.length)) {
        complete = true;
        lineEnd = byte === 0x0a ? '\n' : head[i + 1] === 0x0a ? '\r\n' : '\r';
        break;
      }
    } else if (!quoted && counts.has(byte)) {
      counts.set(byte, (counts.get(byte) ?? 0) + 1);
      content = true;
    } else if (byte !== 0x20 && byte !== 0x09) content = true;
  }
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) {
    if ((counts.get(d.charCodeAt(0)) ?? 0) > (counts.get(best.charCodeAt(0)) ?? 0)) best = d;
  }
  return { complete, delimiter: best, lineEnd, utf16 };
}

function write(parser: Parser, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/** Ends the parser and waits until every record has come out of it. */
function finish(parser: Parser): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once('end', resolve);
    parser.once('error', reject);
    parser.end();
  });
}

async function* jsonlBatches(input: Input): AsyncGenerator<Item[]> {
  const decoder = new StringDecoder('utf8');
  const lines = new JsonLines();
  let pending = '';
  let overlong = false;

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const batch: Item[] = [];
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      lines.take(overlong ? null : pending + text.slice(start, end), batch);
      pending = '';
      overlong = false;
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    if (!overlong) pending += text.slice(start);
    if (pending.length > MAX_JSONL_LINE) {
      // A line this long is no product: skip to its end instead of holding it.
      overlong = true;
      pending = '';
    }
    if (batch.length > 0) yield batch;
  }
  const last = overlong ? null : pending + decoder.end();
  const batch: Item[] = [];
  if (last === null || last !== '') lines.take(last, batch);
  yield batch;
  if (!lines.hasHeaders) {
    throw new Error(
      lines.sawContent
        ? 'the sheet has no JSON object to take its keys from'
        : 'the sheet is empty',
    );
  }
}

/** Turns JSON Lines into sheet rows; the first object's keys are the headers. */
class JsonLines {
  private lineNumber = 0;
  hasHeaders = false;
  sawContent = false;

  /** Adds the line's row (and, for the first object, the headers before it) to `batch`. */
  take(line: string | null, batch: Item[]): void {
    const rowNumber = ++this.lineNumber;
    if (line === null) {
      this.sawContent = true;
      batch.push({ rowNumber, error: `line is longer than ${MAX_JSONL_LINE} characters` });
      return;
    }
    let text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (rowNumber === 1) text = text.replace(BOM, '');
    if (text.trim() === '') return;
    this.sawContent = true;
    if (!this.hasHeaders && rowNumber > JSONL_HEADER_SEARCH_LINES) {
      throw new Error(`no JSON object in the first ${JSONL_HEADER_SEARCH_LINES} lines`);
    }
    const row = rowOf(text, rowNumber);
    if ('values' in row && !this.hasHeaders) {
      batch.push({ headers: headersOf(row.values) });
      this.hasHeaders = true;
    }
    batch.push(row);
  }
}

function rowOf(text: string, rowNumber: number): SheetRow {
  if (text.includes(REPLACEMENT_CHARACTER)) return { rowNumber, error: NOT_UTF8 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { rowNumber, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { rowNumber, error: 'line is not a JSON object' };
  }
  const values: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(parsed)) {
    const key = rawKey.trim();
    if (key === '' || key === '__proto__') continue;
    const cell = cellOf(value);
    if (typeof cell === 'object') return { rowNumber, error: `'${key}' ${cell.problem}` };
    // JSON escapes can write a lone surrogate (`\ud800`), which no UTF-8 text holds.
    if (isIllFormed(key) || (cell !== undefined && isIllFormed(cell))) {
      return { rowNumber, error: ILL_FORMED_ROW };
    }
    if (cell !== undefined) values[key] = cell;
  }
  return { rowNumber, values };
}

/** The first object's keys, which must differ in more than case: profiles ignore case. */
function headersOf(values: Record<string, string>): string[] {
  const names = Object.keys(values);
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate key '${name}' in the first JSON object`);
    seen.add(key);
  }
  return names;
}

/** Numbers and booleans become text; a list of them is joined with `|` (an `images` array). */
function cellOf(value: unknown): string | undefined | { problem: string } {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (const element of value) {
          if (element === null) continue;
          if (typeof element === 'object') return { problem: 'holds a nested list or object' };
          parts.push(String(element));
        }
        return parts.join('|');
      }
      return { problem: 'holds a nested object' };
    default:
      return undefined;
  }
}
