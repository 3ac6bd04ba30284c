import { Readable } from 'node:stream';
import {
  MAX_RECORD_BYTES,
  readSheet,
  SheetUnreadable,
  type SheetRow,
} from '../../../../src/catalog/imports/sheet-reader';

type Chunk = string | Buffer;
const bytes = (chunk: Chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
/** The input as the chunks given, so tests choose where chunk boundaries fall. */
const streamOf = (...chunks: Chunk[]) => Readable.from(chunks.map(bytes));
/** One buffer cut at the given byte offsets. */
const cut = (text: Chunk, ...offsets: number[]): Buffer[] => {
  const whole = bytes(text);
  const edges = [0, ...offsets, whole.length];
  return edges.slice(1).map((end, i) => whole.subarray(edges[i], end));
};

async function read(
  input: Readable,
  options: { format: 'csv' | 'jsonl'; delimiter?: string; keep?: string[] } = { format: 'csv' },
): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const sheet = readSheet(input, options);
  const headers = await sheet.headers;
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { headers, rows };
}

const NOT_UTF8 = 'not valid UTF-8 text (save the sheet as UTF-8)';

describe('sheet reader', () => {
  describe('CSV', () => {
    it('carries only the kept columns in the rows, still checking every cell', async () => {
      const { headers, rows } = await read(
        streamOf(
          Buffer.from('SKU,Name,Extra\nNR-1, Kashan ,x\nNR-2,Tabriz,'),
          Buffer.from([0xff]),
          Buffer.from('\n'),
        ),
        { format: 'csv', keep: ['sku', ' NAME '] },
      );
      expect(headers).toEqual(['SKU', 'Name', 'Extra']);
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: ' Kashan ' } },
        { rowNumber: 3, error: NOT_UTF8 },
      ]);
    });

    it('reads headers and rows, numbering rows as a spreadsheet does', async () => {
      const { headers, rows } = await read(
        streamOf('SKU,Name,Cost\nNR-1,Kashan,1299\nNR-2,Tabriz,899\n'),
      );
      expect(headers).toEqual(['SKU', 'Name', 'Cost']);
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan', Cost: '1299' } },
        { rowNumber: 3, values: { SKU: 'NR-2', Name: 'Tabriz', Cost: '899' } },
      ]);
    });

    it('drops a UTF-8 BOM and trims header names', async () => {
      const { headers, rows } = await read(streamOf('\uFEFF SKU , Name\nNR-1,Kashan\n'));
      expect(headers).toEqual(['SKU', 'Name']);
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan' } }]);
    });

    it('drops a BOM split over two chunks', async () => {
      const { headers } = await read(streamOf(...cut('\uFEFFSKU;Name\nNR-1;Kashan\n', 1, 2)));
      expect(headers).toEqual(['SKU', 'Name']);
    });

    it.each([
      [',', 'SKU,Name,Cost\nNR-1,"Kashan; Tabriz | x",1299\n'],
      [';', 'SKU;Name;Cost\nNR-1;Kashan, Tabriz | x;1.299,00\n'],
      ['\t', 'SKU\tName\tCost\nNR-1\tKashan, Tabriz; x\t1,299.00\n'],
      ['|', 'SKU|Name|Cost\nNR-1|Kashan, Tabriz; x|1,299.00\n'],
    ])('detects the %j delimiter from the header line', async (_delimiter, text) => {
      const { headers, rows } = await read(streamOf(text));
      expect(headers).toEqual(['SKU', 'Name', 'Cost']);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ values: { SKU: 'NR-1' } });
    });

    it('detects the delimiter when the header line arrives in pieces', async () => {
      const { headers } = await read(streamOf('SK', 'U;Na', 'me;Cost', '\nNR-1;Kashan;1\n'));
      expect(headers).toEqual(['SKU', 'Name', 'Cost']);
    });

    it('uses a delimiter it is given instead of guessing', async () => {
      const { headers, rows } = await read(streamOf('A;B,C;D\n1;2,3;4\n'), {
        format: 'csv',
        delimiter: ',',
      });
      expect(headers).toEqual(['A;B', 'C;D']);
      expect(rows).toEqual([{ rowNumber: 2, values: { 'A;B': '1;2', 'C;D': '3;4' } }]);
    });

    it('reads quoted cells with delimiters, doubled quotes and line breaks inside', async () => {
      const { rows } = await read(
        streamOf(
          'SKU,Name,Size\n',
          'NR-1,"Kashan, Medallion","5\'3"" x 7\'6"""\n',
          'NR-2,"Two\nlines",8x10\n',
          'NR-3,Tabriz,9x12\n',
        ),
      );
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan, Medallion', Size: `5'3" x 7'6"` } },
        { rowNumber: 3, values: { SKU: 'NR-2', Name: 'Two\nlines', Size: '8x10' } },
        // A cell with a line break is still one spreadsheet row.
        { rowNumber: 4, values: { SKU: 'NR-3', Name: 'Tabriz', Size: '9x12' } },
      ]);
    });

    it('keeps inch marks in unquoted cells as text', async () => {
      const { rows } = await read(streamOf(`SKU,Size\nNR-1,5'3" x 7'6"\nNR-2,8' round\n`));
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Size: `5'3" x 7'6"` } },
        { rowNumber: 3, values: { SKU: 'NR-2', Size: `8' round` } },
      ]);
    });

    it('reads a well-quoted cell that starts with a quote', async () => {
      const { rows } = await read(streamOf('SKU,Name\nNR-1,"""Kashan"" rug"\n'));
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1', Name: '"Kashan" rug' } }]);
    });

    it('reads Windows line ends, with a CRLF and a multi-byte character split over chunks', async () => {
      const whole = Buffer.from('SKU,Name,Size\r\nNR-1,Écru Kashan,5×8\r\nNR-2,Tabriz,9x12\r\n');
      const headerEnd = whole.indexOf('\r\n') + 1;
      const eAcute = whole.indexOf(Buffer.from('É')) + 1;
      const times = whole.indexOf(Buffer.from('×')) + 1;
      const crlf = whole.indexOf('\r\n', times) + 1;
      expect(whole.subarray(crlf - 1, crlf + 1).toString()).toBe('\r\n');
      const { headers, rows } = await read(streamOf(...cut(whole, headerEnd, eAcute, times, crlf)));
      expect(headers).toEqual(['SKU', 'Name', 'Size']);
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: 'Écru Kashan', Size: '5×8' } },
        { rowNumber: 3, values: { SKU: 'NR-2', Name: 'Tabriz', Size: '9x12' } },
      ]);
    });

    it('reads a sheet fed one byte at a time', async () => {
      const text = '\uFEFFSKU;Name\r\nNR-1;"Écru; ""Kashan"""\r\nNR-2;Tabriz\r\n';
      const whole = Buffer.from(text);
      const { headers, rows } = await read(
        streamOf(...Array.from(whole, (_b, i) => whole.subarray(i, i + 1))),
      );
      expect(headers).toEqual(['SKU', 'Name']);
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: 'Écru; "Kashan"' } },
        { rowNumber: 3, values: { SKU: 'NR-2', Name: 'Tabriz' } },
      ]);
    });

    it('skips blank lines but counts them as rows', async () => {
      const { rows } = await read(streamOf('\nSKU,Name\n\nNR-1,Kashan\n,\n\r\nNR-2,Tabriz'));
      expect(rows).toEqual([
        { rowNumber: 4, values: { SKU: 'NR-1', Name: 'Kashan' } },
        { rowNumber: 7, values: { SKU: 'NR-2', Name: 'Tabriz' } },
      ]);
    });

    it('reports rows with too few or too many cells and reads on', async () => {
      const { rows } = await read(
        streamOf(
          'SKU,Name,Cost\nNR-1,Kashan\nNR-2,Tabriz,899,extra\nNR-3,Heriz,799,,\nNR-4,Isfahan,699\n',
        ),
      );
      expect(rows).toEqual([
        { rowNumber: 2, error: 'row has 2 cells but the header has 3 columns' },
        { rowNumber: 3, error: 'row has 4 cells but the header has 3 columns' },
        // Empty cells past the last column are spreadsheet padding, not data.
        { rowNumber: 4, values: { SKU: 'NR-3', Name: 'Heriz', Cost: '799' } },
        { rowNumber: 5, values: { SKU: 'NR-4', Name: 'Isfahan', Cost: '699' } },
      ]);
    });

    it('ignores columns without a header', async () => {
      const { headers, rows } = await read(streamOf('SKU,,Name,,\nNR-1,x,Kashan,,\n'));
      expect(headers).toEqual(['SKU', 'Name']);
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan' } }]);
    });

    it('reports a badly quoted cell as a row error and reads the rows after it', async () => {
      const { rows } = await read(
        streamOf(
          'SKU,Name,Cost\n',
          'NR-1,"Kashan 8" Round",1299\n',
          'NR-2,"Tabriz"x,899\n',
          'NR-3,"Heriz",799\n',
          'NR-4,Isfahan,699\n',
        ),
      );
      expect(rows).toEqual([
        {
          rowNumber: 2,
          error: expect.stringMatching(/^stray quote in column 'Name'/) as string,
        },
        { rowNumber: 3, error: expect.stringMatching(/^stray quote in column 'Name'/) as string },
        { rowNumber: 4, values: { SKU: 'NR-3', Name: 'Heriz', Cost: '799' } },
        { rowNumber: 5, values: { SKU: 'NR-4', Name: 'Isfahan', Cost: '699' } },
      ]);
    });

    it('reports a quote that is never closed where it opens', async () => {
      const { rows } = await read(streamOf('SKU,Name\nNR-1,Kashan\nNR-2,"Tabriz\nNR-3,Heriz\n'));
      expect(rows).toEqual([
        { rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan' } },
        { rowNumber: 3, error: expect.stringMatching(/never closed/) as string },
      ]);
    });

    it('stops with a clear failure at a row longer than the record limit (an unclosed quote), holding none of it', async () => {
      const sheet = readSheet(
        streamOf('SKU,Name\nNR-1,Kashan\n', 'NR-2,"Tabriz', ...cut('x'.repeat(3 << 20), 1 << 16)),
        { format: 'csv' },
      );
      const rows: SheetRow[] = [];
      const reading = (async () => {
        for await (const row of sheet.rows) rows.push(row);
      })();
      await expect(reading).rejects.toThrow(
        new SheetUnreadable(
          `row 3 is longer than 1 MB (a quote never closed, or no line ends): the sheet could not be read past it`,
        ),
      );
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan' } }]);
      expect(MAX_RECORD_BYTES).toBe(1 << 20);
    });

    it('refuses a header line longer than the record limit', async () => {
      const sheet = readSheet(streamOf('x'.repeat(2 << 20), '\nNR-1\n'), { format: 'csv' });
      await expect(sheet.headers).rejects.toThrow(/^the header row is longer than 1 MB/);
    });

    it('reads a long header line without a buffer per byte (csv-parse looking for its line end)', async () => {
      const header = Array.from({ length: 50_000 }, (_, i) => `Column ${i}`).join(',');
      const from = jest.spyOn(Buffer, 'from');
      try {
        const { headers } = await read(streamOf(...cut(`${header}\r\nNR-1\r\n`, 1 << 16)));
        expect(headers).toHaveLength(50_000);
        expect(from.mock.calls.length).toBeLessThan(1_000);
      } finally {
        from.mockRestore();
      }
    });

    it('reports rows with bytes that are not UTF-8 (a Latin-1 sheet) and reads on', async () => {
      const { rows } = await read(
        streamOf(
          'SKU,Name,Color\n',
          Buffer.from('NR-1,Kashan,Écru\n', 'latin1'),
          'NR-2,Tabriz,Écru\n',
          Buffer.concat([Buffer.from('NR-3,Heriz,caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
          'NR-4,Isfahan,Ivory\n',
        ),
      );
      expect(rows).toEqual([
        { rowNumber: 2, error: NOT_UTF8 },
        { rowNumber: 3, values: { SKU: 'NR-2', Name: 'Tabriz', Color: 'Écru' } },
        { rowNumber: 4, error: NOT_UTF8 },
        { rowNumber: 5, values: { SKU: 'NR-4', Name: 'Isfahan', Color: 'Ivory' } },
      ]);
    });

    it('reads a sheet without a line end after the last row', async () => {
      const { rows } = await read(streamOf('SKU,Name\nNR-1,Kashan'));
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1', Name: 'Kashan' } }]);
    });

    it('reads a header without rows', async () => {
      expect(await read(streamOf('SKU,Name\n'))).toEqual({ headers: ['SKU', 'Name'], rows: [] });
      expect(await read(streamOf('SKU,Name'))).toEqual({ headers: ['SKU', 'Name'], rows: [] });
    });

    it.each([
      ['an empty file', [], 'the sheet is empty'],
      ['a file of blank lines', ['\n\r\n  \n'], 'the sheet is empty'],
      ['a file of only a BOM', ['\uFEFF'], 'the sheet is empty'],
      [
        'duplicate headers',
        ['SKU,Name,Cost,Name\n1,2,3,4\n'],
        "duplicate column header 'Name' (columns 2 and 4): rename one",
      ],
      [
        'headers that differ only in case',
        ['SKU,Name,sku\n'],
        "duplicate column header 'sku' (columns 1 and 3): rename one",
      ],
      ['a UTF-16 sheet', [Buffer.from('\uFEFFSKU,Name\n', 'utf16le')], 'UTF-16'],
      ['a header with an unclosed quote', ['SKU,"Name\nNR-1,Kashan\n'], 'header row'],
    ])('rejects the headers of %s', async (_what, chunks, message) => {
      const sheet = readSheet(streamOf(...chunks), { format: 'csv' });
      await expect(sheet.headers).rejects.toThrow(message);
      // Whoever iterates the rows hears of it too.
      await expect(async () => {
        for await (const _row of sheet.rows) {
          // nothing
        }
      }).rejects.toThrow(message);
    });

    it('rejects a delimiter of more than one character', async () => {
      const sheet = readSheet(streamOf('a,b\n'), { format: 'csv', delimiter: ';;' });
      await expect(sheet.headers).rejects.toThrow('the delimiter must be one character');
    });

    it('rows can be iterated without awaiting the headers first', async () => {
      const sheet = readSheet(streamOf('SKU\nNR-1\n'), { format: 'csv' });
      const rows: SheetRow[] = [];
      for await (const row of sheet.rows) rows.push(row);
      expect(rows).toEqual([{ rowNumber: 2, values: { SKU: 'NR-1' } }]);
      expect(await sheet.headers).toEqual(['SKU']);
    });

    it('reads as it goes instead of taking in the whole input first', async () => {
      let produced = 0;
      const total = 2_000;
      async function* sheetLines() {
        yield Buffer.from('SKU,Name,Cost\n');
        for (let i = 0; i < total; i++) {
          produced++;
          yield Buffer.from(`NR-${i},Kashan ${i},${1000 + i}\n`);
        }
      }
      const sheet = readSheet(Readable.from(sheetLines(), { objectMode: false }), {
        format: 'csv',
      });
      await sheet.headers;
      let count = 0;
      let producedAtFirstRow = 0;
      for await (const row of sheet.rows) {
        if (count === 0) producedAtFirstRow = produced;
        count++;
        expect('values' in row).toBe(true);
      }
      expect(count).toBe(total);
      expect(producedAtFirstRow).toBeLessThan(total / 2);
    });

    it('closes the input when the reader stops early', async () => {
      const input = streamOf('SKU\n', 'NR-1\n', 'NR-2\n', 'NR-3\n', 'NR-4\n');
      const sheet = readSheet(input, { format: 'csv' });
      for await (const row of sheet.rows) {
        expect(row).toEqual({ rowNumber: 2, values: { SKU: 'NR-1' } });
        break;
      }
      expect(input.destroyed).toBe(true);
    });

    it('passes on an error of the input', async () => {
      const input = new Readable({ read() {} });
      const sheet = readSheet(input, { format: 'csv' });
      input.push('SKU,Name\nNR-1,Kashan\n');
      const headers = await sheet.headers;
      expect(headers).toEqual(['SKU', 'Name']);
      input.destroy(new Error('upload broken off'));
      await expect(async () => {
        for await (const _row of sheet.rows) {
          // nothing
        }
      }).rejects.toThrow('upload broken off');
    });
  });

  describe('JSON Lines', () => {
    const jsonl = { format: 'jsonl' } as const;

    it('reports a line whose text holds a lone surrogate (a JSON escape) and reads on', async () => {
      const { rows } = await read(
        streamOf('{"sku":"SU-1","title":"Oushak"}\n', '{"sku":"SU-2","title":"Ikat \\ud800"}\n'),
        jsonl,
      );
      expect(rows).toEqual([
        { rowNumber: 1, values: { sku: 'SU-1', title: 'Oushak' } },
        { rowNumber: 2, error: 'not well-formed text (a lone UTF-16 surrogate)' },
      ]);
    });

    it('reads one object per line, the first line being row 1', async () => {
      const { headers, rows } = await read(
        streamOf(
          '{"sku":"SU-1","title":"Oushak","cost":1234.5,"active":true,"images":["https://a.example/1.jpg","https://a.example/2.jpg"],"map":null}\n',
          '{"sku":"SU-2","title":"Ikat","cost":899}\n',
        ),
        jsonl,
      );
      expect(headers).toEqual(['sku', 'title', 'cost', 'active', 'images']);
      expect(rows).toEqual([
        {
          rowNumber: 1,
          values: {
            sku: 'SU-1',
            title: 'Oushak',
            cost: '1234.5',
            active: 'true',
            images: 'https://a.example/1.jpg|https://a.example/2.jpg',
          },
        },
        { rowNumber: 2, values: { sku: 'SU-2', title: 'Ikat', cost: '899' } },
      ]);
    });

    it('reports lines that are not JSON objects and reads on', async () => {
      const { rows } = await read(
        streamOf(
          '{"sku":"SU-1"}\n',
          '{"sku":"SU-2","title":"Ik\n',
          '\n',
          '[1,2]\n',
          '"text"\n',
          '{"sku":"SU-3","size":{"w":5,"l":8}}\n',
          '{"sku":"SU-4","tags":[["a"]]}\n',
          '{"sku":"SU-5"}',
        ),
        jsonl,
      );
      expect(rows).toEqual([
        { rowNumber: 1, values: { sku: 'SU-1' } },
        { rowNumber: 2, error: expect.stringMatching(/^not valid JSON/) as string },
        { rowNumber: 4, error: 'line is not a JSON object' },
        { rowNumber: 5, error: 'line is not a JSON object' },
        { rowNumber: 6, error: "'size' holds a nested object" },
        { rowNumber: 7, error: "'tags' holds a nested list or object" },
        { rowNumber: 8, values: { sku: 'SU-5' } },
      ]);
    });

    it('takes the headers from the first object, after lines that are not one', async () => {
      const { headers, rows } = await read(
        streamOf('oops\n{"sku":"SU-1","title":"Ikat"}\n'),
        jsonl,
      );
      expect(headers).toEqual(['sku', 'title']);
      expect(rows).toEqual([
        { rowNumber: 1, error: expect.stringMatching(/^not valid JSON/) as string },
        { rowNumber: 2, values: { sku: 'SU-1', title: 'Ikat' } },
      ]);
    });

    it('reads CRLF, a BOM and a multi-byte character split over chunks', async () => {
      const text = '\uFEFF{"sku":"SU-1","title":"Écru"}\r\n{"sku":"SU-2","title":"5×8"}\r\n';
      const whole = Buffer.from(text);
      const eAcute = whole.indexOf(Buffer.from('É')) + 1;
      const times = whole.indexOf(Buffer.from('×')) + 1;
      const crlf = whole.indexOf('\r\n') + 1;
      const { headers, rows } = await read(streamOf(...cut(whole, 2, eAcute, crlf, times)), jsonl);
      expect(headers).toEqual(['sku', 'title']);
      expect(rows).toEqual([
        { rowNumber: 1, values: { sku: 'SU-1', title: 'Écru' } },
        { rowNumber: 2, values: { sku: 'SU-2', title: '5×8' } },
      ]);
    });

    it('reports lines with bytes that are not UTF-8', async () => {
      const { rows } = await read(
        streamOf('{"sku":"SU-1"}\n', Buffer.from('{"sku":"SU-2","color":"Écru"}\n', 'latin1')),
        jsonl,
      );
      expect(rows).toEqual([
        { rowNumber: 1, values: { sku: 'SU-1' } },
        { rowNumber: 2, error: NOT_UTF8 },
      ]);
    });

    it.each([
      ['an empty file', [], 'the sheet is empty'],
      ['blank lines', ['\n\n'], 'the sheet is empty'],
      ['no object at all', ['[1]\n"x"\n'], 'no JSON object'],
      ['keys differing only in case', ['{"sku":"1","SKU":"2"}\n'], "duplicate key 'SKU'"],
    ])('rejects the headers of %s', async (_what, chunks, message) => {
      await expect(readSheet(streamOf(...chunks), jsonl).headers).rejects.toThrow(message);
    });
  });
});
