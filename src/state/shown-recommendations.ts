/**
 * What For you may show of the latest result right now. A result answers for the person as they
 * were when it was asked for; until the next one arrives the page already shows newer actions and
 * perhaps a newer profile, and the list must not contradict them: a card the person just saved,
 * applied for or dismissed goes at once, and no card is shown at a risk level the profile on screen
 * does not allow (nor, in the above-risk list, one that it now does).
 */
import type { PersonState, Recommendation, Recommendations, RiskLevel } from '../protocol/engine-api';

export interface ShownRecommendations {
  readonly items: readonly Recommendation[];
  readonly aboveRisk: readonly Recommendation[];
}

/**
 * `result` filtered by `person` (the store's prediction) and by `riskLevel`, the level of the profile
 * shown. `riskOf` gives a product's risk level, undefined while the catalog is not known: such a
 * product is kept only where the result's own level already guarantees it belongs.
 */
export function shownRecommendations(
  result: Recommendations,
  person: PersonState,
  riskLevel: RiskLevel,
  riskOf: (productId: string) => RiskLevel | undefined,
): ShownRecommendations {
  const actedOn = new Set([...person.favourites, ...person.applied, ...person.dismissed]);
  const notActedOn = (item: Recommendation) => !actedOn.has(item.productId);
  // The engine keeps `items` at or below the result's level and `aboveRisk` above it, so only a
  // level that changed since needs each product's own risk.
  const withinLevel = (item: Recommendation) => {
    const risk = riskOf(item.productId);
    return risk !== undefined && risk <= riskLevel;
  };
  const aboveLevel = (item: Recommendation) => {
    const risk = riskOf(item.productId);
    return risk !== undefined && risk > riskLevel;
  };
  return {
    items: result.items.filter((item) => notActedOn(item) && (result.personRisk <= riskLevel || withinLevel(item))),
    aboveRisk: result.aboveRisk.filter((item) => notActedOn(item) && (result.personRisk >= riskLevel || aboveLevel(item))),
  };
}
