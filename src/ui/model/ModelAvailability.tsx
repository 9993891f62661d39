import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelName, UnavailableModel } from '../../protocol/engine-api';
import type { EngineStatus } from '../../state/engine-store';

// Their label and texts are `model.models.<model>.*` (short labels: the facts list gives them a narrow column on phones).
const MODELS: readonly ModelName[] = ['encoder', 'recommender'];

/** One model's state for `data-state` (tests read it) and in words; the engine's reason stays English. */
function availabilityOf(
  t: TFunction,
  status: EngineStatus,
  model: ModelName,
  failure: UnavailableModel | undefined,
): { state: string; text: ReactNode } {
  if (status !== 'ready') return { state: status, text: t(`model.notLoaded.${status}`) };
  if (failure) {
    return {
      state: 'unavailable',
      text: (
        <>
          {t(`model.models.${model}.unavailable`)} <span lang="en">{failure.error.message}</span>
        </>
      ),
    };
  }
  return { state: 'in-use', text: t(`model.models.${model}.inUse`) };
}

/**
 * Each model's state: in use (every file matched its manifest's size and SHA-256) or unavailable
 * with the reason, so that a person can see which part of the app is off and why.
 */
export function ModelAvailability({ status, unavailable }: { status: EngineStatus; unavailable: readonly UnavailableModel[] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {MODELS.map((model) => {
        const { state, text } = availabilityOf(t, status, model, unavailable.find((failed) => failed.model === model));
        return (
          <div key={model} data-testid={`model-availability-${model}`} data-state={state}>
            <dt>{t(`model.models.${model}.label`)}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
