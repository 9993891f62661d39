import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';

/** Sizes as the privacy center shows them: exact below a kilobyte, where the shared format would say "0 kB". */
export function useByteText(): (bytes: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (bytes) => (bytes < 1000 ? t('privacy.bytesExact', { bytes: format.number(bytes) }) : format.bytes(bytes));
}
