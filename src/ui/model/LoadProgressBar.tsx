import type { LoadProgress, LoadStage } from '../../protocol/engine-api';
import { ProgressBar } from '../common/ProgressBar';
import { formatBytes, percentOf } from '../format';

export const STAGE_LABELS: Readonly<Record<LoadStage, string>> = {
  backend: 'Starting the compute backend',
  download: 'Downloading the language model',
  tokenizer: 'Loading the tokenizer',
  warmup: 'Warming up the language model',
  recommender: 'Downloading the recommendation model',
  catalog: 'Encoding the product catalog on this device',
};

/** Download progress of the model files, as an accessible progress bar with bytes and percent. */
export function LoadProgressBar({ progress, done, testId }: { progress: LoadProgress; done: boolean; testId?: string }) {
  const percent = done ? 100 : percentOf(progress.loadedBytes, progress.totalBytes);
  const bytes =
    progress.totalBytes > 0
      ? `${formatBytes(progress.loadedBytes)} of ${formatBytes(progress.totalBytes)}`
      : formatBytes(progress.loadedBytes);
  // The catalog is encoded after every file has arrived: this bar is about the files.
  const filesDone = done || progress.stage === 'catalog';
  const stage = filesDone ? 'Model files loaded' : STAGE_LABELS[progress.stage];
  const file = !filesDone && progress.file ? ` (${progress.file})` : '';

  return <ProgressBar label="Model download" percent={percent} caption={`${stage}${file}`} numbers={bytes} testId={testId} />;
}
