import { useTranslation } from 'react-i18next';
import type { PersonaSummary, PersonTarget } from '../../protocol/engine-api';
import { riskLevelNameKey } from '../../state/risk-questionnaire';
import { useFormat } from '../format';
import { useAdvisor } from '../store-context';
import { personaName } from './persona-name';

function sameTarget(a: PersonTarget, b: PersonTarget): boolean {
  return a.kind === b.kind && (a.kind === 'owner' || (b.kind === 'persona' && a.id === b.id));
}

/** One demo persona: who they are, their profile in brief, and one click to become them (or reset them). */
export function PersonaCard({ persona }: { persona: PersonaSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const active = useAdvisor((state) => state.active);
  const working = useAdvisor((state) => state.working);
  const switchTo = useAdvisor((state) => state.switchTo);
  const reset = useAdvisor((state) => state.reset);
  const target: PersonTarget = { kind: 'persona', id: persona.id };
  const isActive = sameTarget(active, target);
  const isWorking = working !== null && sameTarget(working.target, target);
  const name = personaName(t, persona.id);
  const { profile, eventCount, favourites } = persona.person;

  return (
    <li className={`persona-card${isActive ? ' persona-active' : ''}`} data-testid="persona-card" data-persona={persona.id} aria-current={isActive}>
      <h3>{name}</h3>
      <p>{t(`advisor.personas.${persona.id}.summary`)}</p>
      {profile && (
        <ul className="persona-facts">
          <li>{t('advisor.card.age', { age: format.number(profile.age) })}</li>
          <li>{t('advisor.card.risk', { level: profile.riskLevel, name: t(riskLevelNameKey(profile.riskLevel)) })}</li>
          <li>{profile.horizonYears === 0 ? t('advisor.card.horizonNow') : t('advisor.card.horizon', { count: profile.horizonYears })}</li>
          <li data-testid="persona-events">
            {t('advisor.card.events', { count: eventCount })} · {t('advisor.card.favourites', { count: favourites.length })}
          </li>
        </ul>
      )}
      {profile && (
        <details>
          <summary>{t('advisor.card.goals')}</summary>
          <p lang="en">{profile.goalsText}</p>
        </details>
      )}
      <div className="action-row">
        {isActive ? (
          <strong className="persona-active-label">{t('advisor.card.active')}</strong>
        ) : (
          <button type="button" disabled={working !== null} onClick={() => void switchTo(target)}>
            {isWorking && working.action === 'switch' ? t('advisor.card.switching') : t('advisor.card.switchTo', { name })}
          </button>
        )}
        <button
          type="button"
          className="button-secondary"
          disabled={working !== null}
          title={t('advisor.card.resetHint')}
          aria-label={isWorking && working.action === 'reset' ? undefined : t('advisor.card.resetLabel', { name })}
          onClick={() => void reset(persona.id)}
        >
          {isWorking && working.action === 'reset' ? t('advisor.card.resetting') : t('advisor.card.reset')}
        </button>
      </div>
    </li>
  );
}

/** The owner's own data, as the first card: switching back is one click too. */
export function OwnerCard() {
  const { t } = useTranslation();
  const active = useAdvisor((state) => state.active);
  const working = useAdvisor((state) => state.working);
  const switchTo = useAdvisor((state) => state.switchTo);
  const isActive = active.kind === 'owner';
  return (
    <li className={`persona-card${isActive ? ' persona-active' : ''}`} data-testid="owner-card" aria-current={isActive}>
      <h3>{t('advisor.owner.name')}</h3>
      <p>{t('advisor.owner.summary')}</p>
      <div className="action-row">
        {isActive ? (
          <strong className="persona-active-label">{t('advisor.card.active')}</strong>
        ) : (
          <button type="button" disabled={working !== null} onClick={() => void switchTo({ kind: 'owner' })}>
            {working?.target.kind === 'owner' ? t('advisor.card.switching') : t('advisor.card.switchToOwner')}
          </button>
        )}
      </div>
    </li>
  );
}
