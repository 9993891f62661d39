import { useId, useState } from 'react';
import { useEngine } from './engine-store-context';
import { EngineErrorNotice } from './EngineErrorNotice';
import { ILLUSTRATIVE_PRODUCTS } from './illustrative-products';
import { useSimilarityRanking } from './use-similarity-ranking';

/** A text box whose meaning is compared with a few example products, closest first. */
export function SimilarityDemo() {
  const inputId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const ready = useEngine((state) => state.status === 'ready');
  const { ranked, pending, error } = useSimilarityRanking(query, ILLUSTRATIVE_PRODUCTS);

  return (
    <section className="panel" aria-labelledby="similarity-heading">
      <h2 id="similarity-heading">What are you looking for?</h2>
      <div className="field">
        <label htmlFor={inputId}>Describe your need in your own words</label>
        <textarea
          id={inputId}
          rows={3}
          value={query}
          placeholder="For example: I want to put money aside for emergencies"
          aria-describedby={hintId}
          data-testid="query-input"
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <p id={hintId} className="hint">
          {ready ? 'Products update as you type.' : 'You can type now; products appear once the model is ready.'}
        </p>
      </div>

      {error && <EngineErrorNotice title="The products could not be compared." error={error} />}

      {ranked.length > 0 && (
        <ol className="similarity-list" aria-label="Illustrative products, most similar first" aria-busy={pending}>
          {ranked.map(({ sentence, score }) => (
            <li
              key={sentence}
              className="similarity-row"
              data-testid="similarity-row"
              data-sentence={sentence}
              data-score={score.toFixed(4)}
            >
              <span className="similarity-sentence">{sentence}</span>
              <span className="similarity-bar" aria-hidden="true">
                <span className="similarity-fill" style={{ width: `${Math.max(0, score) * 100}%` }} />
              </span>
              <span className="similarity-score">
                <span className="visually-hidden">Similarity </span>
                {score.toFixed(2)}
              </span>
            </li>
          ))}
        </ol>
      )}

      <p className="notice" role="note">
        Illustrative products, not financial advice.
      </p>
    </section>
  );
}
