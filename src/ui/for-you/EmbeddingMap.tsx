import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EmbeddingMap as EmbeddingMapData } from '../../protocol/engine-api';
import { useFormat } from '../format';
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, nearestToPerson } from './map-layout';

/**
 * Every product placed by how alike the model sees them, the recommended ones highlighted and the
 * person marked. The SVG is one image to assistive technology, named by a hidden summary (an
 * element, so that the product name in it can be marked English); the recommended products,
 * nearest first, are listed for screen readers beside it.
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
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  if (map.points.length === 0) return null;
  const layout = layoutMap(map);
  const recommended = new Set(recommendedIds);
  const nearest = nearestToPerson(layout, recommendedIds);
  const nearestName = nearest[0] ? nameOf(nearest[0]) : null;
  const { x: px, y: py } = layout.person;

  return (
    <section className="embedding-map-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('forYou.map.heading')}</h2>
      <p className="hint">{t('forYou.map.hint')}</p>
      <p id={`${id}-summary`} hidden>
        {t('forYou.map.summary', { products: format.number(layout.points.length) })}{' '}
        {nearestName ? (
          <Trans
            i18nKey="forYou.map.suggestionsNearest"
            count={recommended.size}
            values={{ name: nearestName }}
            components={{ product: <span lang="en" /> }}
          />
        ) : (
          t('forYou.map.suggestions', { count: recommended.size })
        )}
      </p>
      <svg
        className="embedding-map"
        data-testid="embedding-map"
        role="img"
        aria-labelledby={`${id}-summary`}
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
          <span className="legend-swatch legend-product" /> {t('forYou.map.legendProduct')}
        </li>
        <li>
          <span className="legend-swatch legend-recommended" /> {t('forYou.map.legendSuggested')}
        </li>
        <li>
          <span className="legend-swatch legend-person">×</span> {t('forYou.map.legendYou')}
        </li>
      </ul>
      <div className="visually-hidden">
        <p>{t('forYou.map.nearestList')}</p>
        <ol>
          {nearest.map((productId) => (
            <li key={productId} lang="en">
              {nameOf(productId)}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
