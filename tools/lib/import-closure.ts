/**
 * The project's own source files a module depends on: the module and, recursively, every relative
 * import of it. Used to decide whether an artefact built from that module is out of date, so that
 * exactly the code that shapes it (and not its whole folder) is hashed.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';

/** `from '…'`, `import '…'` and `import('…')` specifiers that start with a dot. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

async function resolveModule(from: string, specifier: string): Promise<string | undefined> {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')]) {
    if (!/\.tsx?$/.test(candidate)) continue;
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Try the next spelling.
    }
  }
  return undefined;
}

/** Paths (relative to `root`, sorted) of `entry` and every module it reaches through relative imports. */
export async function importClosure(root: string, entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const pending = [resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = await resolveModule(file, match[1]!);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen].map((file) => relative(root, file)).sort();
}
