/**
 * `npm run models [-- --out DIR]`: writes the model artefacts the app serves from its own origin
 * (default public/models/). Runs before dev, build and test, and does nothing when up to date.
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildEncoderModel } from './lib/build-encoder';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const modelsDir = resolve(values.out ?? join(repoRoot, 'public', 'models'));

const started = performance.now();
const encoder = await buildEncoderModel(modelsDir);
const megabytes = (encoder.manifest.files.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(2);
console.log(
  encoder.skipped
    ? `models: encoder up to date in ${encoder.dir} (${megabytes} MB)`
    : `models: encoder written to ${encoder.dir}: ${megabytes} MB in ${encoder.manifest.files.length} files (${Math.round(performance.now() - started)} ms)`,
);
