import { Trans, useTranslation } from 'react-i18next';
import type { LoadProgress } from '../../protocol/engine-api';
import { ProgressBar } from '../common/ProgressBar';
import { percentOf, useFormat } from '../format';

/** Download progress of the model files, as an accessible progress bar with bytes and percent. */
export function LoadProgressBar({ progress, done, testId }: { progress: LoadProgress; done: boolean; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = done ? 100 : percentOf(progress.loadedBytes, progress.totalBytes);
  const bytes =
    progress.totalBytes > 0
      ? t('model.progress.bytesOf', { loaded: format.bytes(progress.loadedBytes), total: format.bytes(progress.totalBytes) })
      : format.bytes(progress.loadedBytes);
  // The catalog is encoded after every file has arrived: this bar is about the files.
  const filesDone = done || progress.stage === 'catalog';
  const stage = filesDone ? t('model.progress.filesLoaded') : t(`model.stage.${progress.stage}`);
  // A file name is not translated: it is marked as such.
  const caption =
    !filesDone && progress.file ? (
      <Trans t={t} i18nKey="model.progress.stageWithFile" values={{ stage, file: progress.file }} components={{ file: <span lang="en" /> }} />
    ) : (
      stage
    );

  return <ProgressBar label={t('model.progress.downloadLabel')} percent={percent} caption={caption} numbers={bytes} testId={testId} />;
}
