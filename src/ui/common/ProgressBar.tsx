import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';

/** An accessible progress bar with a caption: what is happening on the left, the numbers on the right. */
export function ProgressBar({
  label,
  percent,
  caption,
  numbers,
  testId,
}: {
  label: string;
  percent: number;
  caption: ReactNode;
  numbers: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const percentText = format.percentRange(percent, percent);
  return (
    <div className="load-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={numbers ? t('common.progressValue', { percent: percentText, numbers }) : percentText}
        data-testid={testId}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-caption">
        <span className="progress-stage">{caption}</span>
        <span className="progress-numbers">
          {numbers ? t('common.progressNumbers', { percent: percentText, numbers }) : percentText}
        </span>
      </p>
    </div>
  );
}
