import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_FILES_NAME, parseBuildFileList } from '../src/privacy/build-files';
import { buildFileList, writeBuildFileList } from '../tools/lib/build-files-plugin';

const scratch: string[] = [];

async function scratchDir(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'build-files-'));
  scratch.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function readList(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, BUILD_FILES_NAME), 'utf8'));
}

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('writeBuildFileList', () => {
  it('lists every file, nested ones with / separators, sorted, itself included, and writes the list', async () => {
    const dir = await scratchDir({ 'index.html': '', 'assets/b.js': '', 'assets/a.css': '', 'models/gnn/weights.bin': '' });
    const expected = ['assets/a.css', 'assets/b.js', BUILD_FILES_NAME, 'index.html', 'models/gnn/weights.bin'];
    expect(await writeBuildFileList(dir)).toEqual({ files: expected });
    expect(await readList(dir)).toEqual({ files: expected });
    // Written again over an old list, it names that list once.
    expect((await writeBuildFileList(dir)).files).toEqual(expected);
  });
});

describe('parseBuildFileList', () => {
  it('takes a list of paths and nothing else', () => {
    expect(parseBuildFileList({ files: ['index.html'] })).toEqual({ files: ['index.html'] });
    for (const bad of [null, 'index.html', {}, { files: 'index.html' }, { files: ['a', 2] }]) expect(parseBuildFileList(bad)).toBeNull();
  });
});

describe('the build-file-list plugin', () => {
  it('runs in builds only', () => {
    expect(buildFileList().apply).toBe('build');
  });

  it('lists what vite build wrote, public/ files included', async () => {
    const root = await scratchDir({
      'index.html': '<!doctype html><html><head><script type="module" src="/main.js"></script></head><body></body></html>',
      'main.js': 'document.body.textContent = "hello";',
      'public/models/encoder/weights.bin': 'weights',
    });
    const outDir = join(root, 'dist');
    await build({ root, configFile: false, logLevel: 'silent', plugins: [buildFileList()], build: { outDir, emptyOutDir: true } });
    const list = parseBuildFileList(await readList(outDir));
    expect(list?.files).toEqual(expect.arrayContaining(['index.html', 'models/encoder/weights.bin', BUILD_FILES_NAME]));
    expect(list?.files.filter((file) => /^assets\/main-[\w-]+\.js$/.test(file) || /^assets\/index-[\w-]+\.js$/.test(file))).toHaveLength(1);
    expect(list?.files).toHaveLength(4);
  });
});
