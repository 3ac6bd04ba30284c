import { type ServerSession, startServerSession } from '../support/server-session';
import { tempDir } from '../support/temp-dir';

/**
 * What someone who types `npm start` sees: at the default log level a few lines, and the admin's
 * one-time password again under the "listening on" line, where it cannot have scrolled away.
 */
describe('start-up output', () => {
  const dir = tempDir();
  let server: ServerSession;

  beforeAll(async () => {
    server = await startServerSession({
      dataDir: dir.path,
      env: { LOG_LEVEL: 'info', ADMIN_INITIAL_PASSWORD: '' },
    });
    // The projections thread reports after the server listens: give it a moment to say anything.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('logs at most a handful of lines at the default level', () => {
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeLessThanOrEqual(6);
  });

  it('repeats the one-time password after the listening line', () => {
    const output = server.output();
    const listening = output.indexOf('backorder-ledger listening on');
    expect(listening).toBeGreaterThan(-1);
    const password = /one-time password\n\n {4}(\S+)\n/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect(output.indexOf(password!, listening)).toBeGreaterThan(listening);
  });
});
