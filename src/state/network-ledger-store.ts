import { createStore, type StoreApi } from 'zustand/vanilla';
import { judgeRequests, ledgerMessage, type BuildFiles, type Ledger, type LedgerMessage, type LedgerRules } from '../privacy/ledger-verdict';
import { browserLedgerPage, type LedgerPage } from '../privacy/network-ledger';
import type { AppEngineApi, ResourceRecord } from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import { keepResourceTimings, timelineRequests } from '../protocol/resource-timing';
import { coalescedTask } from './coalesced-task';

export type { Ledger, LedgerMessage, LedgerMethod, LedgerRow, LedgerVerdict } from '../privacy/ledger-verdict';

/** How often the ledger reads the requests again while it is on screen. */
export const LEDGER_REFRESH_MS = 3000;

export interface NetworkLedgerState {
  /** The latest reading, judged; null until the first is in. */
  readonly ledger: Ledger | null;
  /** Reads every context's requests and judges them again. Never rejects; calls made meanwhile share one reading. */
  readonly refresh: () => Promise<void>;
  /** Refreshes now and every LEDGER_REFRESH_MS until the returned function is called (while the ledger is shown). */
  readonly watch: () => () => void;
}

export type NetworkLedgerStore = StoreApi<NetworkLedgerState>;

/** One context whose requests the ledger lists. */
interface RequestSource {
  /** Says that it cannot be read, with the technical reason as `detail`. */
  readonly unreadable: 'privacy.ledger.gaps.pageUnreadable' | 'privacy.ledger.gaps.workerUnreadable';
  readonly read: () => Promise<readonly ResourceRecord[]>;
}

type Reading = { readonly records: readonly ResourceRecord[] } | { readonly gap: LedgerMessage };

/**
 * The network ledger of the page and the engine worker. Create it at start-up, before the first
 * render: it raises the page's resource timing buffer, and says so when entries were lost before.
 * `pageParameters` are the query parameters the page's address may carry with their values
 * (LedgerRules.pageParameters).
 */
export function createNetworkLedgerStore(
  engine: Pick<AppEngineApi, 'workerRequests'>,
  pageParameters: LedgerRules['pageParameters'],
  page: LedgerPage = browserLedgerPage(),
): NetworkLedgerStore {
  const timingsComplete = keepResourceTimings(page.timeline);
  const sources: readonly RequestSource[] = [
    { unreadable: 'privacy.ledger.gaps.pageUnreadable', read: () => Promise.resolve(timelineRequests(page.timeline, 'page')) },
    { unreadable: 'privacy.ledger.gaps.workerUnreadable', read: () => engine.workerRequests() },
  ];
  // Read once: the list is fixed for a build, and every read would be one more request.
  let buildFiles: Promise<BuildFiles> | null = null;

  return createStore<NetworkLedgerState>()((set) => {
    const refresh = coalescedTask(async (isLatest) => {
      buildFiles ??= page.loadBuildFiles();
      const [files, ...readings] = await Promise.all([buildFiles, ...sources.map(readSource)]);
      if (!isLatest()) return;
      const records = readings.flatMap((reading) => ('records' in reading ? reading.records : []));
      const gaps = readings.flatMap((reading) => ('gap' in reading ? [reading.gap] : []));
      if (!timingsComplete) gaps.unshift(ledgerMessage('privacy.ledger.gaps.timingsFull'));
      set({ ledger: judgeRequests(records, { origin: page.origin, basePath: page.basePath, buildFiles: files, pageParameters }, gaps) });
    });

    return {
      ledger: null,
      refresh,
      watch() {
        void refresh();
        const timer = setInterval(() => void refresh(), LEDGER_REFRESH_MS);
        return () => clearInterval(timer);
      },
    };
  });
}

async function readSource(source: RequestSource): Promise<Reading> {
  try {
    return { records: await source.read() };
  } catch (error) {
    return { gap: ledgerMessage(source.unreadable, { detail: toSerializedError(error).message }) };
  }
}
