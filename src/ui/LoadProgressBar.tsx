import type { LoadProgress, LoadStage } from '../protocol/engine-api';
import { formatBytes, percentOf } from './format';

export const STAGE_LABELS: Readonly<Record<LoadStage, string>> = {
  backend: 'Starting the compute backend',
  download: 'Downloading the model',
  tokenizer: 'Loading the tokenizer',
  warmup: 'Warming up the model',
};

/** Download progress of the model, as an accessible progress bar with bytes and percent. */
export function LoadProgressBar({ progress, done }: { progress: LoadProgress; done: boolean }) {
  const percent = done ? 100 : percentOf(progress.loadedBytes, progress.totalBytes);
  const bytes =
    progress.totalBytes > 0
      ? `${formatBytes(progress.loadedBytes)} of ${formatBytes(progress.totalBytes)}`
      : formatBytes(progress.loadedBytes);
  const stage = done ? 'Model ready' : STAGE_LABELS[progress.stage];
  const file = !done && progress.stage === 'download' && progress.file ? ` (${progress.file})` : '';

  return (
    <div className="load-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Model download"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${bytes}`}
        data-testid="load-progress"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-caption">
        <span>
          {stage}
          {file}
        </span>
        <span className="progress-numbers">
          {bytes} · {percent}%
        </span>
      </p>
    </div>
  );
}
