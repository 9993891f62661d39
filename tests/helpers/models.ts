import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEncoderModel } from '../../tools/lib/build-encoder';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const publicModelsDir = join(repoRoot, 'public', 'models');

/** Makes sure public/models holds current artefacts (a no-op when `npm run models` already ran). */
export async function ensureModels(): Promise<string> {
  await buildEncoderModel(publicModelsDir);
  return publicModelsDir;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}
