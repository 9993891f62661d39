import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelManifest } from '../src/engine/assets/manifest';
import { buildEncoderModel } from '../tools/lib/build-encoder';
import { ensureModels } from './helpers/models';

/** 8 MB in the stricter, decimal reading (8 MiB would allow 8,388,608). */
const MAX_ENCODER_BYTES = 8_000_000;
const scratch: string[] = [];

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'encoder-build-'));
  scratch.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('encoder artefacts (npm run models)', () => {
  it('fit in 8 MB (8,000,000 bytes) and every file matches its manifest entry', async () => {
    const dir = join(await ensureModels(), 'encoder');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ModelManifest;
    const onDisk = (await readdir(dir)).filter((f) => f !== 'manifest.json').sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk);
    let total = (await readFile(join(dir, 'manifest.json'))).byteLength;
    for (const entry of manifest.files) {
      const bytes = await readFile(join(dir, entry.path));
      expect(bytes.byteLength, entry.path).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.path).toBe(entry.sha256);
      total += bytes.byteLength;
    }
    console.log(`encoder artefacts: ${total} bytes (${(total / 1e6).toFixed(2)} MB) in ${manifest.files.length + 1} files`);
    expect(total).toBeLessThanOrEqual(MAX_ENCODER_BYTES);
  });

  it('are byte-identical across two builds and a rebuild of a current directory is skipped', async () => {
    const [first, second] = [await scratchDir(), await scratchDir()];
    const a = await buildEncoderModel(first);
    const b = await buildEncoderModel(second);
    expect(a.skipped).toBe(false);
    expect(b.manifest).toEqual(a.manifest);
    for (const entry of a.manifest.files) {
      const [x, y] = await Promise.all([readFile(join(a.dir, entry.path)), readFile(join(b.dir, entry.path))]);
      expect(Buffer.compare(x, y), entry.path).toBe(0);
    }
    const again = await buildEncoderModel(first);
    expect(again.skipped).toBe(true);
  }, 120_000);
});
