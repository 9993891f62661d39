/** Resolves a dataset name of the command line (`demo`, `movielens-100k` or a directory) to the dataset. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDatasetDir, type Dataset } from './dataset';
import { ensureDemoDataset } from './demo';
import { readMovieLens } from './movielens';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MOVIELENS_DIR = resolve(repoRoot, '..', 'shared', 'datasets', 'movielens-100k');

export async function loadDataset(name: string, log: (line: string) => void): Promise<Dataset> {
  if (name === 'movielens-100k') return readMovieLens(MOVIELENS_DIR);
  if (name === 'demo') return readDatasetDir(await ensureDemoDataset(log), 'demo');
  return readDatasetDir(resolve(name));
}
