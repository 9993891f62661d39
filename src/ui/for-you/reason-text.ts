import type { TFunction } from 'i18next';
import type { RecommendationReason } from '../../protocol/engine-api';

/**
 * A reason's sentence in pieces: text in the page's language, and the product a reason names kept
 * apart, since its name is English product data that the UI marks lang="en".
 */
export type ReasonPart = string | { readonly productName: string };

/**
 * Stands in for the product name while its sentence is translated whole, then is cut back out. A
 * private-use character, which no catalog text contains.
 */
const NAME_SLOT = '\uE000';

/** A recommendation reason as a sentence; `nameOf` gives a product's display name. */
export function reasonParts(
  reason: RecommendationReason,
  nameOf: (productId: string) => string,
  t: TFunction,
): readonly ReasonPart[] {
  switch (reason.kind) {
    case 'interaction': {
      const sentence = t('forYou.reason.interaction', { name: NAME_SLOT, verb: t(`labels.eventVerb.${reason.event}`) });
      const [before = '', after = ''] = sentence.split(NAME_SLOT);
      return [before, { productName: nameOf(reason.productId) }, after];
    }
    case 'goal':
      return [t('forYou.reason.goal', { goal: t(`labels.goal.${reason.goal}`) })];
    case 'profile':
      return [t('forYou.reason.profile')];
    case 'risk':
      return [
        t(reason.productRisk <= reason.personRisk ? 'forYou.reason.riskWithin' : 'forYou.reason.riskAbove', {
          productRisk: reason.productRisk,
          personRisk: reason.personRisk,
        }),
      ];
  }
}
