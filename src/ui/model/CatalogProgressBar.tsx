import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CatalogEncoding, EngineStatus } from '../../state/engine-store';
import { ProgressBar } from '../common/ProgressBar';
import { percentOf, useFormat } from '../format';

/**
 * Progress of encoding the catalog's descriptions on this device. When the engine is ready without
 * having reported any encoding, a cached encoding from an earlier visit was used.
 */
export function CatalogProgressBar({
  encoding,
  status,
  testId,
}: {
  encoding: CatalogEncoding | null;
  status: EngineStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = status === 'ready';
  const percent = done ? 100 : encoding ? percentOf(encoding.encoded, encoding.total) : 0;
  const caption = captionFor(t, encoding, done);
  const numbers = encoding
    ? t('model.progress.products', {
        count: encoding.total,
        encoded: format.number(done ? encoding.total : encoding.encoded),
        total: format.number(encoding.total),
      })
    : '';

  return <ProgressBar label={t('model.progress.catalogLabel')} percent={percent} caption={caption} numbers={numbers} testId={testId} />;
}

function captionFor(t: TFunction, encoding: CatalogEncoding | null, done: boolean): string {
  if (done) return encoding ? t('model.progress.catalogEncoded') : t('model.progress.catalogReused');
  return encoding ? t('model.progress.catalogEncoding') : t('model.progress.catalogWaiting');
}
