import type { StageTiming } from '../../protocol/engine-api';
import { formatDuration } from '../format';
import { STAGE_LABELS } from './LoadProgressBar';

/** How long each stage of getting ready took, and the total. */
export function StageTimings({ timings }: { timings: readonly StageTiming[] }) {
  const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
  return (
    <dl className="timings">
      {timings.map((timing) => (
        <div key={timing.stage} className="timing">
          <dt>{STAGE_LABELS[timing.stage]}</dt>
          <dd>{formatDuration(timing.ms)}</dd>
        </div>
      ))}
      <div className="timing timing-total">
        <dt>Total</dt>
        <dd>{formatDuration(total)}</dd>
      </div>
    </dl>
  );
}
