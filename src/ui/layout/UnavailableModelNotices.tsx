import type { ModelName, UnavailableModel } from '../../protocol/engine-api';
import { EngineErrorNotice } from '../common/EngineErrorNotice';

/** What stops without each model, and what keeps working, so that a person knows what they can still do. */
const CONSEQUENCES: Readonly<Record<ModelName, string>> = {
  encoder:
    'The language model is unavailable, so search and suggestions are off. You can still browse the products, and what you do is still saved on this device.',
  recommender:
    'The recommendation model is unavailable, so suggestions are off. You can still browse and search the products, and what you do is still saved on this device.',
};

/** One notice per model the engine left out: what stopped, why (the engine's message) and what to do. */
export function UnavailableModelNotices({ unavailable, onRetry }: { unavailable: readonly UnavailableModel[]; onRetry: () => void }) {
  return unavailable.map(({ model, error }) => (
    <EngineErrorNotice key={model} title={CONSEQUENCES[model]} error={error} testId={`model-unavailable-${model}`} onRetry={onRetry} />
  ));
}
