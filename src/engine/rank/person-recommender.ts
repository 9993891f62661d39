/**
 * The For-you recommender for the one person on this device: the shipped GNN run incrementally on
 * the active tfjs backend (`createGnnTfjsSession`), the For-you picker (suitability guard, MMR
 * diversity, evidence) and the reasons shown with each product, plus a 2-D map of the products
 * with the person placed among them.
 */
import type { GoalTag, Product, RiskLevel } from '../catalog';
import { EngineError } from '../errors';
import type { GnnItemSide } from '../gnn/model';
import { createGnnTfjsSession, type GnnTfjsSession } from '../gnn/session-tfjs';
import { principalPlane, projectOntoPlane } from './embedding-map';
import { pickForYou, scoreEvidence, type ScoreEvidence } from './for-you';
import { matchGoals } from './goal-match';
import { historyOf, modelEvents, strongestContact, summarisePerson, type PersonEvent } from './person-log';
import { reasonsFor, type ProductFacts, type ReasonContext, type RecommendationReason } from './recommendation-reasons';
import type { SideEvent, UserProfile } from './recommender';

/** What the recommender needs to know about the person, their goals text already embedded. */
export interface PersonProfile {
  readonly riskLevel: RiskLevel;
  readonly horizonYears: number;
  readonly age: number;
  /** The whole goals text, embedded (the model's input). */
  readonly goalsEmbedding: Float32Array;
  /** Each clause of the goals text, embedded (`goalClauses`), for the goals it names. */
  readonly clauseEmbeddings: readonly Float32Array[];
}

export interface RecommendOptions {
  /** How many products to return, 1–50. */
  readonly limit: number;
  /** 0: pure relevance; towards 1, less alike products (MMR with λ = 1 − diversity). */
  readonly diversity: number;
  /** Also return, as a separate list, the best products above the person's risk level. */
  readonly includeAboveRisk: boolean;
}

export interface Recommendation {
  readonly productId: string;
  readonly score: number;
  /** At least one reason; the strongest first. */
  readonly reasons: readonly RecommendationReason[];
}

export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

export interface PersonRecommendations {
  readonly items: readonly Recommendation[];
  readonly aboveRisk: readonly Recommendation[];
  readonly personRisk: RiskLevel;
  readonly map: { readonly points: readonly (MapPoint & { readonly productId: string })[]; readonly person: MapPoint };
  readonly elapsedMs: number;
}

export interface PersonRecommender {
  /** Sets the person's profile (the model's input, their risk level and their goals). */
  setProfile(profile: PersonProfile): void;
  /** Brings the model up to date with the whole stored log (incrementally when it only grew). */
  replay(events: readonly PersonEvent[]): void;
  /** NOT_READY until a profile is set; INVALID_INPUT for options out of range. */
  recommend(options: RecommendOptions): Promise<PersonRecommendations>;
  /** Frees the session's tensors (the model's shared tables stay; see `releaseGnnItemTensors`). */
  dispose(): void;
}

export const MAX_RECOMMENDATIONS = 50;

function sameEvent(a: SideEvent | undefined, b: SideEvent | undefined): boolean {
  return a !== undefined && b !== undefined && a.item === b.item && a.event === b.event && a.timestamp === b.timestamp;
}

function validateOptions(options: RecommendOptions): void {
  const { limit, diversity, includeAboveRisk } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECOMMENDATIONS) {
    throw new EngineError('INVALID_INPUT', `Ask for between 1 and ${MAX_RECOMMENDATIONS} recommendations (got ${limit}).`);
  }
  if (typeof diversity !== 'number' || !(diversity >= 0 && diversity <= 1)) {
    throw new EngineError('INVALID_INPUT', `Diversity must be between 0 and 1 (got ${diversity}).`);
  }
  if (typeof includeAboveRisk !== 'boolean') throw new EngineError('INVALID_INPUT', 'includeAboveRisk must be true or false.');
}

/**
 * A recommender over `model` for the catalog `products`, whose model rows are `rowOf` (checked by
 * `catalogRows`). `goalPhrases` holds the embedding of each goal tag's phrase (`GOAL_PHRASES`).
 */
export function createPersonRecommender(
  model: GnnItemSide,
  products: readonly Product[],
  rowOf: ReadonlyMap<string, number>,
  goalPhrases: ReadonlyMap<GoalTag, Float32Array>,
): PersonRecommender {
  const rows = new Array<ProductFacts>(model.itemCount);
  const itemRisk = new Float64Array(model.itemCount);
  for (const product of products) {
    const row = rowOf.get(product.id);
    if (row === undefined) throw new EngineError('MODEL_LOAD_FAILED', `The recommendation model does not know product ${product.id}. Run "npm run models".`);
    rows[row] = { productId: product.id, risk: product.risk_level, goals: product.goals };
    itemRisk[row] = product.risk_level;
  }
  // The products' map positions depend on the model alone: computed once.
  const plane = principalPlane(model.itemFinal, model.itemCount, model.dim);
  const points = rows.map((row, item) => ({ productId: row.productId, ...projectOntoPlane(plane, model.itemFinal, item * model.dim) }));

  let session: GnnTfjsSession = createGnnTfjsSession(model);
  let fed: SideEvent[] = [];
  let log: readonly PersonEvent[] = [];
  let person: { readonly profile: PersonProfile; readonly user: UserProfile; readonly goals: Map<GoalTag, number> } | undefined;

  const rebuild = (events: readonly SideEvent[]): void => {
    session.dispose();
    session = createGnnTfjsSession(model, person ? { profile: person.user } : {});
    for (const event of events) session.addEvent(event);
  };

  return {
    setProfile(profile) {
      const user: UserProfile = { riskTolerance: profile.riskLevel, horizonYears: profile.horizonYears, age: profile.age, goalsEmbedding: profile.goalsEmbedding };
      person = { profile, user, goals: matchGoals(goalPhrases, profile.clauseEmbeddings) };
      session.setProfile(user);
    },

    replay(events) {
      log = events;
      const next = modelEvents(events, rowOf);
      // The session cannot take a positive back (a favourite later removed now reads as a click),
      // so when the model's view of the past changed, a new session replays the log: O(K·dim)
      // per event, milliseconds for hundreds of events.
      const grew = next.length >= fed.length && fed.every((event, index) => sameEvent(event, next[index]));
      if (grew) for (const event of next.slice(fed.length)) session.addEvent(event);
      else rebuild(next);
      fed = next;
    },

    async recommend(options) {
      validateOptions(options);
      if (!person) throw new EngineError('NOT_READY', 'Tell us about yourself first: recommendations need your answers to the questions.');
      const started = performance.now();
      const { profile, user, goals } = person;
      const scores = await session.scores();
      const history = historyOf(fed, user);
      const summary = summarisePerson(log);
      // For you shows what the person has not acted on yet: what they saved or applied for is on
      // their profile already, and repeating it would crowd out new products.
      const excluded = new Set<number>();
      for (const id of [...summary.applied, ...summary.dismissed, ...summary.favourites]) {
        const row = rowOf.get(id);
        if (row !== undefined) excluded.add(row);
      }
      const context: ReasonContext = { rows, contact: strongestContact(log, summary), goals, personRisk: profile.riskLevel };
      const recommendation = (item: number, score: number, evidence: ScoreEvidence): Recommendation => ({
        productId: rows[item]?.productId ?? '',
        score,
        reasons: reasonsFor(context, item, evidence),
      });
      const picks = pickForYou(model, history, scores, itemRisk, { limit: options.limit, maxRisk: profile.riskLevel, diversity: options.diversity, excluded });
      const items = picks.map((pick) => recommendation(pick.item, pick.score, pick));
      let aboveRisk: Recommendation[] = [];
      if (options.includeAboveRisk) {
        const candidates = [...itemRisk.keys()].filter((item) => (itemRisk[item] ?? 0) > profile.riskLevel && !excluded.has(item));
        candidates.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
        aboveRisk = candidates.slice(0, options.limit).map((item) => recommendation(item, scores[item] ?? 0, scoreEvidence(model, history, item)));
      }
      const representation = await session.representation();
      return {
        items,
        aboveRisk,
        personRisk: profile.riskLevel,
        map: { points, person: projectOntoPlane(plane, representation) },
        elapsedMs: performance.now() - started,
      };
    },

    dispose() {
      session.dispose();
    },
  };
}
