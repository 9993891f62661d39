import type { RiskLevel } from '../../protocol/engine-api';

const PRODUCT_RISK_WORDS: Readonly<Record<RiskLevel, string>> = {
  1: 'lowest risk',
  2: 'low risk',
  3: 'medium risk',
  4: 'high risk',
  5: 'highest risk',
};

/** A product's risk level in words as well as colour: "R3 medium risk". */
export function RiskBadge({ level, testId }: { level: RiskLevel; testId?: string }) {
  return (
    <span className={`risk-badge risk-${level}`} data-testid={testId} data-level={level}>
      <strong>R{level}</strong> {PRODUCT_RISK_WORDS[level]}
    </span>
  );
}
