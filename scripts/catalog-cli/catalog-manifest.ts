import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ImportProfile, PROFILE_NAME } from '../../src/catalog/imports/import-profile';

/** A file the CLI was pointed at is not there or not what it should be. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** One sheet of a manifest, its paths resolved against the manifest's folder. */
export interface ManifestSheet {
  readonly vendorName: string;
  readonly sheetPath: string;
  readonly profilePath: string;
  /** Rows the generator wrote, when the manifest says. */
  readonly rows: number | null;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputFileError(
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new InputFileError(`${what} ${path} is not JSON: ${(error as Error).message}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The sheets of a catalog manifest (`{ "vendors": [{ name, sheet, profile, rows }] }`, paths
 * relative to the manifest), each checked to exist before anything is sent.
 */
export async function readManifest(path: string): Promise<ManifestSheet[]> {
  const manifest = await readJson(path, 'manifest');
  if (!isObject(manifest) || !Array.isArray(manifest.vendors) || manifest.vendors.length === 0) {
    throw new InputFileError(
      `manifest ${path} must hold { "vendors": [ ... ] } with one or more vendors`,
    );
  }
  const folder = dirname(resolve(path));
  const sheets = manifest.vendors.map((entry: unknown, index): ManifestSheet => {
    const where = `manifest ${path}, vendors[${index}]`;
    if (!isObject(entry)) throw new InputFileError(`${where} is not an object`);
    const { name, sheet, profile, rows } = entry;
    for (const [key, value] of Object.entries({ name, sheet, profile })) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new InputFileError(`${where}: "${key}" must be a non-empty string`);
      }
    }
    if (rows !== undefined && (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0)) {
      throw new InputFileError(`${where}: "rows" must be a whole number`);
    }
    return {
      vendorName: (name as string).trim(),
      sheetPath: resolve(folder, sheet as string),
      profilePath: resolve(folder, profile as string),
      rows: typeof rows === 'number' ? rows : null,
    };
  });
  const names = new Set<string>();
  for (const sheet of sheets) {
    const key = sheet.vendorName.toLowerCase();
    if (names.has(key))
      throw new InputFileError(`manifest ${path} names ${sheet.vendorName} twice`);
    names.add(key);
  }
  const missing: string[] = [];
  for (const sheet of sheets) {
    for (const file of [sheet.sheetPath, sheet.profilePath]) {
      if (!(await isFile(file))) missing.push(file);
    }
  }
  if (missing.length > 0) {
    throw new InputFileError(
      `manifest ${path} names files that are not there:\n  ${missing.join('\n  ')}`,
    );
  }
  return sheets;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * An import profile from a JSON file, under `name` when given, else the name the file holds. Only
 * its shape is checked here; the server checks the rest when it is saved.
 */
export async function readProfileFile(path: string, name: string | null): Promise<ImportProfile> {
  const profile = await readJson(path, 'profile');
  if (!isObject(profile)) throw new InputFileError(`profile ${path} must be a JSON object`);
  const profileName = name ?? profile.name;
  if (typeof profileName !== 'string' || !PROFILE_NAME.test(profileName)) {
    throw new InputFileError(
      name === null
        ? `profile ${path} has no "name" of lower-case letters, digits and dashes: give one with --profile`
        : `profile name ${profileName} must be lower-case letters, digits and dashes`,
    );
  }
  if (profile.format !== 'csv' && profile.format !== 'jsonl') {
    throw new InputFileError(`profile ${path}: "format" must be "csv" or "jsonl"`);
  }
  if (!isObject(profile.columns)) {
    throw new InputFileError(
      `profile ${path}: "columns" must map product fields to column headers`,
    );
  }
  return { ...(profile as unknown as ImportProfile), name: profileName };
}

/** What PUT /vendors/:id/import-profiles/:name takes: the profile without its name. */
export function profileBody(profile: ImportProfile): Omit<ImportProfile, 'name'> {
  const { name: _name, ...body } = profile;
  return body;
}

export async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(`${path} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
