import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importClosure } from '../tools/lib/import-closure';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('importClosure', () => {
  it('follows relative imports (with or without extension, folders by index.ts, type-only too), not packages or unrelated files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'closure-'));
    dirs.push(root);
    await mkdir(join(root, 'a', 'lib'), { recursive: true });
    await writeFile(join(root, 'a', 'main.ts'), "import { x } from './x';\nimport type { T } from './lib';\nimport { readFile } from 'node:fs';\nexport { y } from '../b.ts';\n");
    await writeFile(join(root, 'a', 'x.ts'), "import './main';\nexport const x = 1;\n");
    await writeFile(join(root, 'a', 'lib', 'index.ts'), 'export type T = number;\n');
    await writeFile(join(root, 'b.ts'), 'export const y = 2;\n');
    await writeFile(join(root, 'a', 'unrelated.ts'), 'export const z = 3;\n');
    expect(await importClosure(root, 'a/main.ts')).toEqual(['a/lib/index.ts', 'a/main.ts', 'a/x.ts', 'b.ts']);
  });
});
