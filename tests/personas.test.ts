/** The demo personas' data: six distinct people, consistent with the questionnaire and the shipped catalog. */
import { describe, expect, it } from 'vitest';
import { PERSONA_IDS } from '../src/protocol/engine-api';
import { horizonYearsFromAnswers, scoreRiskAnswers } from '../src/state/risk-questionnaire';
import { validatedEvent, validatedProfile } from '../src/worker/person-input';
import { PERSONAS } from '../src/worker/personas';
import { loadShippedCatalog } from './helpers/person-engine';

describe('the demo personas', () => {
  it('are the six of the advisor page, each with a valid profile', () => {
    expect(Object.keys(PERSONAS)).toEqual([...PERSONA_IDS]);
    expect(PERSONA_IDS).toHaveLength(6);
    for (const { profile } of Object.values(PERSONAS)) expect(validatedProfile(profile)).toEqual(profile);
    expect(new Set(Object.values(PERSONAS).map((persona) => persona.profile.goalsText)).size).toBe(6);
  });

  it('have questionnaire answers that score to their risk level and horizon', () => {
    for (const [id, { profile }] of Object.entries(PERSONAS)) {
      expect(scoreRiskAnswers(profile.answers)?.band.level, id).toBe(profile.riskLevel);
      expect(horizonYearsFromAnswers(profile.answers), id).toBe(profile.horizonYears);
    }
  });

  it('act on products of the shipped catalog, oldest first', async () => {
    const catalog = await loadShippedCatalog();
    const ids = new Set(catalog.products.map((product) => product.id));
    for (const [id, { events }] of Object.entries(PERSONAS)) {
      expect(events.length, id).toBeGreaterThanOrEqual(5);
      for (const event of events) expect(() => validatedEvent(event, (productId) => ids.has(productId))).not.toThrow();
      const daysAgo = events.map((event) => event.daysAgo);
      expect(daysAgo, id).toEqual([...daysAgo].sort((a, b) => b - a));
    }
  });

  it('span the risk levels from the most cautious to the most adventurous', () => {
    const levels = new Set(Object.values(PERSONAS).map((persona) => persona.profile.riskLevel));
    expect(levels).toContain(1);
    expect(levels).toContain(5);
  });
});
