import { useId } from 'react';
import type { ProfileInput } from '../../protocol/engine-api';
import { RISK_BANDS, riskLevelName, scoreRiskAnswers } from '../../state/risk-questionnaire';

/** The person's risk level and a plain account of how their answers produced it. */
export function RiskResult({ profile, explanationOpen = false }: { profile: ProfileInput; explanationOpen?: boolean }) {
  const headingId = useId();
  const level = profile.riskLevel;
  const score = scoreRiskAnswers(profile.answers);

  return (
    <section className="risk-result panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Your risk level</h2>
      <p className="risk-level-line">
        <span className={`risk-level risk-${level}`} data-testid="risk-level" data-level={level}>
          R{level}
        </span>{' '}
        {riskLevelName(level)}
      </p>
      <div className="risk-explanation" data-testid="risk-explanation">
        {score ? (
          <>
            <p>
              Your answers add up to {score.total} of {score.maxTotal} points, and {score.band.minPoints}–
              {score.band.maxPoints} points is R{score.band.level}.
            </p>
            <details open={explanationOpen || undefined}>
              <summary>How this was worked out</summary>
              <table className="score-table">
                <caption>Points for each of your answers</caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Your answer</th>
                    <th scope="col">Points</th>
                  </tr>
                </thead>
                <tbody>
                  {score.answers.map(({ question, option }) => (
                    <tr key={question.id}>
                      <th scope="row">{question.title}</th>
                      <td>{option.label}</td>
                      <td className="number">{option.points}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      Total
                    </th>
                    <td className="number">{score.total}</td>
                  </tr>
                </tfoot>
              </table>
              <p>
                Each answer is worth 0 points (most cautious) to 4 (boldest); the horizon counts double (0–8), because
                how long the money can stay invested decides most whether it can recover from a fall. The total
                gives the level:
              </p>
              <ul className="bands">
                {RISK_BANDS.map((band) => (
                  <li key={band.level} aria-current={band.level === score.band.level ? 'true' : undefined}>
                    R{band.level} {band.name}: {band.minPoints}–{band.maxPoints} points
                    {band.level === score.band.level && ' (yours)'}
                  </li>
                ))}
              </ul>
            </details>
          </>
        ) : (
          <p>
            Your saved level is R{level}. Answer the questionnaire again below to see how many points each answer is
            worth.
          </p>
        )}
      </div>
    </section>
  );
}
