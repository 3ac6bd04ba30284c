import { isAbsolute, relative } from 'node:path';
import {
  DEFAULT_GENERATE_OPTIONS,
  type GeneratedSheet,
  generateCatalog,
  type GenerateOptions,
} from './catalog-generator/generate-catalog';

const USAGE = `usage: npm run catalog:generate -- [--vendors N] [--products N] [--out DIR] [--seed N] [--bad-rows RATE]
Writes one price sheet per rug vendor, each in its vendor's layout, the import profile that maps it
(profiles/<vendor>.json) and manifest.json. Defaults: --vendors ${DEFAULT_GENERATE_OPTIONS.vendors} --products ${DEFAULT_GENERATE_OPTIONS.products} --out ${DEFAULT_GENERATE_OPTIONS.outDir} --seed ${DEFAULT_GENERATE_OPTIONS.seed} --bad-rows ${DEFAULT_GENERATE_OPTIONS.badRows}`;

export class GenerateUsageError extends Error {
  override readonly name = 'GenerateUsageError';
}

function numberOption(flag: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
    throw new GenerateUsageError(`${flag} needs a number`);
  }
  if (value < min || value > max) {
    throw new GenerateUsageError(`${flag} must be from ${min} to ${max}, not ${text}`);
  }
  return value;
}

function wholeOption(flag: string, text: string | undefined, min: number, max: number): number {
  const value = numberOption(flag, text, min, max);
  if (!Number.isInteger(value)) throw new GenerateUsageError(`${flag} must be a whole number`);
  return value;
}

/** The options of `catalog:generate`; `--flag value` and `--flag=value` both work. */
export function parseGenerateArgs(args: readonly string[]): GenerateOptions {
  const options: { -readonly [K in keyof GenerateOptions]: GenerateOptions[K] } = {
    ...DEFAULT_GENERATE_OPTIONS,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') ? args[i].split(/=(.*)/s, 2) : [args[i]];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--vendors':
        options.vendors = wholeOption(flag, value(), 1, 1000);
        break;
      case '--products':
        options.products = wholeOption(flag, value(), 0, 50_000_000);
        break;
      case '--seed':
        options.seed = wholeOption(flag, value(), 0, 2 ** 32 - 1);
        break;
      case '--bad-rows':
        options.badRows = numberOption(flag, value(), 0, 0.5);
        break;
      case '--out': {
        const out = value();
        if (!out) throw new GenerateUsageError('--out needs a folder');
        options.outDir = out;
        break;
      }
      default:
        throw new GenerateUsageError(`unknown argument ${args[i]}`);
    }
  }
  return options;
}

const thousands = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Relative to the working folder when inside it, as given otherwise. */
function shortPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') && !isAbsolute(near) ? near : path;
}

function sheetLine(sheet: GeneratedSheet): string {
  return `  ${sheet.name.padEnd(22)} ${sheet.sheet.padEnd(26)} ${thousands(sheet.rows).padStart(10)} rows ${thousands(sheet.badRows).padStart(6)} bad ${megabytes(sheet.bytes).padStart(10)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let options: GenerateOptions;
  try {
    options = parseGenerateArgs(args);
  } catch (error) {
    if (!(error instanceof GenerateUsageError)) throw error;
    process.stderr.write(`catalog:generate: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(
    `Writing ${thousands(options.products)} products of ${options.vendors} vendors to ${options.outDir} (seed ${options.seed})\n`,
  );
  const report = await generateCatalog(options, (sheet) =>
    process.stdout.write(`${sheetLine(sheet)}\n`),
  );
  process.stdout.write(
    [
      `${report.sheets.length} sheets and their profiles, ${thousands(report.rows)} rows (${thousands(report.badRows)} bad on purpose), ` +
        `${megabytes(report.bytes)} in ${report.seconds.toFixed(1)} s`,
      `Manifest: ${shortPath(report.manifestPath)}`,
      `Import it: npm run catalog:import -- --manifest ${shortPath(report.manifestPath)}`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `catalog:generate failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
