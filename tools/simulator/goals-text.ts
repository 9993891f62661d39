import type { GoalTag } from '../../src/engine/catalog';
import type { Rng } from '../lib/random';

/** Ways a customer might phrase each goal after "I want to". */
function goalPhrases(goal: GoalTag, age: number): readonly string[] {
  switch (goal) {
    case 'retirement':
      return age >= 63
        ? ['make my retirement savings last', 'live comfortably in retirement']
        : ['save for a comfortable retirement', 'build up my pension'];
    case 'education':
      return age < 26 ? ['pay for my studies', 'fund my degree'] : ["save for my children's education", 'put money aside for university fees'];
    case 'home':
      return age < 40 ? ['buy my first home', 'save a deposit for a flat'] : ['buy a bigger home', 'pay for work on my house'];
    case 'emergency_fund':
      return ['keep an emergency fund', 'have a safety net for unexpected bills'];
    case 'growth':
      return ['grow my money over the long term', 'invest for long-term growth'];
    case 'income':
      return ['earn a regular income from my savings', 'get a steady monthly income'];
    case 'protection':
      return ['protect my family if something happens to me', 'insure myself against the unexpected'];
    case 'travel':
      return ['save for travelling', 'pay for trips abroad'];
    case 'capital_preservation':
      return ['keep my savings safe', 'protect what I have saved from losses'];
    case 'everyday_spending':
      return ['manage my everyday spending', 'get rewards on my daily purchases'];
    case 'debt_consolidation':
      return ['pay off my debts', 'bring my debts under control'];
  }
}

const RISK_SENTENCES: Readonly<Record<number, readonly string[]>> = {
  1: ["I don't want to take any risk.", 'I cannot afford to lose money.'],
  2: ['I prefer to play it safe.', 'I can accept only small ups and downs.'],
  3: ['I can accept some ups and downs.', 'A moderate amount of risk is fine for me.'],
  4: ["I'm comfortable with risk for better returns.", "I don't mind swings in value."],
  5: ['I am happy to take high risks for high returns.', 'I can live with big losses in bad years.'],
};

/** A short first-person sentence of the goals, then one about risk, e.g. "I want to buy my first home and keep an emergency fund. I prefer to play it safe." */
export function goalsText(rng: Rng, goals: readonly GoalTag[], age: number, riskTolerance: number): string {
  const phrases = goals.map((goal) => {
    const options = goalPhrases(goal, age);
    return options[rng.int(options.length)]!;
  });
  const last = phrases.pop()!;
  const joined = phrases.length === 0 ? last : `${phrases.join(', ')} and ${last}`;
  const riskOptions = RISK_SENTENCES[riskTolerance]!;
  return `I want to ${joined}. ${riskOptions[rng.int(riskOptions.length)]!}`;
}
