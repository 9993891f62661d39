/**
 * Advisor mode on the in-process engine with the shipped models (WASM backend): switching between
 * the owner and the demo personas keeps every person's data apart, a reset restores a persona, and
 * two personas' lists can be compared without disturbing the active person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_IDS, type AppEngineApi, type Catalog } from '../src/protocol/engine-api';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import type { PersonPersistence } from '../src/storage/person-persistence';
import { createInProcessEngine } from '../src/worker/in-process-engine';
import { PERSONAS } from '../src/worker/personas';
import { fileAssetSource } from '../tools/lib/file-assets';
import { loadShippedCatalog, newPersonOn, OPTIONS, R2_PROFILE, steppingClock } from './helpers/person-engine';
import { ensureModels } from './helpers/models';

let catalog: Catalog;
let owner: PersonPersistence;
let engine: AppEngineApi;
/** Set to make the owner's next read fail, as a browser's storage can. */
let failOwnerRead = false;

const ranking = async () => (await engine.recommend(OPTIONS)).items.map((item) => `${item.productId}:${item.score.toFixed(5)}`);

beforeAll(async () => {
  catalog = await loadShippedCatalog();
  owner = newPersonOn(createMemoryPersistence());
  const failing: PersonPersistence = {
    ...owner,
    loadPerson: () => {
      if (!failOwnerRead) return owner.loadPerson();
      failOwnerRead = false;
      return Promise.reject(new Error('storage unavailable'));
    },
  };
  engine = createInProcessEngine({ assets: fileAssetSource(await ensureModels()), catalog, persistence: failing, now: steppingClock(), personas: PERSONAS });
  await engine.init({ backend: 'wasm' });
  await engine.setProfile(R2_PROFILE);
  for (const productId of ['sav-001', 'sav-008', 'bond-001']) await engine.recordEvent({ productId, kind: 'favourite' });
}, 300_000);

afterAll(async () => {
  await engine.dispose();
});

describe('advisor mode', () => {
  it('lists the six personas with their starting data', async () => {
    const personas = await engine.personas();
    expect(personas.map((persona) => persona.id)).toEqual([...PERSONA_IDS]);
    for (const { id, person } of personas) {
      expect(person.profile).toEqual(PERSONAS[id].profile);
      expect(person.eventCount).toBe(PERSONAS[id].events.length);
    }
  });

  it("works on the persona while it is active and never writes to the owner's storage", async () => {
    const ownerBefore = await owner.loadPerson();
    const ownerRanking = await ranking();

    const persona = await engine.switchPerson({ kind: 'persona', id: 'high-income-investor' });
    expect(persona.profile?.riskLevel).toBe(5);
    expect(persona.favourites).toEqual(['pen-004']);
    expect((await engine.recommend(OPTIONS)).personRisk).toBe(5);
    expect(await engine.storedPerson()).toEqual(persona);

    const acted = await engine.recordEvent({ productId: 'fund-002', kind: 'favourite' });
    expect(acted.favourites).toEqual(['pen-004', 'fund-002']);
    await engine.setProfile({ ...PERSONAS['high-income-investor'].profile, age: 46 });
    expect(await owner.loadPerson()).toEqual(ownerBefore);

    const back = await engine.switchPerson({ kind: 'owner' });
    expect(back.profile).toEqual(R2_PROFILE);
    expect(back.favourites).toEqual(['sav-001', 'sav-008', 'bond-001']);
    expect(await ranking()).toEqual(ownerRanking);
    expect(await owner.loadPerson()).toEqual(ownerBefore);

    // The persona kept what was done as it, until it is reset.
    const again = await engine.switchPerson({ kind: 'persona', id: 'high-income-investor' });
    expect(again.favourites).toEqual(['pen-004', 'fund-002']);
    expect(again.profile?.age).toBe(46);
    await engine.switchPerson({ kind: 'owner' });
  });

  it('refuses the data controls while a persona is active, and allows them again for the owner', async () => {
    await engine.switchPerson({ kind: 'persona', id: 'young-saver' });
    for (const control of [
      () => engine.exportData(),
      () => engine.storedData(),
      () => engine.eraseAll(),
      () => engine.importData('{}'),
      () => engine.setRetention(30),
      () => engine.setPassphrase('a long passphrase'),
    ]) {
      await expect(control()).rejects.toMatchObject({ code: 'ADVISOR_MODE' });
    }
    await engine.switchPerson({ kind: 'owner' });
    expect((await engine.exportData()).profile).toEqual(R2_PROFILE);
  });

  it('reset puts a persona back to its starting data, active or not', async () => {
    await engine.switchPerson({ kind: 'persona', id: 'first-home-buyer' });
    await engine.recordEvent({ productId: 'loan-006', kind: 'apply' });
    await engine.recordEvent({ productId: 'sav-013', kind: 'not_interested' });
    const reset = await engine.resetPersona('first-home-buyer');
    expect(reset.eventCount).toBe(PERSONAS['first-home-buyer'].events.length);
    expect(reset.applied).toEqual([]);
    expect(reset.favourites).toEqual(['sav-013']);
    expect(await engine.storedPerson()).toEqual(reset);
    await engine.switchPerson({ kind: 'owner' });

    await engine.switchPerson({ kind: 'persona', id: 'pre-retiree' });
    await engine.recordEvent({ productId: 'pen-001', kind: 'favourite' });
    await engine.switchPerson({ kind: 'owner' });
    const inactiveReset = await engine.resetPersona('pre-retiree');
    expect(inactiveReset.favourites).toEqual(['pen-007']);
    expect((await engine.storedPerson()).profile).toEqual(R2_PROFILE);
  });

  it("compares two personas' lists within their risk levels, leaving the active person's list as it was", async () => {
    const ownerRanking = await ranking();
    const cautious = await engine.recommendFor('cautious-retiree', OPTIONS);
    const bold = await engine.recommendFor('high-income-investor', OPTIONS);
    const riskOf = new Map(catalog.products.map((product) => [product.id, product.risk_level]));
    expect(cautious.personRisk).toBe(1);
    expect(cautious.items.every((item) => riskOf.get(item.productId) === 1)).toBe(true);
    expect(bold.personRisk).toBe(5);
    expect(cautious.items.map((item) => item.productId)).not.toEqual(bold.items.map((item) => item.productId));
    // Dismissed products stay out, as on the persona's own For-you page.
    expect(cautious.items.map((item) => item.productId)).not.toContain('fund-006');
    for (const item of [...cautious.items, ...bold.items]) expect(item.reasons.length).toBeGreaterThan(0);
    expect(await ranking()).toEqual(ownerRanking);
  });

  it('a switch that fails changes nothing: the persona stays active, and the data controls stay refused', async () => {
    const persona = await engine.switchPerson({ kind: 'persona', id: 'young-family' });
    failOwnerRead = true;
    await expect(engine.switchPerson({ kind: 'owner' })).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await engine.storedPerson()).toEqual(persona);
    expect((await engine.recommend(OPTIONS)).personRisk).toBe(3);
    await expect(engine.exportData()).rejects.toMatchObject({ code: 'ADVISOR_MODE' });
    expect((await engine.switchPerson({ kind: 'owner' })).profile).toEqual(R2_PROFILE);
  });

  it('rejects a persona it does not have', async () => {
    await expect(engine.switchPerson({ kind: 'persona', id: 'nobody' as 'young-saver' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.resetPersona('nobody' as 'young-saver')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await engine.storedPerson()).profile).toEqual(R2_PROFILE);
  });
});
