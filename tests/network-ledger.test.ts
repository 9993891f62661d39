import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import { buildPathOf, judgeRequests, ledgerMessage, methodOf, type BuildFiles, type LedgerMessage, type LedgerRules } from '../src/privacy/ledger-verdict';
import { loadBuildFiles, type LedgerPage } from '../src/privacy/network-ledger';
import { keepResourceTimings, resourceRecordOf, timelineRequests, type ResourceTiming, type Timeline } from '../src/protocol/resource-timing';
import type { ResourceRecord } from '../src/protocol/engine-api';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createNetworkLedgerStore, LEDGER_REFRESH_MS } from '../src/state/network-ledger-store';
import { messageText } from '../src/ui/message-text';
import { settle } from './helpers/fake-engine-api';

const ORIGIN = 'http://localhost:4173';
const BUILD = new Set(['index.html', 'build-files.json', 'assets/index-B1.js', 'assets/index-C2.css', 'assets/engine.worker-D3.js', 'models/encoder/weights.bin']);
const PAGE_PARAMETERS = { backend: ['auto', 'webgpu', 'wasm', 'cpu'] };
const RULES: LedgerRules = { origin: ORIGIN, basePath: '/', buildFiles: { files: BUILD }, pageParameters: PAGE_PARAMETERS };

function record(url: string, initiator: string, context: ResourceRecord['context'] = 'page', transferBytes = 100): ResourceRecord {
  return { url: `${ORIGIN}${url}`, initiator, transferBytes, bodyBytes: transferBytes, startMs: 1, durationMs: 2, context };
}

/** What the built app's requests look like in Chromium 156 (observed with ?backend=wasm). */
const APP_REQUESTS: readonly ResourceRecord[] = [
  record('/?backend=wasm#/for-you', 'navigation', 'page', 864),
  record('/assets/index-B1.js', 'script'),
  record('/assets/index-C2.css', 'link'),
  record('/assets/engine.worker-D3.js', 'other'),
  record('/build-files.json', 'fetch'),
  record('/models/encoder/weights.bin', 'fetch', 'engine-worker', 7_064_116),
  record('/models/encoder/weights.bin', 'fetch', 'engine-worker', 0),
];

function problemsOf(records: readonly ResourceRecord[], rules: LedgerRules = RULES): LedgerMessage[][] {
  return judgeRequests(records, rules).rows.map((row) => [...row.problems]);
}

describe('methodOf', () => {
  it('knows GET for loads that cannot carry a body, POST for beacons and pings, and nothing for fetch or XHR', () => {
    for (const initiator of ['navigation', 'script', 'link', 'css', 'img', 'other']) expect(methodOf(initiator)).toBe('GET');
    for (const initiator of ['beacon', 'ping']) expect(methodOf(initiator)).toBe('POST');
    for (const initiator of ['fetch', 'xmlhttprequest', 'iframe', 'something-new']) expect(methodOf(initiator)).toBe('not visible');
  });
});

describe('judgeRequests', () => {
  it("finds the app's own requests clean, counting bytes and the fetches whose body it cannot see", () => {
    const ledger = judgeRequests(APP_REQUESTS, RULES);
    expect(ledger.rows.map((row) => row.problems)).toEqual(APP_REQUESTS.map(() => []));
    expect(ledger).toMatchObject({ verdict: 'clean', flagged: 0, bodiesNotVisible: 3, gaps: [], transferBytes: 864 + 4 * 100 + 7_064_116 });
    expect(ledger.rows.map((row) => [row.address, row.method])).toEqual([
      ['/?backend=wasm', 'GET'],
      ['/assets/index-B1.js', 'GET'],
      ['/assets/index-C2.css', 'GET'],
      ['/assets/engine.worker-D3.js', 'GET'],
      ['/build-files.json', 'not visible'],
      ['/models/encoder/weights.bin', 'not visible'],
      ['/models/encoder/weights.bin', 'not visible'],
    ]);
  });

  it('flags a request to another site, and shows its whole address', () => {
    const ledger = judgeRequests([...APP_REQUESTS, { ...record('', 'script'), url: 'https://cdn.example.com/lib.js' }], RULES);
    expect(ledger.verdict).toBe('violations');
    expect(ledger.flagged).toBe(1);
    const problem = ledgerMessage('privacy.ledger.problems.otherSite', { origin: 'https://cdn.example.com' });
    expect(ledger.rows.at(-1)).toMatchObject({ address: 'https://cdn.example.com/lib.js', problems: [problem] });
    // The address is marked as data (<code>: English) in both languages.
    expect(messageText(createI18n('en').t, problem)).toBe('It went to another site (<code>https://cdn.example.com</code>).');
    expect(messageText(createI18n('zh-CN').t, problem)).toBe('它发往了其他网站（<code>https://cdn.example.com</code>）。');
  });

  it('flags a query string on any request but the page load, and ignores fragments, which are never sent', () => {
    expect(problemsOf([record('/models/encoder/weights.bin?goal=house', 'fetch', 'engine-worker')])).toEqual([[ledgerMessage('privacy.ledger.problems.query')]]);
    expect(problemsOf([record('/assets/index-B1.js#x', 'script')])).toEqual([[]]);
  });

  it("lets the page's address carry only the parameters and values the app reads", () => {
    expect(problemsOf([record('/?backend=cpu', 'navigation'), record('/', 'navigation')])).toEqual([[], []]);
    expect(problemsOf([record('/?passphrase=hunter22', 'navigation')])).toEqual([[ledgerMessage('privacy.ledger.problems.unknownParameter', { name: 'passphrase' })]]);
    expect(problemsOf([record('/?backend=saving%20for%20a%20house', 'navigation')])).toEqual([[ledgerMessage('privacy.ledger.problems.unknownValue', { name: 'backend' })]]);
    // Only the page's own load is exempt: a worker has no navigation of its own.
    expect(problemsOf([record('/?backend=cpu', 'navigation', 'engine-worker')])[0]).toContainEqual(ledgerMessage('privacy.ledger.problems.query'));
  });

  it('flags what is not a file of the build', () => {
    expect(problemsOf([record('/api/profile', 'fetch')])).toEqual([[ledgerMessage('privacy.ledger.problems.notBuildFile')]]);
  });

  it('flags beacons, pings, XMLHttpRequests and initiators the app does not use', () => {
    const rows = judgeRequests(
      ['beacon', 'ping', 'xmlhttprequest', 'iframe'].map((initiator) => record('/build-files.json', initiator)),
      RULES,
    ).rows;
    expect(rows.map((row) => [row.method, ...row.problems])).toEqual([
      ['POST', ledgerMessage('privacy.ledger.problems.beacon')],
      ['POST', ledgerMessage('privacy.ledger.problems.beacon')],
      ['not visible', ledgerMessage('privacy.ledger.problems.xhr')],
      ['not visible', ledgerMessage('privacy.ledger.problems.otherInitiator', { initiator: 'iframe' })],
    ]);
  });

  it('lists every problem of a request', () => {
    expect(problemsOf([record('/track?id=1', 'beacon')])[0]).toHaveLength(3);
  });

  it('is incomplete, not clean, when the file list or part of the record is missing', () => {
    const noFiles: BuildFiles = { unavailable: 'build-files.json answered 404.' };
    expect(judgeRequests(APP_REQUESTS, { ...RULES, buildFiles: noFiles })).toMatchObject({
      verdict: 'incomplete',
      gaps: [ledgerMessage('privacy.ledger.gaps.buildFilesUnknown', { detail: 'build-files.json answered 404.' })],
    });
    expect(judgeRequests(APP_REQUESTS, RULES, [ledgerMessage('privacy.ledger.gaps.timingsFull')])).toMatchObject({ verdict: 'incomplete' });
    // A problem found outranks what could not be checked.
    expect(judgeRequests([record('/x?y=1', 'fetch')], { ...RULES, buildFiles: noFiles }).verdict).toBe('violations');
  });

  it('maps addresses to build paths under the base path', () => {
    expect(buildPathOf('/', '/')).toBe('index.html');
    expect(buildPathOf('/assets/a.js', '/')).toBe('assets/a.js');
    expect(buildPathOf('/app/', '/app/')).toBe('index.html');
    expect(buildPathOf('/app/models/', '/app/')).toBe('models/index.html');
    expect(buildPathOf('/app/a%20b.json', '/app/')).toBe('a b.json');
    expect(buildPathOf('/other/a.js', '/app/')).toBeNull();
    expect(buildPathOf('/%E0%A4%A', '/')).toBeNull();
    expect(problemsOf([record('/app/assets/index-B1.js', 'script')], { ...RULES, basePath: '/app/' })).toEqual([[]]);
    expect(problemsOf([record('/assets/index-B1.js', 'script')], { ...RULES, basePath: '/app/' })).toEqual([[ledgerMessage('privacy.ledger.problems.notBuildFile')]]);
  });
});

function timing(name: string, initiatorType: string): ResourceTiming {
  return { name, initiatorType, transferSize: 864, decodedBodySize: 1068, startTime: 12.5, duration: 3.25 };
}

/** A `performance` stand-in that records buffer sizes and can fire `resourcetimingbufferfull`. */
class FakeTimeline implements Timeline {
  readonly sizes: number[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly navigation: readonly object[] = [],
    readonly resources: readonly object[] = [],
  ) {}

  getEntriesByType(type: 'navigation' | 'resource'): readonly object[] {
    return type === 'navigation' ? this.navigation : this.resources;
  }

  setResourceTimingBufferSize(maxSize: number): void {
    this.sizes.push(maxSize);
  }

  addEventListener(_type: 'resourcetimingbufferfull', listener: () => void): void {
    this.listeners.push(listener);
  }

  fillBuffer(): void {
    for (const listener of this.listeners) listener();
  }
}

describe('reading resource timing', () => {
  it('turns a timing entry into a record of its context', () => {
    expect(resourceRecordOf(timing(`${ORIGIN}/`, 'navigation'), 'page')).toEqual({
      url: `${ORIGIN}/`,
      initiator: 'navigation',
      transferBytes: 864,
      bodyBytes: 1068,
      startMs: 12.5,
      durationMs: 3.25,
      context: 'page',
    });
  });

  it("lists the page's load first, then its resources, skipping entries that are not resource timing", () => {
    const timeline = new FakeTimeline([timing(`${ORIGIN}/`, 'navigation')], [timing(`${ORIGIN}/a.js`, 'script'), { name: 'mark', entryType: 'mark' }]);
    expect(timelineRequests(timeline, 'page').map((entry) => [entry.url, entry.initiator, entry.context])).toEqual([
      [`${ORIGIN}/`, 'navigation', 'page'],
      [`${ORIGIN}/a.js`, 'script', 'page'],
    ]);
  });

  it('raises the buffer once and doubles it whenever it fills', () => {
    const page = new FakeTimeline();
    expect(keepResourceTimings(page)).toBe(true);
    expect(keepResourceTimings(page)).toBe(true);
    page.fillBuffer();
    page.fillBuffer();
    expect(page.sizes).toEqual([1000, 2000, 4000]);
  });

  it('says when the page buffer was already full, so that early requests may be missing', () => {
    const full = new FakeTimeline([], Array.from({ length: 250 }, (_, index) => timing(`${ORIGIN}/${index}.png`, 'img')));
    expect(keepResourceTimings(full)).toBe(false);
  });

  it("reads Node's own record of a fetch, as the in-process engine does", async () => {
    const server = createServer((_request, response) => response.end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/gnn/manifest.json`;
      await (await fetch(url)).text();
      // Node records the entry just after the body is read.
      await vi.waitFor(() => expect(timelineRequests(performance, 'engine-worker').find((entry) => entry.url === url)).toMatchObject({ initiator: 'fetch', context: 'engine-worker' }));
    } finally {
      server.close();
    }
  });
});

describe('loadBuildFiles', () => {
  it('reads the list with a plain GET', async () => {
    const fetchFile = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(Response.json({ files: ['index.html'] })));
    expect(await loadBuildFiles('/build-files.json', fetchFile)).toEqual({ files: new Set(['index.html']) });
    expect(fetchFile).toHaveBeenCalledWith('/build-files.json', expect.objectContaining({ method: 'GET', credentials: 'same-origin' }));
  });

  it('says why the list is not available', async () => {
    const answer = (response: Response) => () => Promise.resolve(response);
    expect(await loadBuildFiles('/b', answer(new Response('Not found', { status: 404 })))).toEqual({
      unavailable: 'build-files.json answered 404: only a build has it, the dev server does not.',
    });
    expect(await loadBuildFiles('/b', answer(Response.json({ files: [1] })))).toEqual({ unavailable: 'build-files.json is not a list of files.' });
    const notJson = await loadBuildFiles('/b', answer(new Response('<html>')));
    expect('unavailable' in notJson && notJson.unavailable).toMatch(/^build-files\.json could not be read \(.+\)\.$/);
    expect(await loadBuildFiles('/b', () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({
      unavailable: 'build-files.json could not be read (Failed to fetch).',
    });
  });
});

describe('network ledger store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(workerRequests: () => Promise<readonly ResourceRecord[]>, buildFiles: BuildFiles = { files: BUILD }) {
    const timeline = new FakeTimeline([timing(`${ORIGIN}/?backend=wasm`, 'navigation')], [timing(`${ORIGIN}/assets/index-B1.js`, 'script')]);
    const loadFiles = vi.fn(() => Promise.resolve(buildFiles));
    const page: LedgerPage = { timeline, origin: ORIGIN, basePath: '/', loadBuildFiles: loadFiles };
    const engine = { workerRequests: vi.fn(workerRequests) };
    return { store: createNetworkLedgerStore(engine, PAGE_PARAMETERS, page), engine, loadFiles, timeline };
  }

  it("judges the page's and the engine worker's requests together, reading the file list once", async () => {
    const { store, loadFiles, timeline } = setUp(() => Promise.resolve([record('/models/encoder/weights.bin', 'fetch', 'engine-worker')]));
    expect(store.getState().ledger).toBeNull();
    expect(timeline.sizes).toEqual([1000]);
    await store.getState().refresh();
    await store.getState().refresh();
    const ledger = store.getState().ledger;
    expect(ledger?.verdict).toBe('clean');
    expect(ledger?.rows.map((row) => [row.address, row.record.context])).toEqual([
      ['/?backend=wasm', 'page'],
      ['/assets/index-B1.js', 'page'],
      ['/models/encoder/weights.bin', 'engine-worker'],
    ]);
    expect(loadFiles).toHaveBeenCalledTimes(1);
  });

  it('is incomplete when the engine worker cannot be read, and says why', async () => {
    const { store } = setUp(() => Promise.reject(new EngineCallError({ code: 'WORKER_FAILED', message: 'The engine stopped.' })));
    await store.getState().refresh();
    expect(store.getState().ledger).toMatchObject({
      verdict: 'incomplete',
      gaps: [ledgerMessage('privacy.ledger.gaps.workerUnreadable', { detail: 'The engine stopped.' })],
    });
  });

  it('reads again every few seconds while watched, and stops when told', async () => {
    vi.useFakeTimers();
    const { store, engine } = setUp(() => Promise.resolve([]));
    const stop = store.getState().watch();
    await settle();
    expect(engine.workerRequests).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(LEDGER_REFRESH_MS);
    expect(engine.workerRequests).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(LEDGER_REFRESH_MS * 3);
    expect(engine.workerRequests).toHaveBeenCalledTimes(2);
  });
});
