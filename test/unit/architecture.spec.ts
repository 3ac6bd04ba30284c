import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const FORBIDDEN = /^(@nestjs\/|mongodb$|better-sqlite3$|@eventstore\/db-client$)/;

/**
 * Pure code stays pure: projections and deciders run the same in live, replay and tests only if
 * nothing they load, directly or through the files they import, reaches a framework or a driver.
 * Type-only imports are erased at compile time and do not count.
 */
describe('architecture', () => {
  const pureFiles = [
    ...walk(join(ROOT, 'projections')),
    ...walk(join(ROOT, 'src')).filter((file) => file.endsWith('.decider.ts')),
    // The auditor's check recomputes from raw events: it must not lean on any framework either.
    join(ROOT, 'src/audit/invariant-checker.ts'),
    // So must the tamper verifier: it is fed rows, whoever reads them.
    join(ROOT, 'src/audit/log-verifier.ts'),
  ];

  it('finds the pure files it guards', () => {
    expect(pureFiles.some((f) => f.includes(`${join('projections', 'audit')}`))).toBe(true);
    expect(pureFiles.some((f) => f.endsWith('vendor.decider.ts'))).toBe(true);
  });

  it.each(pureFiles.map((file) => [relative(ROOT, file), file]))(
    '%s loads no framework or driver',
    (_name, file) => {
      expect(forbiddenImports(file)).toEqual([]);
    },
  );
});

/** Folders of code: `src/<feature>` and `projections/<feature>` are one feature. */
const SOURCES = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'projections'))];
const DRIVERS = /^(better-sqlite3|mongodb|@eventstore\/db-client)$/;
/** What makes code impure besides a driver: reading the clock or drawing random numbers. */
const CLOCK_OR_RANDOM =
  /\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(|\bperformance\.now\(|\brandomUUID\(|\brandomBytes\(/;
/** Store adapters are named by their store; only they talk to a driver. */
const STORE_ADAPTER = /(^|\/)(sqlite|mongo|esdb|gridfs)-[\w-]+\.ts$/;
const CROSS_FEATURE_FORBIDDEN = /\.(decider|evolve|handlers)\.ts$/;

/** `kernel` for src/shared, `app` for the composition root, else the feature's folder name. */
export function featureOf(file: string): string {
  const [top, folder, ...rest] = relative(ROOT, file).split(sep);
  if (top === 'src' && folder === 'shared') return 'kernel';
  if (rest.length === 0) return 'app';
  return folder;
}

/** Every relative import of a file (type-only ones too), resolved to files. */
function importsOf(
  file: string,
): { specifier: string; target: string | null; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8');
  const values = new Set(valueImports(source));
  const found: { specifier: string; target: string | null; typeOnly: boolean }[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
    const specifier = match[1];
    const target = specifier.startsWith('.') ? resolveModule(dirname(file), specifier) : null;
    found.push({ specifier, target, typeOnly: !values.has(specifier) });
  }
  return found;
}

/** The folder graph of the features, as `a -> b, c` lines: what the cycle rule prints. */
export function featureGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = featureOf(file);
    if (from === 'kernel' || from === 'app') continue;
    for (const { target } of importsOf(file)) {
      if (!target) continue;
      const to = featureOf(target);
      if (to === from || to === 'kernel' || to === 'app') continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

export function cyclesIn(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'visiting');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) visit(node, []);
  return cycles;
}

function printGraph(graph: ReadonlyMap<string, ReadonlySet<string>>): string {
  return [...graph.keys()]
    .sort()
    .map((node) => `  ${node} -> ${[...graph.get(node)!].sort().join(', ')}`)
    .join('\n');
}

/** Files the pure rule guards: deciders, evolves, projections, workflows and reactors. */
const PURE = /\.(decider|evolve|projection|workflow|reactor)\.ts$/;

describe('architecture rules', () => {
  it('the kernel (src/shared) imports no feature', () => {
    const violations = SOURCES.filter((f) => featureOf(f) === 'kernel').flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target && featureOf(target) !== 'kernel')
        .map(({ target }) => `${relative(ROOT, file)} -> ${relative(ROOT, target!)}`),
    );
    expect(violations).toEqual([]);
  });

  it("no feature imports another feature's decider, evolve or handlers", () => {
    const violations = SOURCES.flatMap((file) => {
      const feature = featureOf(file);
      if (feature === 'kernel' || feature === 'app') return [];
      return importsOf(file)
        .filter(
          ({ target }) =>
            target && CROSS_FEATURE_FORBIDDEN.test(target) && featureOf(target) !== feature,
        )
        .map(({ target }) => `${relative(ROOT, file)} -> ${relative(ROOT, target!)}`);
    });
    expect(violations).toEqual([]);
  });

  it('the feature folders import each other without a cycle', () => {
    const graph = featureGraph(SOURCES);
    const cycles = cyclesIn(graph).map((cycle) => cycle.join(' -> '));
    if (cycles.length > 0) {
      throw new Error(
        `feature folders import each other in a cycle:\n  ${cycles.join('\n  ')}\n` +
          `the folder graph:\n${printGraph(graph)}`,
      );
    }
    expect(graph.size).toBeGreaterThan(3);
  });

  it('deciders, evolves, projections, workflows and reactors use no clock, random or driver', () => {
    const pure = SOURCES.filter((file) => PURE.test(file));
    expect(pure.some((f) => f.endsWith('.workflow.ts'))).toBe(true);
    expect(pure.some((f) => f.endsWith('.evolve.ts'))).toBe(true);
    const violations = pure.flatMap((file) => impurities(file));
    expect(violations).toEqual([]);
  });

  it('stream names are built only in stream-names.ts', () => {
    const namesFile = join(ROOT, 'src/shared/eventstore/stream-names.ts');
    const categories = [...readFileSync(namesFile, 'utf8').matchAll(/`(\w+)-\$\{/g)].map(
      (m) => m[1],
    );
    expect(categories).toContain('backorder');
    const built = new RegExp(
      `(\`(${categories.join('|')})-\\$\\{)|(['"](${categories.join('|')})-['"]\\s*\\+)`,
    );
    const violations = [...SOURCES, ...walk(join(ROOT, 'scripts'))]
      .filter((file) => file !== namesFile)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            built.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(violations).toEqual([]);
  });

  it('only the store adapters import a database driver', () => {
    const violations = [...SOURCES, ...walk(join(ROOT, 'scripts'))].flatMap((file) =>
      STORE_ADAPTER.test(relative(ROOT, file))
        ? []
        : importsOf(file)
            .filter(({ specifier, typeOnly }) => !typeOnly && DRIVERS.test(specifier))
            .map(({ specifier }) => `${relative(ROOT, file)} -> ${specifier}`),
    );
    expect(violations).toEqual([]);
  });
});

/** What a pure file, or anything it loads, does that it must not: read the clock, draw random, drive a store. */
function impurities(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, trail: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const clock = CLOCK_OR_RANDOM.exec(source);
    if (clock) found.push(`${trail.join(' -> ')} uses ${clock[0]}`);
    for (const specifier of valueImports(source)) {
      if (specifier.startsWith('.')) {
        const target = resolveModule(dirname(file), specifier);
        if (target) visit(target, [...trail, relative(ROOT, target)]);
      } else if (FORBIDDEN.test(specifier) || /^(node:)?crypto$/.test(specifier)) {
        found.push(`${trail.join(' -> ')} -> ${specifier}`);
      }
    }
  };
  visit(entry, [relative(ROOT, entry)]);
  return found;
}

function forbiddenImports(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, trail: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveModule(dirname(file), specifier);
        if (target) visit(target, [...trail, relative(ROOT, target)]);
      } else if (FORBIDDEN.test(specifier)) {
        found.push([...trail, specifier].join(' -> '));
      }
    }
  };
  visit(entry, [relative(ROOT, entry)]);
  return found;
}

/** Module specifiers of imports that survive compilation (not `import type`, not all-type lists). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    const [, , typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/.exec(clause.trim());
    if (names && names[1].split(',').every((n) => !n.trim() || n.trim().startsWith('type ')))
      continue;
    specifiers.push(specifier);
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]);
  for (const match of source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g))
    specifiers.push(match[1]);
  return specifiers;
}

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(from, specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
