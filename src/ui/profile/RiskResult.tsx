import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileInput } from '../../protocol/engine-api';
import { RISK_BANDS, riskLevelNameKey, scoreRiskAnswers } from '../../state/risk-questionnaire';
import { useFormat } from '../format';

/** The person's risk level and a plain account of how their answers produced it. */
export function RiskResult({ profile, explanationOpen = false }: { profile: ProfileInput; explanationOpen?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const level = profile.riskLevel;
  const score = scoreRiskAnswers(profile.answers);

  return (
    <section className="risk-result panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.result.title')}</h2>
      <p className="risk-level-line">
        <span className={`risk-level risk-${level}`} data-testid="risk-level" data-level={level}>
          R{level}
        </span>{' '}
        {t(riskLevelNameKey(level))}
      </p>
      <div className="risk-explanation" data-testid="risk-explanation">
        {score ? (
          <>
            <p>
              {t('profile.result.summary', {
                total: format.number(score.total),
                max: format.number(score.maxTotal),
                bandMin: format.number(score.band.minPoints),
                bandMax: format.number(score.band.maxPoints),
                level: score.band.level,
              })}
            </p>
            <details open={explanationOpen || undefined}>
              <summary>{t('profile.result.howWorkedOut')}</summary>
              <table className="score-table">
                <caption>{t('profile.result.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.result.question')}</th>
                    <th scope="col">{t('profile.result.answer')}</th>
                    <th scope="col">{t('profile.result.points')}</th>
                  </tr>
                </thead>
                <tbody>
                  {score.answers.map(({ question, option }) => (
                    <tr key={question.id}>
                      <th scope="row">{t(question.titleKey)}</th>
                      <td>{t(option.labelKey)}</td>
                      <td className="number">{format.number(option.points)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('profile.result.total')}
                    </th>
                    <td className="number">{format.number(score.total)}</td>
                  </tr>
                </tfoot>
              </table>
              <p>{t('profile.result.method')}</p>
              <ul className="bands">
                {RISK_BANDS.map((band) => {
                  const yours = band.level === score.band.level;
                  return (
                    <li key={band.level} aria-current={yours ? 'true' : undefined}>
                      {t(yours ? 'profile.result.bandYours' : 'profile.result.band', {
                        level: band.level,
                        name: t(riskLevelNameKey(band.level)),
                        min: format.number(band.minPoints),
                        max: format.number(band.maxPoints),
                      })}
                    </li>
                  );
                })}
              </ul>
            </details>
          </>
        ) : (
          <p>{t('profile.result.noScore', { level })}</p>
        )}
      </div>
    </section>
  );
}
