import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readVerifiedModel } from '../src/engine/assets/manifest';
import { EngineError } from '../src/engine/errors';
import { fileAssetSource } from '../tools/lib/file-assets';
import { ensureModels } from './helpers/models';

let modelsDir: string;
const copies: string[] = [];

beforeAll(async () => {
  modelsDir = await ensureModels();
});

afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A private copy of the built models, so a test can damage it. */
async function copyOfModels(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'models-copy-'));
  copies.push(dir);
  await cp(join(modelsDir, 'encoder'), join(dir, 'encoder'), { recursive: true });
  return dir;
}

async function failureOf(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

describe('model integrity', () => {
  it('reads every listed file and reports byte progress up to the total', async () => {
    const seen: number[] = [];
    const { manifest, files } = await readVerifiedModel(fileAssetSource(modelsDir), 'encoder', (p) => seen.push(p.loadedBytes / p.totalBytes));
    expect([...files.keys()]).toEqual(manifest.files.map((f) => f.path));
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('rejects a file whose bytes were altered', async () => {
    const dir = await copyOfModels();
    const path = join(dir, 'encoder', 'weights.bin');
    const bytes = await readFile(path);
    bytes[1000] = (bytes[1000]! + 1) % 256;
    await writeFile(path, bytes);
    const error = await failureOf(readVerifiedModel(fileAssetSource(dir), 'encoder'));
    expect(error.code).toBe('INTEGRITY_FAILED');
    expect(error.message).toContain('weights.bin');
  });

  it('rejects a truncated file', async () => {
    const dir = await copyOfModels();
    const path = join(dir, 'encoder', 'tokenizer.json');
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.byteLength - 10));
    const error = await failureOf(readVerifiedModel(fileAssetSource(dir), 'encoder'));
    expect(error.code).toBe('INTEGRITY_FAILED');
    expect(error.message).toContain('truncated');
  });

  it('rejects a malformed manifest with MODEL_LOAD_FAILED', async () => {
    const dir = await copyOfModels();
    await writeFile(join(dir, 'encoder', 'manifest.json'), JSON.stringify({ files: [{ path: 'weights.bin' }] }));
    await expect(readVerifiedModel(fileAssetSource(dir), 'encoder')).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
  });
});
