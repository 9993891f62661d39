/**
 * A person's profile as a feature vector, the user node's own input to layer 0 of the GNN. The
 * same function serves training (tools/train/gnn.ts) and the device, so a profile means the same
 * thing in both places.
 *
 * Layout: [bias 1 | risk tolerance one-hot R1–R5 | horizon | age band one-hot | goals embedding].
 * The constant bias lets a person with no events still get a learned starting point; one-hot risk
 * and age bands let the model learn non-monotone effects (a retiree is not "more" than a student).
 */
import type { UserProfile } from '../rank/recommender';

/** Upper edges (exclusive) of the age bands; the last band is open. */
export const AGE_BAND_EDGES: readonly number[] = [30, 45, 60];
const RISK_LEVELS = 5;
/** Horizons beyond this many years are treated alike. */
const MAX_HORIZON_YEARS = 40;
/** Features before the goals embedding (bias, risk, horizon, age bands). */
export const FIXED_FEATURES = 1 + RISK_LEVELS + 1 + AGE_BAND_EDGES.length + 1;

/** Length of the profile feature vector for goals embeddings of `embeddingDim`. */
export function profileFeatureDim(embeddingDim: number): number {
  return FIXED_FEATURES + embeddingDim;
}

/** The age band index: 0 for under 30, then 30–44, 45–59, 60 and over. */
export function ageBand(age: number): number {
  const band = AGE_BAND_EDGES.findIndex((edge) => age < edge);
  return band < 0 ? AGE_BAND_EDGES.length : band;
}

/**
 * The features of a person without a profile: the bias alone, i.e. the learned "average person".
 * A model trained on data without profiles takes exactly this one feature (`dim` 1).
 */
export function biasOnlyFeatures(dim: number): Float32Array {
  const out = new Float32Array(dim);
  if (dim > 0) out[0] = 1;
  return out;
}

/** The profile's feature vector (see the file comment for the layout), written into `out` when given. */
export function profileFeatures(profile: UserProfile, out = new Float32Array(profileFeatureDim(profile.goalsEmbedding.length))): Float32Array {
  if (out.length !== profileFeatureDim(profile.goalsEmbedding.length)) {
    throw new RangeError(`profile features need ${profileFeatureDim(profile.goalsEmbedding.length)} values, got room for ${out.length}`);
  }
  out.fill(0);
  out[0] = 1;
  const risk = Math.min(RISK_LEVELS, Math.max(1, Math.round(profile.riskTolerance)));
  out[risk] = 1;
  const horizon = Math.min(MAX_HORIZON_YEARS, Math.max(0, profile.horizonYears));
  out[1 + RISK_LEVELS] = Math.log1p(horizon) / Math.log1p(MAX_HORIZON_YEARS);
  out[2 + RISK_LEVELS + ageBand(profile.age)] = 1;
  out.set(profile.goalsEmbedding, FIXED_FEATURES);
  return out;
}
