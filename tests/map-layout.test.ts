import { describe, expect, it } from 'vitest';
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, nearestToPerson } from '../src/ui/for-you/map-layout';

describe('layoutMap', () => {
  const map = {
    points: [
      { productId: 'a', x: -10, y: 0 },
      { productId: 'b', x: 10, y: 0 },
      { productId: 'c', x: 0, y: 5 },
    ],
    person: { x: 1, y: -5 },
  };

  it('fits every point and the person inside the box, with one scale for both axes', () => {
    const layout = layoutMap(map);
    for (const point of [...layout.points, layout.person]) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    const [a, b, c] = layout.points;
    const scale = (b!.x - a!.x) / 20;
    // Up in the projection is up on screen (SVG y grows downwards).
    expect(a!.y - c!.y).toBeCloseTo(5 * scale);
    expect(layout.person.y - a!.y).toBeCloseTo(5 * scale);
  });

  it('orders products by distance from the person, leaving out ids not on the map', () => {
    expect(nearestToPerson(layoutMap(map), ['a', 'b', 'c', 'zzz'])).toEqual(['c', 'b', 'a']);
  });

  it('copes with a single point at the person', () => {
    const layout = layoutMap({ points: [{ productId: 'a', x: 2, y: 2 }], person: { x: 2, y: 2 } });
    expect(Number.isFinite(layout.points[0]!.x) && Number.isFinite(layout.person.y)).toBe(true);
  });
});
