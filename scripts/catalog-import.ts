import { basename } from 'node:path';
import { ApiClient, ApiError, describeFailure, ServerUnreachable } from './catalog-cli/api-client';
import {
  CatalogImporter,
  type ImporterOptions,
  ImportFailed,
  VendorNotFound,
} from './catalog-cli/catalog-importer';
import {
  fileSize,
  InputFileError,
  readManifest,
  readProfileFile,
} from './catalog-cli/catalog-manifest';
import {
  applyLaterCommand,
  type CliCommand,
  credentialsFrom,
  MissingCredentials,
  parseCliArgs,
  USAGE,
  UsageError,
} from './catalog-cli/cli-args';
import type { ImportView } from './catalog-cli/import-views';
import type { Output } from './catalog-cli/progress-display';
import { manifestSummary, type SheetOutcome } from './catalog-cli/review-report';

type Env = Readonly<Record<string, string | undefined>>;

export interface CliIo {
  readonly out: Output;
  readonly err: Output;
  readonly env: Env;
  readonly importer?: ImporterOptions;
  readonly fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** Failures that stop a whole manifest: every other sheet would fail the same way. */
function isFatal(error: unknown): boolean {
  return (
    error instanceof ServerUnreachable ||
    (error instanceof ApiError && (error.status === 401 || error.status === 403))
  );
}

type Command<K extends CliCommand['kind']> = Extract<CliCommand, { kind: K }>;

async function importSheet(
  command: Command<'sheet'>,
  importer: CatalogImporter,
  say: (line: string) => void,
): Promise<number> {
  await fileSize(command.file);
  const profile = command.profileFile
    ? await readProfileFile(command.profileFile, command.profile)
    : null;
  const vendor = await importer.findVendor(command.vendor);
  say(`Vendor ${vendor.name} (${vendor.id})`);
  if (profile) await importer.saveProfile(vendor.id, profile);
  const profileName = profile?.name ?? (command.profile as string);
  if (!profile) await importer.checkProfile(vendor.id, profileName);
  const view = await importer.upload(vendor.id, profileName, command.file);
  await importer.printReview(view);
  if (command.apply) await importer.apply(view.id, command.discontinueMissing);
  else
    say(
      `\nNothing is changed yet. To apply this import:\n  ${applyLaterCommand(view.id, command)}`,
    );
  return 0;
}

async function importManifest(
  command: Command<'manifest'>,
  importer: CatalogImporter,
  say: (line: string) => void,
  complain: (text: string) => void,
): Promise<number> {
  const sheets = await readManifest(command.manifest);
  const profiles = await Promise.all(sheets.map((s) => readProfileFile(s.profilePath, null)));
  const vendors = new Map(
    (await importer.listVendors()).map((v) => [v.name.trim().toLowerCase(), v.id] as const),
  );
  const outcomes: SheetOutcome[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const file = basename(sheet.sheetPath);
    say(`\n== ${sheet.vendorName}: ${file}`);
    let importId: string | null = null;
    try {
      const vendorId =
        vendors.get(sheet.vendorName.toLowerCase()) ??
        (await importer.registerVendor(sheet.vendorName));
      vendors.set(sheet.vendorName.toLowerCase(), vendorId);
      await importer.saveProfile(vendorId, profiles[index]);
      const view = await importer.upload(vendorId, profiles[index].name, sheet.sheetPath);
      importId = view.id;
      await importer.printReview(view);
      const applied = command.apply
        ? await importer.apply(view.id, command.discontinueMissing)
        : null;
      outcomes.push({
        vendor: sheet.vendorName,
        sheet: file,
        importId,
        review: view.review,
        status: applied ? 'applied' : 'reviewed',
      });
    } catch (error) {
      if (isFatal(error)) throw error;
      complain(`${sheet.vendorName}: ${describeFailure(error)}`);
      outcomes.push({
        vendor: sheet.vendorName,
        sheet: file,
        importId,
        review: null,
        status: 'failed',
      });
    }
  }
  say(`\n${manifestSummary(outcomes)}`);
  const reviewed = outcomes.filter((o) => o.status === 'reviewed' && o.importId);
  if (reviewed.length > 0) {
    say('\nNothing is changed yet. To apply these imports:');
    for (const o of reviewed) say(`  ${applyLaterCommand(o.importId as string, command)}`);
  }
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  if (failed > 0) complain(`${failed} of ${outcomes.length} sheets failed`);
  return failed > 0 ? 1 : 0;
}

async function applyImport(
  command: Command<'apply-import'>,
  importer: CatalogImporter,
  client: ApiClient,
  say: (line: string) => void,
): Promise<number> {
  const view = await client.find<ImportView>(`/catalog/imports/${command.importId}`);
  if (!view) throw new ImportFailed(`the server has no import ${command.importId}`);
  switch (view.status) {
    case 'applied':
      say(`Import ${view.id} (${view.fileName}) is already applied.`);
      return 0;
    case 'failed':
      throw new ImportFailed(`import ${view.id} failed: ${view.failure ?? 'no reason given'}`);
    case 'receiving':
      throw new ImportFailed(`import ${view.id} is still being received; apply it once reviewed`);
    case 'applying':
      say(`Import ${view.id} (${view.fileName}) is being applied already; following it.`);
      await importer.followApply(view.id);
      return 0;
    case 'reviewed':
      say(`Import ${view.id}: ${view.fileName}, profile ${view.profile}`);
      await importer.printReview(view);
      await importer.apply(view.id, command.discontinueMissing);
      return 0;
  }
}

/** Runs one `catalog:import` command; answers the exit code. */
export async function runCatalogImport(args: readonly string[], io: CliIo): Promise<number> {
  const say = (line: string) => void io.out.write(`${line}\n`);
  const complain = (text: string) => void io.err.write(`${text}\n`);
  let command: CliCommand;
  try {
    command = parseCliArgs(args, io.env);
    if (command.kind === 'help') {
      say(USAGE);
      return 0;
    }
    const client = new ApiClient(command.url, credentialsFrom(io.env), io.fetch);
    const importer = new CatalogImporter(client, io.out, io.importer);
    switch (command.kind) {
      case 'sheet':
        return await importSheet(command, importer, say);
      case 'manifest':
        return await importManifest(command, importer, say, complain);
      case 'apply-import':
        return await applyImport(command, importer, client, say);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      complain(`catalog:import: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    const known =
      error instanceof ApiError ||
      error instanceof ServerUnreachable ||
      error instanceof InputFileError ||
      error instanceof MissingCredentials ||
      error instanceof ImportFailed ||
      error instanceof VendorNotFound;
    const detail = known
      ? describeFailure(error)
      : io.env.DEBUG
        ? String((error as Error)?.stack ?? error)
        : error instanceof Error
          ? error.message
          : String(error);
    complain(`catalog:import failed: ${detail}`);
    return 1;
  }
}

if (require.main === module) {
  runCatalogImport(process.argv.slice(2), {
    out: process.stdout,
    err: process.stderr,
    env: process.env,
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`catalog:import failed: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
