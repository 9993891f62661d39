import type { RecommendationReason } from '../../protocol/engine-api';
import { EVENT_VERBS, GOAL_LABELS } from '../labels';

/** A recommendation reason as a sentence; `nameOf` gives a product's display name. */
export function reasonText(reason: RecommendationReason, nameOf: (productId: string) => string): string {
  switch (reason.kind) {
    case 'interaction':
      return `Similar to ${nameOf(reason.productId)} you ${EVENT_VERBS[reason.event]}`;
    case 'goal':
      return `Matches your goal: ${GOAL_LABELS[reason.goal]}`;
    case 'profile':
      return 'Fits your profile';
    case 'risk':
      return reason.productRisk <= reason.personRisk
        ? `R${reason.productRisk}, within your R${reason.personRisk} level`
        : `R${reason.productRisk}, above your R${reason.personRisk} level`;
  }
}
