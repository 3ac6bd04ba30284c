import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** Brotli and gzip copies of the assets, which the server sends to browsers that take them. */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets).filter((n) => /\.(js|css|svg)$/.test(n))) {
        const content = readFileSync(join(assets, name));
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(content));
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** The staff web app: built into dist/web, which the server serves at `/`. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [precompress()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles: the page's CSP allows only the app's own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // `vite --config web/vite.config.mts` during development: the API on the running server.
  server: { proxy: { '^/(?!assets|src|@|node_modules).+': 'http://localhost:3000' } },
});
