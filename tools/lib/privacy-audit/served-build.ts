/**
 * The build under audit: built by Vite into its own folder and served by `vite preview` (which adds
 * the Content Security Policy header from vite.config.ts) on its own port, so that it never touches
 * dist/ or port 4173, which Playwright's e2e run uses.
 */
import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';
import { build, preview } from 'vite';

export interface ServedBuild {
  readonly origin: string;
  close(): Promise<void>;
}

/** Test-only flag that makes src/main.tsx load src/privacy/planted-leak.ts (see that file). */
export const PLANTED_LEAK_FLAG = 'VITE_PRIVACY_AUDIT_PLANTED_LEAK';

/** Sets or removes an environment variable (assigning undefined would store the string "undefined"). */
function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) Reflect.deleteProperty(process.env, name);
  else process.env[name] = value;
}

/**
 * A production build of the app in `outDir`, with the planted leak when asked. Vite reads `VITE_*`
 * variables from the environment, so the flag is set for this build only and restored afterwards.
 */
export async function buildApp(root: string, outDir: string, plantedLeak: boolean): Promise<void> {
  // A caller's NODE_ENV (vitest sets 'test') would give React's development build instead of what ships.
  const saved = { nodeEnv: process.env.NODE_ENV, flag: process.env[PLANTED_LEAK_FLAG] };
  setEnv('NODE_ENV', 'production');
  setEnv(PLANTED_LEAK_FLAG, plantedLeak ? '1' : undefined);
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    setEnv('NODE_ENV', saved.nodeEnv);
    setEnv(PLANTED_LEAK_FLAG, saved.flag);
  }
}

/** `vite preview` of `outDir` on localhost:`port` (strict: a busy port is an error, not another port). */
export async function serveBuild(root: string, outDir: string, port: number): Promise<ServedBuild> {
  const server = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: 'localhost', port, strictPort: true },
  });
  return { origin: `http://localhost:${port}`, close: () => server.close() };
}

/** URL paths (`/assets/index-abc.js`) of every file in the build: the only paths the app may request. */
export async function buildFilePaths(outDir: string): Promise<Set<string>> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return new Set(
    entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(outDir, `${entry.parentPath}/${entry.name}`).split('\\').join('/')}`),
  );
}
