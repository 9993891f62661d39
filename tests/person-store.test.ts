import { describe, expect, it } from 'vitest';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { deferred, FakeEngine, settle, TEST_PROFILE } from './helpers/fake-engine-api';

async function setUp({ ready = true, restoredProfile = false } = {}) {
  const engine = new FakeEngine();
  if (restoredProfile) engine.person = { ...engine.person, profile: TEST_PROFILE };
  const stores = createAppStores(engine, 'auto', () => undefined);
  void stores.engine.getState().start('auto');
  if (ready) {
    engine.initGate.resolve();
    await settle();
  }
  return { engine, stores, person: stores.person };
}

describe('person store', () => {
  it('stores a profile and events at once while the model loads, and recommends once it is ready', async () => {
    const { engine, stores, person } = await setUp({ ready: false });
    void person.getState().saveProfile(TEST_PROFILE);
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, profileStatus: 'saving' });
    expect(person.getState().person.favourites).toEqual(['sav-1']);

    await settle();
    expect(stores.engine.getState().status).toBe('loading');
    expect(engine.person.profile).toEqual(TEST_PROFILE);
    expect(engine.events).toEqual([{ productId: 'sav-1', kind: 'favourite' }]);
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, profileStatus: 'saved', restored: true, recommendationsStatus: 'idle' });
    expect(engine.recommendCalls).toEqual([]);

    engine.initGate.resolve();
    await settle();
    expect(stores.engine.getState().status).toBe('ready');
    expect(engine.recommendCalls).toHaveLength(1);
    expect(person.getState()).toMatchObject({ recommendationsStatus: 'ready', revision: 1 });
    expect(person.getState().recommendations?.items[0]?.score).toBe(1);
  });

  it('runs writes one at a time, in the order they were made', async () => {
    const { engine, person } = await setUp({ ready: false });
    engine.recordGate = deferred();
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'click' });
    const saved = person.getState().saveProfile(TEST_PROFILE);
    await settle();
    expect(engine.person.profile).toBeNull();

    engine.recordGate.resolve();
    await saved;
    expect(engine.events).toEqual([{ productId: 'sav-1', kind: 'click' }]);
    expect(engine.person).toMatchObject({ profile: TEST_PROFILE, eventCount: 1 });
  });

  it('refreshes once a burst of writes has landed on a ready engine', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    engine.recordGate = deferred();
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'click' });
    void person.getState().recordEvent({ productId: 'bond-1', kind: 'compare' });
    await settle();
    expect(engine.recommendCalls).toHaveLength(1); // the restored person's list only
    engine.recordGate.resolve();
    await settle();
    expect(engine.recommendCalls).toHaveLength(2);
    expect(person.getState().recommendations?.items[0]?.score).toBe(2);
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

  it('ignores a read of the stored person that a write overtook', async () => {
    const { engine, person } = await setUp({ ready: false, restoredProfile: true });
    engine.storedGate = deferred();
    const read = person.getState().loadStoredPerson();
    const mine = { ...TEST_PROFILE, goalsText: 'Something new.' };
    await person.getState().saveProfile(mine);
    engine.storedGate.resolve();
    await read;
    expect(person.getState()).toMatchObject({ profile: mine, restored: true, profileStatus: 'saved' });
  });

  it('carries on as a new person when the stored person cannot be read', async () => {
    const { engine, person } = await setUp({ ready: false });
    engine.failNext = { method: 'storedPerson', error: new EngineCallError({ code: 'INTERNAL', message: 'Storage is unreadable.' }) };
    await person.getState().loadStoredPerson();
    expect(person.getState()).toMatchObject({ profile: null, restored: true });
  });

  it('shows the stored profile again when the latest save fails', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    const bolder = { ...TEST_PROFILE, riskLevel: 4 as const };
    engine.failNext = { method: 'setProfile', error: new EngineCallError({ code: 'INTERNAL', message: 'Disk full.' }) };
    const saving = person.getState().saveProfile(bolder);
    expect(person.getState()).toMatchObject({ profile: bolder, profileStatus: 'saving' });
    await saving;
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, profileStatus: 'error', profileError: { message: 'Disk full.' } });
  });

  it('keeps showing a newer profile while it is saved, whatever happened to an earlier save', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    const first = { ...TEST_PROFILE, goalsText: 'First.' };
    const second = { ...TEST_PROFILE, goalsText: 'Second.' };
    engine.failNext = { method: 'setProfile', error: new EngineCallError({ code: 'INTERNAL', message: 'Disk full.' }) };
    engine.profileGate = deferred();
    void person.getState().saveProfile(first);
    const saving = person.getState().saveProfile(second);
    engine.profileGate.resolve();
    await settle();
    expect(person.getState()).toMatchObject({ profile: second });
    await saving;
    expect(person.getState()).toMatchObject({ profile: second, profileStatus: 'saved', profileError: null });
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

  it('tells whether an event was stored, and undoes one the engine refused, saying why', async () => {
    const { engine, person } = await setUp({ restoredProfile: true });
    expect(await person.getState().recordEvent({ productId: 'sav-1', kind: 'compare' })).toBe(true);
    engine.failNext = { method: 'recordEvent', error: new EngineCallError({ code: 'INVALID_INPUT', message: 'Unknown product "x".' }) };
    expect(await person.getState().recordEvent({ productId: 'x', kind: 'favourite' })).toBe(false);
    expect(person.getState().person.favourites).toEqual([]);
    expect(person.getState().eventError).toEqual({ code: 'INVALID_INPUT', message: 'Unknown product "x".' });
  });

  it('reports a failed profile save and a failed recommendation without throwing', async () => {
    const { engine, person } = await setUp();
    engine.failNext = { method: 'setProfile', error: new EngineCallError({ code: 'INVALID_INPUT', message: 'Age out of range.' }) };
    await person.getState().saveProfile(TEST_PROFILE);
    expect(person.getState()).toMatchObject({ profile: null, profileStatus: 'error', profileError: { code: 'INVALID_INPUT' } });

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

  it('shows no list when the recommendation model is unavailable, not even an earlier one, and still stores writes', async () => {
    const { engine, stores, person } = await setUp({ restoredProfile: true });
    expect(person.getState().recommendations).not.toBeNull();
    const tampered = { code: 'INTEGRITY_FAILED', message: 'The recommendation model failed its integrity check: gnn/weights.bin does not match.' } as const;
    engine.unavailable = [{ model: 'recommender', error: tampered }];
    engine.initGate = deferred();
    void stores.engine.getState().start('cpu');
    engine.initGate.resolve();
    await settle();
    expect(stores.engine.getState()).toMatchObject({ status: 'ready', unavailable: engine.unavailable });
    expect(person.getState()).toMatchObject({
      recommendations: null,
      recommendationsStatus: 'error',
      recommendationsError: { code: 'MODEL_UNAVAILABLE', message: `Recommendations are unavailable. ${tampered.message}` },
    });
    expect(await person.getState().recordEvent({ productId: 'bond-1', kind: 'favourite' })).toBe(true);
    expect(engine.events).toEqual([{ productId: 'bond-1', kind: 'favourite' }]);
  });
});
