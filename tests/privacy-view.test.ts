/**
 * The privacy center's views in both languages: in Chinese, every Latin word but the allowed
 * technical terms sits in an element marked English (the request addresses, product names, the
 * person's own words, error details), as the Chinese e2e test requires of the whole page; in
 * English, the labels the e2e tests select by are unchanged.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createI18n } from '../src/i18n/i18n';
import type { Locale } from '../src/i18n/locales';
import type { LedgerPage } from '../src/privacy/network-ledger';
import type { ResourceRecord } from '../src/protocol/engine-api';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { createNetworkLedgerStore, type NetworkLedgerState, type NetworkLedgerStore } from '../src/state/network-ledger-store';
import { NetworkLedger } from '../src/ui/privacy/NetworkLedger';
import { PrivacyPage } from '../src/ui/privacy/PrivacyPage';
import { StoredDataView } from '../src/ui/privacy/StoredDataView';
import { UnlockPage } from '../src/ui/privacy/UnlockPage';
import { StoresProvider } from '../src/ui/store-context';
import { FakeEngine, settle, TEST_PROFILE } from './helpers/fake-engine-api';

const ORIGIN = 'http://localhost:4173';

/** The technical terms a Chinese page may show outside English-marked elements (the e2e list). */
const ALLOWED = new Set(
  'WebGPU WASM CPU GPU GNN ETF MB kB R1 R2 R3 R4 R5 IndexedDB AES-GCM JSON PWA URL GET HTTP ID SHA-256 USE LightGCN'.split(' '),
);

/** The Latin words of `html` outside elements with lang="en", but the allowed terms. */
function latinOutsideEnglish(html: string): string[] {
  // The marked elements here hold text only, so the first closing tag of the same name ends them.
  const unmarked = html.replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const text = unmarked.replace(/<[^>]+>/g, ' ').replace(/&#?\w+;/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []).filter((word) => !ALLOWED.has(word));
}

function render(locale: Locale, element: ReactElement): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, element));
}

function record(url: string, initiator: string, context: ResourceRecord['context'] = 'page'): ResourceRecord {
  return { url, initiator, transferBytes: 300, bodyBytes: 300, startMs: 1, durationMs: 2, context };
}

/** A ledger with every kind of problem and a gap whose technical reason is English. */
async function ledgerWithProblems(): Promise<NetworkLedgerStore> {
  const page: LedgerPage = {
    timeline: { getEntriesByType: () => [], setResourceTimingBufferSize: () => undefined, addEventListener: () => undefined },
    origin: ORIGIN,
    basePath: '/',
    loadBuildFiles: () => Promise.resolve({ files: new Set(['index.html', 'assets/app.js']) }),
  };
  const workerRequests = [
    record(`${ORIGIN}/?backend=wasm&goal=house`, 'navigation'),
    record(`${ORIGIN}/assets/app.js`, 'script'),
    record('https://tracker.example.com/collect?id=1', 'beacon', 'engine-worker'),
    record(`${ORIGIN}/api/profile`, 'xmlhttprequest', 'engine-worker'),
    record(`${ORIGIN}/assets/app.js`, 'iframe', 'engine-worker'),
    record(`${ORIGIN}/assets/app.js`, 'fetch', 'engine-worker'),
  ];
  let reads = 0;
  const engine = {
    // The second read fails, so that a gap with the engine's English message is shown too.
    workerRequests: () => (reads++ === 0 ? Promise.resolve(workerRequests) : Promise.reject(new EngineCallError({ code: 'WORKER_FAILED', message: 'The engine stopped.' }))),
  };
  const store = createNetworkLedgerStore(engine, { backend: ['wasm'] }, page);
  await store.getState().refresh();
  const withRows = store.getState().ledger;
  await store.getState().refresh();
  const withGap = store.getState().ledger;
  if (!withRows || !withGap) throw new Error('The ledger was not read.');
  // A server render reads a store's initial state, so the reading is made the initial state.
  return createStore<NetworkLedgerState>()(() => ({ ...store.getState(), ledger: { ...withRows, gaps: withGap.gaps } }));
}

describe('network ledger view', () => {
  it('writes the verdict, the problems and the limits in English, marking the addresses', async () => {
    const html = render('en', createElement(NetworkLedger, { store: await ledgerWithProblems() }));
    expect(html).toContain('4 of 6 requests could not be shown free of personal data: the reasons are in the table.');
    expect(html).toContain('<td class="ledger-address" lang="en">https://tracker.example.com/collect?id=1</td>');
    expect(html).toContain('It went to another site (<code lang="en">https://tracker.example.com</code>).');
    expect(html).toContain('The requests of the engine worker could not be read: <span lang="en">The engine stopped.</span>');
    expect(html).toContain('6 requests, 2 kB received over the network.');
    expect(html).toContain('(1 of the requests above)');
  });

  it('shows no Latin word outside English-marked elements in Chinese', async () => {
    const html = render('zh-CN', createElement(NetworkLedger, { store: await ledgerWithProblems() }));
    expect(html).toContain('6 个请求中有 4 个无法证明未携带个人数据，原因见下表。');
    expect(latinOutsideEnglish(html)).toEqual([]);
  });
});

describe('stored data view', () => {
  async function storedData(locale: Locale): Promise<string> {
    const engine = new FakeEngine();
    const stores = createAppStores(engine, 'auto', () => undefined);
    void stores.engine.getState().start('auto');
    engine.initGate.resolve();
    await settle();
    await stores.person.getState().saveProfile(TEST_PROFILE);
    await stores.person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    await stores.person.getState().recordEvent({ productId: 'bond-1', kind: 'view', dwellMs: 12_400 });
    await stores.privacy.getState().refresh();
    const read = stores.privacy.getState().report;
    if (!read) throw new Error('Nothing was read.');
    const report = {
      ...read,
      stores: [
        { store: 'events', records: 2, bytes: 340, encrypted: true },
        { store: 'catalogEmbeddings', records: 1, bytes: 2_400_000, encrypted: false },
      ],
    };
    const ledger = await ledgerWithProblems();
    return render(locale, createElement(StoresProvider, { stores: { ...stores, ledger }, children: createElement(StoredDataView, { report }) }));
  }

  it('lists the events with their kind, product and time in English', async () => {
    const html = await storedData('en');
    expect(html).toContain('2: Saved 1, Viewed 1');
    // A server render sees no catalog yet: the product's id stands for its name, marked the same.
    expect(html).toContain('Viewed · <span lang="en">bond-1</span> · 12.4 sec');
    expect(html).toContain('<th scope="row" lang="en">events</th><td>2</td><td>340 B</td><td>Yes</td>');
    expect(html).toContain('<td>2.4 MB</td><td>No (not personal)</td>');
    expect(html).toContain(`<dd lang="en">${TEST_PROFILE.goalsText}</dd>`);
  });

  it('shows no Latin word outside English-marked elements in Chinese', async () => {
    const html = await storedData('zh-CN');
    expect(html).toContain('2 条：已收藏 1 次');
    expect(latinOutsideEnglish(html)).toEqual([]);
  });
});

describe('privacy center and unlock page', () => {
  async function page(locale: Locale, view: () => ReactElement): Promise<string> {
    const engine = new FakeEngine();
    const stores = createAppStores(engine, 'auto', () => undefined);
    return render(locale, createElement(StoresProvider, { stores: { ...stores, ledger: await ledgerWithProblems() }, children: view() }));
  }

  it('shows no Latin word outside English-marked elements in Chinese', async () => {
    for (const view of [PrivacyPage, UnlockPage]) {
      const html = await page('zh-CN', () => createElement(view));
      expect(html, view.name).toContain('清除我的数据…');
      expect(latinOutsideEnglish(html), view.name).toEqual([]);
    }
  });

  it('keeps the English labels the e2e tests select by', async () => {
    const privacy = await page('en', () => createElement(PrivacyPage));
    for (const text of ['New passphrase', 'Type it again', 'Lock with this passphrase', 'Export my data', 'Erase my data…']) expect(privacy).toContain(text);
    const unlock = await page('en', () => createElement(UnlockPage));
    for (const text of ['>Passphrase</label>', 'Open my data']) expect(unlock).toContain(text);
  });
});
