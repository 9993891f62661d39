import { describe, expect, it } from 'vitest';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { deferred, FakeEngine, settle, TEST_PROFILE } from './helpers/fake-engine-api';

async function setUp() {
  const engine = new FakeEngine();
  engine.person = { ...engine.person, profile: TEST_PROFILE };
  const stores = createAppStores(engine, 'auto', () => undefined);
  void stores.engine.getState().start('auto');
  engine.initGate.resolve();
  await settle();
  return { engine, stores, advisor: stores.advisor, person: stores.person };
}

describe('advisor store', () => {
  it('switches every page to a persona and back, and a write made before the switch lands on the owner', async () => {
    const { engine, advisor, person } = await setUp();
    engine.recordGate = deferred();
    void person.getState().recordEvent({ productId: 'bond-1', kind: 'favourite' });
    const switching = advisor.getState().switchTo({ kind: 'persona', id: 'cautious-retiree' });
    expect(advisor.getState().working).toEqual({ action: 'switch', target: { kind: 'persona', id: 'cautious-retiree' } });
    await settle();
    // The switch waits for the owner's write.
    expect(engine.active).toEqual({ kind: 'owner' });
    engine.recordGate.resolve();
    engine.recordGate = null;
    await switching;
    await settle();

    expect(engine.ownerPerson?.favourites).toEqual(['bond-1']);
    expect(advisor.getState()).toMatchObject({ active: { kind: 'persona', id: 'cautious-retiree' }, working: null, error: null });
    expect(person.getState().profile?.goalsText).toBe('Keep it safe.');
    expect(person.getState().person.favourites).toEqual([]);
    expect(person.getState().recommendations?.personRisk).toBe(1);

    await person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    await advisor.getState().switchTo({ kind: 'owner' });
    await settle();
    expect(person.getState().profile).toEqual(TEST_PROFILE);
    expect(person.getState().person.favourites).toEqual(['bond-1']);
    expect(advisor.getState().personas?.find((persona) => persona.id === 'cautious-retiree')?.person.favourites).toEqual(['sav-1']);
  });

  it('a reset of the active persona shows its starting data on every page; of another, only in the list', async () => {
    const { advisor, person } = await setUp();
    await advisor.getState().switchTo({ kind: 'persona', id: 'young-saver' });
    await advisor.getState().reset('young-saver');
    expect(person.getState().person.eventCount).toBe('young-saver'.length);
    expect(person.getState().profile).toEqual(TEST_PROFILE);
    await person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    const shown = person.getState().person;
    await advisor.getState().reset('cautious-retiree');
    expect(person.getState().person).toEqual(shown);
    expect(advisor.getState().personas?.find((persona) => persona.id === 'cautious-retiree')?.person.eventCount).toBe('cautious-retiree'.length);
  });

  it('a write made after a switch was asked for lands on the next person, and a view of the previous one is dropped', async () => {
    const { engine, advisor, person } = await setUp();
    const before = person.getState().generation;
    engine.recordGate = deferred();
    void person.getState().recordEvent({ productId: 'bond-1', kind: 'favourite' });
    const switching = advisor.getState().switchTo({ kind: 'persona', id: 'young-saver' });
    // Made after the switch was asked for, while it waits for the write before it.
    const after = person.getState().recordEvent({ productId: 'sav-1', kind: 'compare' });
    const staleView = person.getState().recordEvent({ productId: 'fund-1', kind: 'view', dwellMs: 900 }, before);
    expect(await staleView).toBe(false);
    engine.recordGate.resolve();
    engine.recordGate = null;
    await switching;
    expect(await after).toBe(true);
    expect(engine.ownerPerson?.favourites).toEqual(['bond-1']);
    expect(engine.events.map((event) => event.productId)).toEqual(['bond-1', 'sav-1']);
    expect(person.getState().person.eventCount).toBe(3);
  });

  it('keeps the active person when a switch fails, and says why', async () => {
    const { engine, advisor, person } = await setUp();
    engine.failNext = { method: 'switchPerson', error: new EngineCallError({ code: 'STORAGE_FAILED', message: 'disk' }) };
    await advisor.getState().switchTo({ kind: 'persona', id: 'young-saver' });
    expect(advisor.getState()).toMatchObject({ active: { kind: 'owner' }, error: { action: 'switch', error: { code: 'STORAGE_FAILED' } }, working: null });
    expect(person.getState().profile).toEqual(TEST_PROFILE);
  });

  it("compares two personas' lists, in the order asked, and reports a failure", async () => {
    const { engine, advisor } = await setUp();
    await advisor.getState().compare('young-saver', 'cautious-retiree');
    const { comparison } = advisor.getState();
    expect(comparison?.status).toBe('ready');
    expect(comparison?.lists?.map((list) => list.personRisk)).toEqual([3, 1]);

    engine.failNext = { method: 'recommendFor', error: new EngineCallError({ code: 'NOT_READY', message: 'wait' }) };
    await advisor.getState().compare('cautious-retiree', 'young-saver');
    expect(advisor.getState().comparison).toMatchObject({ personas: ['cautious-retiree', 'young-saver'], status: 'error', lists: null, error: { code: 'NOT_READY' } });
  });
});
