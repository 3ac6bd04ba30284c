import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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
