import type { Product } from './schema';

/**
 * The text of a product that the encoder embeds: its name, then its description. The same text as
 * the `text` column of the simulated datasets (tools/simulator/csv.ts), which the recommendation
 * model was trained with, so search and training see products alike.
 */
export function productText(product: Pick<Product, 'name' | 'description'>): string {
  return `${product.name}. ${product.description}`;
}
