import { startServerSession, type ServerSession } from '../support/server-session';
import { tempDir } from '../support/temp-dir';

/**
 * `/docs` is open to anyone: it must serve the explorer and the document, nothing more of the
 * folder it comes from, and a setting turns it off. The real server, as `npm start` sets it up.
 */
describe('API docs', () => {
  const servers: ServerSession[] = [];
  const dirs: { remove(): void }[] = [];
  const start = async (env: Record<string, string>) => {
    const dir = tempDir();
    dirs.push(dir);
    const server = await startServerSession({ dataDir: dir.path, env, startTimeoutMs: 240_000 });
    servers.push(server);
    return server;
  };
  let on: ServerSession;
  let off: ServerSession;

  beforeAll(async () => {
    [on, off] = await Promise.all([start({}), start({ API_DOCS: 'off' })]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    for (const dir of dirs) dir.remove();
  });

  it('serves the explorer, its assets and the OpenAPI document without a sign-in', async () => {
    const page = await fetch(`${on.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger-ui-bundle\.js/);
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-init.js']) {
      expect((await fetch(`${on.url}/docs/${asset}`)).status).toBe(200);
    }
    const document = await fetch(`${on.url}/docs-json`);
    expect(document.status).toBe(200);
    expect(await document.json()).toMatchObject({ openapi: expect.any(String) as string });
  });

  it.each([
    '/docs/package.json',
    '/docs/README.md',
    '/docs/swagger-ui-bundle.js.map',
    '/docs/swagger-ui.css.map',
    '/docs/swagger-ui.js',
    '/docs/absolute-path.js',
    '/docs/index.html',
    '/docs/oauth2-redirect.html',
    '/docs/%2e%2e/package.json',
    '/docs-yaml',
  ])('answers 404 for %s', async (path) => {
    const response = await fetch(`${on.url}${path}`);
    expect(response.status).toBe(404);
  });

  it.each(['/docs', '/docs/', '/docs/swagger-ui-bundle.js', '/docs-json'])(
    'with API_DOCS=off, %s is no page of the API explorer',
    async (path) => {
      const response = await fetch(`${off.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/SwaggerUIBundle|"openapi"/);
    },
  );
});
