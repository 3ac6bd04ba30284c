import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const README = join(__dirname, '../../README.md');

/** The shell block of the README's "Signing in" section, as a reader would copy it. */
export function signInBlock(): string {
  const readme = readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('## Signing in'));
  const match = /```sh\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('the README has no shell block under "Signing in"');
  return match[1];
}
