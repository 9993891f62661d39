import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../protocol/engine-api';

/** A product's risk level in words as well as colour: "R3 medium risk". */
export function RiskBadge({ level, testId }: { level: RiskLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`risk-badge risk-${level}`} data-testid={testId} data-level={level}>
      <strong>R{level}</strong> {t(`common.risk.R${level}`)}
    </span>
  );
}
