import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEncoderModel } from '../../tools/lib/build-encoder';

export { cosine } from '../../tools/lib/cosine';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const publicModelsDir = join(repoRoot, 'public', 'models');

/** Makes sure public/models holds current artefacts (a no-op when `npm run models` already ran). */
export async function ensureModels(): Promise<string> {
  await buildEncoderModel(publicModelsDir);
  return publicModelsDir;
}
