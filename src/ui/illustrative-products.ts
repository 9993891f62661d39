/**
 * Example product descriptions for the similarity demo. Illustrative only: not real offers and not
 * financial advice.
 */
export const ILLUSTRATIVE_PRODUCTS: readonly string[] = [
  'A high-interest savings account for building an emergency fund, with instant access to your money.',
  'A fixed-rate mortgage to help you buy your first home.',
  'A low-cost index fund for long-term retirement investing.',
  'A cashback credit card that rewards everyday spending.',
  'A personal loan to consolidate existing debts at a lower interest rate.',
  'Travel insurance covering medical emergencies and cancelled trips abroad.',
];
