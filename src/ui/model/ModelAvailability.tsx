import type { ModelName, UnavailableModel } from '../../protocol/engine-api';
import type { EngineStatus } from '../../state/engine-store';

// Short labels: the facts list gives them a narrow column on phones.
const MODELS: readonly { readonly model: ModelName; readonly label: string; readonly use: string; readonly off: string }[] = [
  { model: 'encoder', label: 'Language model', use: 'search and for reading your goals', off: 'search and suggestions are off' },
  { model: 'recommender', label: 'Recommender', use: 'suggestions (For you)', off: 'suggestions are off' },
];

const NOT_LOADED: Readonly<Record<Exclude<EngineStatus, 'ready'>, string>> = {
  idle: 'Not loaded yet.',
  loading: 'Loading and checking its files.',
  error: 'Not loaded: see the message at the top of the page.',
};

/** One model's state for `data-state` (tests read it) and in words. */
function availabilityOf(
  status: EngineStatus,
  { use, off }: { use: string; off: string },
  failure: UnavailableModel | undefined,
): { state: string; text: string } {
  if (status !== 'ready') return { state: status, text: NOT_LOADED[status] };
  if (failure) return { state: 'unavailable', text: `Unavailable, so ${off}. ${failure.error.message}` };
  return { state: 'in-use', text: `In use for ${use}: every file matched its size and SHA-256 in the manifest.` };
}

/**
 * Each model's state: in use (every file matched its manifest's size and SHA-256) or unavailable
 * with the reason, so that a person can see which part of the app is off and why.
 */
export function ModelAvailability({ status, unavailable }: { status: EngineStatus; unavailable: readonly UnavailableModel[] }) {
  return (
    <dl className="facts">
      {MODELS.map((entry) => {
        const { state, text } = availabilityOf(status, entry, unavailable.find((failed) => failed.model === entry.model));
        return (
          <div key={entry.model} data-testid={`model-availability-${entry.model}`} data-state={state}>
            <dt>{entry.label}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
