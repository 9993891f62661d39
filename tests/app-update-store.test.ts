/** Updates of the app are applied only on consent, and only once the person's writes are stored. */
import { describe, expect, it } from 'vitest';
import { createAppStores } from '../src/state/app-stores';
import { deferred, FakeEngine, settle } from './helpers/fake-engine-api';

describe('app update store', () => {
  it('offers a waiting version, and applies it only when asked, after the writes in flight are stored', async () => {
    const engine = new FakeEngine();
    const stores = createAppStores(engine, 'auto', () => undefined);
    let applied = 0;
    stores.update.getState().offerUpdate(() => (applied += 1));
    expect(stores.update.getState()).toMatchObject({ updateReady: true, applying: false });
    await settle();
    expect(applied).toBe(0);

    engine.recordGate = deferred();
    void stores.person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    const applying = stores.update.getState().applyUpdate();
    await settle();
    expect(stores.update.getState().applying).toBe(true);
    expect(applied).toBe(0);
    engine.recordGate.resolve();
    await applying;
    expect(applied).toBe(1);
    expect(engine.events).toHaveLength(1);
  });

  it('reloads onto a version another tab applied only once the writes in flight are stored', async () => {
    const engine = new FakeEngine();
    let reloads = 0;
    const stores = createAppStores(engine, 'auto', () => (reloads += 1));
    engine.recordGate = deferred();
    void stores.person.getState().recordEvent({ productId: 'sav-1', kind: 'view' });
    const reloading = stores.update.getState().reloadOntoNewVersion();
    await settle();
    expect(reloads).toBe(0);
    engine.recordGate.resolve();
    await reloading;
    expect(reloads).toBe(1);
    expect(engine.events).toHaveLength(1);
  });

  it('can be put off, and says when the app works offline', () => {
    const stores = createAppStores(new FakeEngine(), 'auto', () => undefined);
    stores.update.getState().offerUpdate(() => undefined);
    stores.update.getState().dismissUpdate();
    stores.update.getState().markOfflineReady();
    expect(stores.update.getState()).toMatchObject({ updateReady: false, offlineReady: true });
  });
});
