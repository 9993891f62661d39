import type { EmbeddingMap } from '../../protocol/engine-api';

export const MAP_WIDTH = 100;
export const MAP_HEIGHT = 70;
const MARGIN = 4;

export interface PlacedPoint {
  readonly productId: string;
  readonly x: number;
  readonly y: number;
}

export interface MapLayout {
  readonly points: readonly PlacedPoint[];
  readonly person: { readonly x: number; readonly y: number };
}

/**
 * Fits the map's points and the person into the SVG's box with a margin, keeping the aspect of the
 * projection (one scale for both axes) so that distances on screen mean what they mean in the map.
 */
export function layoutMap(map: EmbeddingMap): MapLayout {
  const all = [...map.points, map.person];
  const xs = all.map((point) => point.x);
  const ys = all.map((point) => point.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX || 1;
  const spanY = Math.max(...ys) - minY || 1;
  const scale = Math.min((MAP_WIDTH - 2 * MARGIN) / spanX, (MAP_HEIGHT - 2 * MARGIN) / spanY);
  // Centre the drawing in whichever direction has room to spare.
  const offsetX = (MAP_WIDTH - spanX * scale) / 2;
  const offsetY = (MAP_HEIGHT - spanY * scale) / 2;
  const place = (point: { x: number; y: number }) => ({
    x: offsetX + (point.x - minX) * scale,
    // SVG's y grows downwards; flip it so that "up" in the projection is up on screen.
    y: MAP_HEIGHT - (offsetY + (point.y - minY) * scale),
  });
  return {
    points: map.points.map((point) => ({ productId: point.productId, ...place(point) })),
    person: place(map.person),
  };
}

/** Product ids by distance from the person on the map, nearest first. */
export function nearestToPerson(layout: MapLayout, productIds: readonly string[]): string[] {
  const distance = new Map(
    layout.points.map((point) => [point.productId, Math.hypot(point.x - layout.person.x, point.y - layout.person.y)]),
  );
  return productIds
    .filter((id) => distance.has(id))
    .sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0));
}
