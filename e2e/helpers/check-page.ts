import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** A check page built and served apart from the app; `close` stops the server. */
export interface ServedCheckPage {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds `e2e/pages/<name>.html` (a production build, as the app ships) into its own folder under
 * .cache/e2e-pages/, so that specs never empty each other's output, and serves it on a free port.
 */
export async function serveCheckPage(name: string): Promise<ServedCheckPage> {
  const outDir = join(repoRoot, '.cache', 'e2e-pages', name);
  // publicDir off: check pages need none of the app's model files.
  await build({
    root: repoRoot,
    logLevel: 'error',
    publicDir: false,
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(repoRoot, 'e2e', 'pages', `${name}.html`) } },
  });
  const server: PreviewServer = await preview({
    root: repoRoot,
    logLevel: 'error',
    build: { outDir },
    preview: { host: 'localhost', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://localhost:${port}/e2e/pages/${name}.html`, close: () => server.close() };
}
