import { PROFILE_NAME } from '../../src/catalog/imports/import-profile';

export const DEFAULT_URL = 'http://localhost:3000';

export const USAGE = `usage:
  npm run catalog:import -- --vendor <id-or-name> --profile <name> [--profile-file <profile.json>]
                            [--apply] [--discontinue-missing] [--url <url>] <sheet-file>
  npm run catalog:import -- --manifest <manifest.json> [--apply] [--discontinue-missing] [--url <url>]
  npm run catalog:import -- --apply-import <import-id> [--discontinue-missing] [--url <url>]

Uploads a vendor price sheet to the server, shows its review (new products, cost and price
changes, rows it could not read) and, with --apply, applies it to the catalog.
  --profile-file         saves the profile in that file under --profile (or its own name) first
  --manifest             imports every sheet of a generated catalog (npm run catalog:generate),
                         registering missing vendors and saving their profiles first
  --apply-import         applies an import reviewed earlier
  --discontinue-missing  discontinues the vendor's products the sheet no longer lists

Server: --url or BACKORDER_URL (default ${DEFAULT_URL}).
Credentials: BACKORDER_API_KEY, or BACKORDER_USERNAME and BACKORDER_PASSWORD.`;

/** Wrong or missing arguments: the message says which, the usage follows. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Common {
  /** Without a trailing slash. */
  readonly url: string;
  readonly discontinueMissing: boolean;
}

export type CliCommand =
  | { readonly kind: 'help' }
  | (Common & {
      readonly kind: 'sheet';
      readonly vendor: string;
      /** Null when --profile-file names it. */
      readonly profile: string | null;
      readonly profileFile: string | null;
      readonly file: string;
      readonly apply: boolean;
    })
  | (Common & { readonly kind: 'manifest'; readonly manifest: string; readonly apply: boolean })
  | (Common & { readonly kind: 'apply-import'; readonly importId: string });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VALUE_FLAGS = new Set([
  '--vendor',
  '--profile',
  '--profile-file',
  '--manifest',
  '--apply-import',
  '--url',
]);
const SWITCHES = new Set(['--apply', '--discontinue-missing', '--help', '-h']);

function normaliseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url must be an http(s) address, not ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be an http(s) address, not ${text}`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The command `catalog:import` was given. `--flag value` and `--flag=value` both work; the
 * server's address comes from --url, else BACKORDER_URL, else localhost.
 */
export function parseCliArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliCommand {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (SWITCHES.has(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      switches.add(flag);
    } else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value`);
      }
      if (values.has(flag)) throw new UsageError(`${flag} is given twice`);
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (switches.has('--help') || switches.has('-h')) return { kind: 'help' };

  const url = normaliseUrl(values.get('--url') ?? env.BACKORDER_URL ?? DEFAULT_URL);
  const discontinueMissing = switches.has('--discontinue-missing');
  const apply = switches.has('--apply');
  const refuse = (mode: string, flags: readonly string[]) => {
    const extra = flags.filter((f) => values.has(f));
    if (extra.length > 0) throw new UsageError(`${mode} does not take ${extra.join(', ')}`);
  };

  const modes = [files.length > 0, values.has('--manifest'), values.has('--apply-import')];
  if (modes.filter(Boolean).length > 1) {
    throw new UsageError('give one of: a sheet file, --manifest or --apply-import');
  }
  const importId = values.get('--apply-import');
  if (importId !== undefined) {
    refuse('--apply-import', ['--vendor', '--profile', '--profile-file']);
    if (!UUID.test(importId)) throw new UsageError(`--apply-import needs an import id (a UUID)`);
    return { kind: 'apply-import', url, discontinueMissing, importId: importId.toLowerCase() };
  }
  const manifest = values.get('--manifest');
  if (manifest !== undefined) {
    refuse('--manifest', ['--vendor', '--profile', '--profile-file']);
    return { kind: 'manifest', url, discontinueMissing, manifest, apply };
  }
  if (files.length === 0) {
    throw new UsageError('name the sheet to import (or use --manifest or --apply-import)');
  }
  if (files.length > 1) throw new UsageError(`one sheet at a time, not ${files.join(', ')}`);
  const vendor = values.get('--vendor')?.trim();
  if (!vendor) throw new UsageError('--vendor is required: the vendor id or name');
  const profile = values.get('--profile') ?? null;
  const profileFile = values.get('--profile-file') ?? null;
  if (profile === null && profileFile === null) {
    throw new UsageError(
      '--profile is required: the name of the saved import profile of the vendor',
    );
  }
  if (profile !== null && !PROFILE_NAME.test(profile)) {
    throw new UsageError(
      `--profile must be lower-case letters, digits and dashes, at most 63 (e.g. nourison-2026), not ${profile}`,
    );
  }
  return {
    kind: 'sheet',
    url,
    discontinueMissing,
    vendor,
    profile,
    profileFile,
    file: files[0],
    apply,
  };
}

/** How to apply a reviewed import later, exactly as the user would type it. */
export function applyLaterCommand(
  importId: string,
  options: { readonly url: string; readonly discontinueMissing: boolean },
): string {
  return [
    `npm run catalog:import -- --apply-import ${importId}`,
    ...(options.discontinueMissing ? ['--discontinue-missing'] : []),
    ...(options.url !== DEFAULT_URL ? [`--url ${options.url}`] : []),
  ].join(' ');
}

export type Credentials =
  | { readonly kind: 'api-key'; readonly key: string }
  | { readonly kind: 'password'; readonly username: string; readonly password: string };

/** The environment holds no usable credentials. */
export class MissingCredentials extends Error {
  override readonly name = 'MissingCredentials';
}

export const CREDENTIALS_HINT =
  'set BACKORDER_API_KEY, or BACKORDER_USERNAME and BACKORDER_PASSWORD';

/** The credentials in the environment: an API key first, else a username and password. */
export function credentialsFrom(env: Readonly<Record<string, string | undefined>>): Credentials {
  const key = env.BACKORDER_API_KEY?.trim();
  if (key) return { kind: 'api-key', key };
  const username = env.BACKORDER_USERNAME?.trim();
  const password = env.BACKORDER_PASSWORD;
  if (username && password) return { kind: 'password', username, password };
  if (username || password) {
    throw new MissingCredentials(
      `${username ? 'BACKORDER_PASSWORD' : 'BACKORDER_USERNAME'} is not set: ${CREDENTIALS_HINT}`,
    );
  }
  throw new MissingCredentials(`no credentials: ${CREDENTIALS_HINT}`);
}
