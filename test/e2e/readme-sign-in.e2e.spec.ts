import { execFileSync } from 'node:child_process';
import { signInBlock } from '../support/readme-sign-in-block';
import {
  INITIAL_ADMIN_PASSWORD,
  type ServerSession,
  startServerSession,
} from '../support/server-session';
import { tempDir } from '../support/temp-dir';

/**
 * The README's sign-in commands, pasted into bash against a freshly started server, with only
 * what a reader fills in replaced: the address and the printed one-time password.
 */
describe("the README's sign-in block", () => {
  const dir = tempDir();
  let server: ServerSession;

  beforeAll(async () => {
    server = await startServerSession({ dataDir: dir.path });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('signs in, changes the one-time password and makes a user, as typed', () => {
    const block = signInBlock();
    expect(block).toContain("ONE_TIME='<the printed password>'");
    const filledIn = block
      .replace('BASE=http://localhost:3000', `BASE=${server.url}`)
      .replace('<the printed password>', INITIAL_ADMIN_PASSWORD);
    const output = execFileSync('bash', ['-e', '-o', 'pipefail', '-c', filledIn], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const answer = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(answer).toMatchObject({ username: 'dana' });
    expect(typeof answer.oneTimePassword).toBe('string');
  }, 90_000);
});
