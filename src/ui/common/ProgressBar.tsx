/** An accessible progress bar with a caption: what is happening on the left, the numbers on the right. */
export function ProgressBar({ label, percent, caption, numbers, testId }: { label: string; percent: number; caption: string; numbers: string; testId?: string }) {
  return (
    <div className="load-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={numbers ? `${percent}%, ${numbers}` : `${percent}%`}
        data-testid={testId}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-caption">
        <span className="progress-stage">{caption}</span>
        <span className="progress-numbers">
          {numbers && `${numbers} · `}
          {percent}%
        </span>
      </p>
    </div>
  );
}
