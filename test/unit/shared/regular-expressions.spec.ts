import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import * as ts from 'typescript';

/**
 * Every regular expression literal of the server meets text from outside (sheets, queries,
 * headers): none may take more than linear time, however long that text. recheck proves it per
 * expression (automata analysis, fuzzing where that cannot decide).
 */
const ROOT = join(__dirname, '../../..');
const SCANNED = ['src', 'projections'];

interface Literal {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function literalsOf(path: string): Literal[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(file);
      const end = text.lastIndexOf('/');
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      found.push({
        where: `${relative(ROOT, path)}:${line}`,
        source: text.slice(1, end),
        flags: text.slice(end + 1),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const literals = SCANNED.flatMap((dir) => typeScriptFiles(join(ROOT, dir))).flatMap(literalsOf);

describe('regular expressions', () => {
  it('finds the expressions to check', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('has no expression that is super-linear (ReDoS)', () => {
    const vulnerable = literals.flatMap(({ where, source, flags }) => {
      const diagnostics = checkSync(source, flags, { timeout: 10_000 });
      if (diagnostics.status === 'safe') return [];
      const why =
        diagnostics.status === 'vulnerable'
          ? diagnostics.complexity.summary
          : `${diagnostics.status}: ${diagnostics.status === 'unknown' ? diagnostics.error.kind : ''}`;
      return [`${where} /${source}/${flags}: ${why}`];
    });
    expect(vulnerable).toEqual([]);
  }, 300_000);
});
