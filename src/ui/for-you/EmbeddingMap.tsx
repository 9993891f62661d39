import { useId } from 'react';
import type { EmbeddingMap as EmbeddingMapData } from '../../protocol/engine-api';
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, nearestToPerson } from './map-layout';

/**
 * Every product placed by how alike the model sees them, the recommended ones highlighted and the
 * person marked. The SVG is one image to assistive technology (summarised in its label); the
 * recommended products, nearest first, are listed for screen readers beside it.
 */
export function EmbeddingMap({
  map,
  recommendedIds,
  nameOf,
}: {
  map: EmbeddingMapData;
  recommendedIds: readonly string[];
  nameOf: (productId: string) => string;
}) {
  const id = useId();
  if (map.points.length === 0) return null;
  const layout = layoutMap(map);
  const recommended = new Set(recommendedIds);
  const nearest = nearestToPerson(layout, recommendedIds);
  const nearestName = nearest[0] ? nameOf(nearest[0]) : null;
  const summary =
    `Map of ${layout.points.length} products, placed so that products the model sees as alike are close together. ` +
    `Your ${recommended.size} suggestions are highlighted and a cross marks you` +
    (nearestName ? `; the suggestion nearest to you is ${nearestName}.` : '.');
  const { x: px, y: py } = layout.person;

  return (
    <section className="embedding-map-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Where your suggestions sit</h2>
      <p className="hint">
        Each dot is a product; products the model sees as alike sit close together. The filled dots are your
        suggestions and the cross is you, placed by your profile and what you have done.
      </p>
      <svg
        className="embedding-map"
        data-testid="embedding-map"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <rect className="map-frame" x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} rx={1.5} />
        {layout.points
          .filter((point) => !recommended.has(point.productId))
          .map((point) => (
            <circle key={point.productId} className="map-point" cx={point.x} cy={point.y} r={0.8} />
          ))}
        {layout.points
          .filter((point) => recommended.has(point.productId))
          .map((point) => (
            <circle key={point.productId} className="map-point map-point-recommended" cx={point.x} cy={point.y} r={1.6} />
          ))}
        <path className="map-person" d={`M${px - 2.2},${py - 2.2} L${px + 2.2},${py + 2.2} M${px - 2.2},${py + 2.2} L${px + 2.2},${py - 2.2}`} />
      </svg>
      <ul className="map-legend" aria-hidden="true">
        <li>
          <span className="legend-swatch legend-product" /> Product
        </li>
        <li>
          <span className="legend-swatch legend-recommended" /> Suggested for you
        </li>
        <li>
          <span className="legend-swatch legend-person">×</span> You
        </li>
      </ul>
      <div className="visually-hidden">
        <p>Your suggestions on the map, nearest to you first:</p>
        <ol>
          {nearest.map((productId) => (
            <li key={productId}>{nameOf(productId)}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
