/**
 * Why a product is recommended, in words the UI can show, from the model's own evidence: the
 * product the person acted on that raised its score most, a goal of theirs that the product
 * serves, their profile's share of the score, and always how its risk compares with theirs.
 */
import type { GoalTag, RiskLevel } from '../catalog';
import type { EvidenceKind } from './person-log';
import type { ScoreEvidence } from './for-you';

/** One reason; a list of them is ordered strongest (most specific to the person) first. */
export type RecommendationReason =
  /** A product the person acted on that raised this score most (its exact share of the score, in score units). */
  | { readonly kind: 'interaction'; readonly productId: string; readonly event: EvidenceKind; readonly share: number }
  /** One of the product's goals matches what the person wrote (cosine of their texts). */
  | { readonly kind: 'goal'; readonly goal: GoalTag; readonly similarity: number }
  /** The person's profile (risk level, horizon, age, goals) raised this score (its share). */
  | { readonly kind: 'profile'; readonly share: number }
  /** How the product's risk level compares with the person's. */
  | { readonly kind: 'risk'; readonly productRisk: RiskLevel; readonly personRisk: RiskLevel };

/** What the reasons need to know of a product. */
export interface ProductFacts {
  readonly productId: string;
  readonly risk: RiskLevel;
  readonly goals: readonly GoalTag[];
}

/** What the reasons are drawn from, besides the model. */
export interface ReasonContext {
  /** Per model row, the product's facts. */
  readonly rows: readonly ProductFacts[];
  /** The person's strongest contact with each product they acted on. */
  readonly contact: ReadonlyMap<string, EvidenceKind>;
  /** The goal tags the person's goals text names, with their similarity. */
  readonly goals: ReadonlyMap<GoalTag, number>;
  readonly personRisk: RiskLevel;
}

/**
 * The reasons for recommending the product at model row `row`, at least one, in this order: the
 * person's own action (most specific), a goal they named, their profile (only when no action is
 * cited), and the risk comparison (always).
 */
export function reasonsFor(context: ReasonContext, row: number, evidence: ScoreEvidence): RecommendationReason[] {
  const reasons: RecommendationReason[] = [];
  const product = context.rows[row];
  const neighbour = evidence.because ? context.rows[evidence.because.item] : undefined;
  // Cited only for something the person did to it that they would recognise (see `strongestContact`).
  const event = neighbour ? context.contact.get(neighbour.productId) : undefined;
  const acted = evidence.because !== undefined && neighbour !== undefined && event !== undefined;
  if (acted) reasons.push({ kind: 'interaction', productId: neighbour.productId, event, share: evidence.because.share });
  let goal: { goal: GoalTag; similarity: number } | undefined;
  for (const tag of product?.goals ?? []) {
    const similarity = context.goals.get(tag);
    if (similarity !== undefined && (goal === undefined || similarity > goal.similarity)) goal = { goal: tag, similarity };
  }
  if (goal) reasons.push({ kind: 'goal', ...goal });
  if (evidence.profileShare > 0 && !acted) reasons.push({ kind: 'profile', share: evidence.profileShare });
  if (product) reasons.push({ kind: 'risk', productRisk: product.risk, personRisk: context.personRisk });
  return reasons;
}
