import { basename, join, resolve } from 'node:path';

/** Where `npm run build:web` writes the staff web app: dist/web, run from dist/ or from src/. */
export function webAppDir(): string {
  const top = resolve(__dirname, '..', '..', '..');
  return join(basename(top) === 'dist' ? top : join(top, 'dist'), 'web');
}
