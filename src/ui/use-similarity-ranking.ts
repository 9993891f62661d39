import { useEffect, useState } from 'react';
import type { SerializedError } from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import { rankBySimilarity, type ScoredSentence } from './rank-by-similarity';
import { useDebouncedValue } from './use-debounced-value';
import { useEngine } from './engine-store-context';

/** Wait this long after the last keystroke before embedding, so typing stays smooth. */
const TYPING_PAUSE_MS = 200;

export interface SimilarityRanking {
  /** Sentences, most similar first, for the last query that finished; empty before any query. */
  readonly ranked: readonly ScoredSentence[];
  /** The ranking shown is for an older query (or none yet) and a newer one is being computed. */
  readonly pending: boolean;
  readonly error: SerializedError | null;
}

interface SentenceRows {
  readonly session: number;
  readonly rows: readonly Float32Array[];
}

interface QueryOutcome {
  readonly query: string;
  readonly session: number;
  readonly ranked: readonly ScoredSentence[];
  readonly error: SerializedError | null;
}

/**
 * Ranks `sentences` by cosine similarity to `query`, re-ranking shortly after the query changes.
 * The sentences are embedded once per engine session; each query costs one embed() call.
 */
export function useSimilarityRanking(query: string, sentences: readonly string[]): SimilarityRanking {
  const ready = useEngine((state) => state.status === 'ready');
  const session = useEngine((state) => state.session);
  const embed = useEngine((state) => state.embed);
  const settledQuery = useDebouncedValue(query.trim(), TYPING_PAUSE_MS);

  const [sentenceRows, setSentenceRows] = useState<SentenceRows | null>(null);
  const [sentenceError, setSentenceError] = useState<SerializedError | null>(null);
  const [outcome, setOutcome] = useState<QueryOutcome | null>(null);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    embed(sentences).then(
      (rows) => {
        if (current) {
          setSentenceRows({ session, rows });
          setSentenceError(null);
        }
      },
      (error: unknown) => {
        if (current) setSentenceError(toSerializedError(error));
      },
    );
    return () => {
      current = false;
    };
  }, [ready, session, embed, sentences]);

  const rowsForSession = sentenceRows?.session === session ? sentenceRows.rows : null;

  useEffect(() => {
    if (!ready || !rowsForSession || settledQuery === '') return;
    let current = true;
    embed([settledQuery]).then(
      ([queryRow]) => {
        if (!current || !queryRow) return;
        const ranked = rankBySimilarity(queryRow, sentences, rowsForSession);
        setOutcome({ query: settledQuery, session, ranked, error: null });
      },
      (error: unknown) => {
        if (current) setOutcome({ query: settledQuery, session, ranked: [], error: toSerializedError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [ready, rowsForSession, settledQuery, session, embed, sentences]);

  if (query.trim() === '') return { ranked: [], pending: false, error: sentenceError };
  const upToDate = outcome !== null && outcome.query === query.trim() && outcome.session === session;
  return {
    ranked: outcome?.ranked ?? [],
    pending: ready && !upToDate,
    error: sentenceError ?? outcome?.error ?? null,
  };
}
