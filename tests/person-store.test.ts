import { describe, expect, it } from 'vitest';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { deferred, FakeEngine, settle, TEST_PROFILE } from './helpers/fake-engine-api';

async function setUp({ ready = true, restoredProfile = false } = {}) {
  const engine = new FakeEngine();
  if (restoredProfile) engine.person = { ...engine.person, profile: TEST_PROFILE };
  const stores = createAppStores(engine, 'auto');
  void stores.engine.getState().start('auto');
  if (ready) {
    engine.initGate.resolve();
    await settle();
  }
  return { engine, stores, person: stores.person };
}

describe('person store', () => {
  it('shows a profile and events at once while the model loads, and saves them in order once it is ready', async () => {
    const { engine, stores, person } = await setUp({ ready: false });
    void person.getState().saveProfile(TEST_PROFILE);
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    await settle();

    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, profileStatus: 'waiting', pendingEvents: 1, restored: false });
    expect(person.getState().person.favourites).toEqual(['sav-1']);
    expect(engine.events).toEqual([]);
    expect(engine.recommendCalls).toEqual([]);

    engine.initGate.resolve();
    await settle();
    expect(stores.engine.getState().status).toBe('ready');
    expect(engine.person.profile).toEqual(TEST_PROFILE);
    expect(engine.events).toEqual([{ productId: 'sav-1', kind: 'favourite' }]);
    expect(person.getState()).toMatchObject({ profileStatus: 'saved', pendingEvents: 0, restored: true, recommendationsStatus: 'ready' });
    // Only the result that had seen the event is shown.
    expect(person.getState().recommendations?.items[0]?.score).toBe(1);
    expect(person.getState().revision).toBe(1);
  });

  it('takes a returning person’s profile from the engine and recommends without being asked', async () => {
    const { person } = await setUp({ restoredProfile: true });
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, restored: true, revision: 1 });
    expect(person.getState().recommendations?.personRisk).toBe(2);
  });

  it('recognises a returning person from storage before the model has loaded', async () => {
    const { person } = await setUp({ ready: false, restoredProfile: true });
    expect(person.getState()).toMatchObject({ profile: null, restored: false });
    await person.getState().loadStoredPerson();
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, restored: true, recommendations: null });
  });

  it('keeps a profile submitted while the stored one was being read', async () => {
    const { person } = await setUp({ ready: false, restoredProfile: true });
    const mine = { ...TEST_PROFILE, goalsText: 'Something new.' };
    void person.getState().saveProfile(mine);
    await person.getState().loadStoredPerson();
    expect(person.getState()).toMatchObject({ profile: mine, restored: true, profileStatus: 'waiting' });
  });

  it('asks for nothing before there is a profile', async () => {
    const { engine, person } = await setUp();
    await person.getState().refresh();
    expect(engine.recommendCalls).toEqual([]);
    expect(person.getState()).toMatchObject({ recommendationsStatus: 'idle', revision: 0, refreshing: false });
  });

  it('refreshes after every event, keeping the old list visible meanwhile', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    const before = person.getState().recommendations;
    engine.recommendGate = deferred();

    void person.getState().recordEvent({ productId: 'sav-1', kind: 'click' });
    await settle();
    expect(person.getState()).toMatchObject({ refreshing: true, recommendations: before, revision: 1 });

    engine.recommendGate.resolve();
    await settle();
    expect(person.getState()).toMatchObject({ refreshing: false, revision: 2 });
    expect(person.getState().recommendations?.items[0]?.score).toBe(1);
  });

  it('coalesces refreshes: a result overtaken by a newer request is not shown', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    engine.recommendGate = deferred();
    void person.getState().refresh();
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'view', dwellMs: 4000 });
    void person.getState().recordEvent({ productId: 'bond-1', kind: 'compare' });
    await settle();
    const gate = engine.recommendGate;
    engine.recommendGate = null;
    gate.resolve();
    await settle();

    // One call in flight when the events landed, then one more with everything: not one per event.
    expect(engine.recommendCalls).toHaveLength(3); // restore, the held one, the final one
    expect(person.getState().revision).toBe(2);
    expect(person.getState().recommendations?.items[0]?.score).toBe(2);
  });

  it('re-ranks with the Variety value, rounded to a tenth and clamped', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    person.getState().setDiversity(0.74);
    await settle();
    expect(engine.recommendCalls.at(-1)).toEqual({ limit: 10, diversity: 0.7, includeAboveRisk: false });
    person.getState().setDiversity(0.7);
    person.getState().setDiversity(3);
    await settle();
    expect(engine.recommendCalls.map((call) => call.diversity)).toEqual([0.3, 0.7, 1]);
  });

  it('asks for products above the risk level only when they are to be shown', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    expect(person.getState().recommendations?.aboveRisk).toEqual([]);
    person.getState().setShowAboveRisk(true);
    expect(person.getState()).toMatchObject({ showAboveRisk: true, aboveRiskIncluded: false });
    await settle();
    expect(person.getState().aboveRiskIncluded).toBe(true);
    expect(engine.recommendCalls.at(-1)?.includeAboveRisk).toBe(true);
    expect(person.getState().recommendations?.aboveRisk.map((item) => item.productId)).toEqual(['fund-1']);
    person.getState().setShowAboveRisk(false);
    await settle();
    expect(engine.recommendCalls).toHaveLength(2);
  });

  it('undoes an event the engine refused and says why', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    engine.failNext = { method: 'recordEvent', error: new EngineCallError({ code: 'INVALID_INPUT', message: 'Unknown product "x".' }) };
    await person.getState().recordEvent({ productId: 'x', kind: 'favourite' });
    expect(person.getState().person.favourites).toEqual([]);
    expect(person.getState().eventError).toEqual({ code: 'INVALID_INPUT', message: 'Unknown product "x".' });
  });

  it('reports a failed profile save and a failed recommendation without throwing', async () => {
    const { engine, person } = await setUp();
    engine.failNext = { method: 'setProfile', error: new EngineCallError({ code: 'INVALID_INPUT', message: 'Age out of range.' }) };
    await person.getState().saveProfile(TEST_PROFILE);
    expect(person.getState()).toMatchObject({ profileStatus: 'error', profileError: { code: 'INVALID_INPUT' } });

    engine.failNext = { method: 'recommend', error: new EngineCallError({ code: 'INTERNAL', message: 'Scoring failed.' }) };
    await person.getState().saveProfile(TEST_PROFILE);
    await settle();
    expect(person.getState()).toMatchObject({ profileStatus: 'saved', recommendationsStatus: 'error', recommendationsError: { message: 'Scoring failed.' } });
  });

  it('turns a dead worker into an engine error', async () => {
    const { engine, stores, person } = await setUp({ restoredProfile: true });
    engine.failNext = { method: 'recommend', error: new EngineCallError({ code: 'WORKER_FAILED', message: 'The worker stopped.' }) };
    await person.getState().refresh();
    expect(stores.engine.getState()).toMatchObject({ status: 'error', error: { code: 'WORKER_FAILED' } });
  });

  it('takes the restored person again after a reload on another backend', async () => {
    const { engine, stores, person } = await setUp({ restoredProfile: true });
    engine.person = { ...engine.person, favourites: ['bond-1'] };
    engine.initGate = deferred();
    void stores.engine.getState().start('cpu');
    engine.initGate.resolve();
    await settle();
    expect(person.getState().person.favourites).toEqual(['bond-1']);
    expect(person.getState().revision).toBe(2);
  });
});
