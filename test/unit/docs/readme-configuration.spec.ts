import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** Every variable the configuration reads is named in the README's configuration table. */
describe('README configuration table', () => {
  const config = readFileSync(join(ROOT, 'src/shared/config/app-config.ts'), 'utf8');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## '));

  const read = new Set<string>();
  for (const match of config.matchAll(/env\.([A-Z][A-Z0-9_]+)|'([A-Z][A-Z0-9_]{2,})'/g)) {
    read.add(match[1] ?? match[2]);
  }

  it('finds the variables the configuration reads', () => {
    expect(read.has('PORT')).toBe(true);
    expect(read.has('TRUST_PROXY')).toBe(true);
  });

  it.each([...read].sort())('names %s', (name) => {
    expect(table).toContain(`\`${name}\``);
  });
});
