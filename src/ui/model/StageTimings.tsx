import { useTranslation } from 'react-i18next';
import type { StageTiming } from '../../protocol/engine-api';
import { useFormat } from '../format';

/** How long each stage of getting ready took, and the total. */
export function StageTimings({ timings }: { timings: readonly StageTiming[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
  return (
    <dl className="timings">
      {timings.map((timing) => (
        <div key={timing.stage} className="timing">
          <dt>{t(`model.stage.${timing.stage}`)}</dt>
          <dd>{format.duration(timing.ms)}</dd>
        </div>
      ))}
      <div className="timing timing-total">
        <dt>{t('model.timings.total')}</dt>
        <dd>{format.duration(total)}</dd>
      </div>
    </dl>
  );
}
