import type { ResourceRecord } from './engine-api';

/**
 * Reading a context's own record of its requests (Resource Timing) for the network ledger. The
 * page and the engine worker each read theirs (a worker's fetches are in the worker's timeline,
 * not the page's) and both use this module, the contract they share. In Node, `performance`
 * records undici's fetches the same way.
 */

/** The fields of a resource (or navigation) timing entry that the ledger keeps. */
export type ResourceTiming = Pick<PerformanceResourceTiming, 'name' | 'initiatorType' | 'transferSize' | 'decodedBodySize' | 'startTime' | 'duration'>;

/** The part of `performance` read here. */
export interface Timeline {
  getEntriesByType(type: 'navigation' | 'resource'): readonly object[];
  setResourceTimingBufferSize(maxSize: number): void;
  addEventListener(type: 'resourcetimingbufferfull', listener: () => void): void;
}

/** The Resource Timing standard's initial buffer: holding this many entries, it may have dropped some. */
const INITIAL_BUFFER_SIZE = 250;
/** Far more than the app's requests; doubled whenever it fills all the same. */
const KEPT_BUFFER_SIZE = 1000;

/** Per timeline: whether nothing can have been dropped before the first keepResourceTimings. */
const keptTimelines = new WeakMap<Timeline, boolean>();

/**
 * Keeps every resource timing entry of this context from now on, past the standard's 250: raises
 * the buffer and doubles it whenever it fills (the browser holds the overflow until the
 * `resourcetimingbufferfull` handler makes room). Returns false when the buffer was already full
 * before the first call, so that earlier requests may be missing. Call it as early as possible;
 * later calls only repeat the first answer.
 */
export function keepResourceTimings(timeline: Timeline = performance): boolean {
  const known = keptTimelines.get(timeline);
  if (known !== undefined) return known;
  const complete = timeline.getEntriesByType('resource').length < INITIAL_BUFFER_SIZE;
  keptTimelines.set(timeline, complete);
  let size = KEPT_BUFFER_SIZE;
  timeline.setResourceTimingBufferSize(size);
  timeline.addEventListener('resourcetimingbufferfull', () => {
    size *= 2;
    timeline.setResourceTimingBufferSize(size);
  });
  return complete;
}

/** Every request in `timeline`, as `context`'s: the document first (a page's only), then the rest in order. */
export function timelineRequests(timeline: Pick<Timeline, 'getEntriesByType'>, context: ResourceRecord['context']): ResourceRecord[] {
  return [...timeline.getEntriesByType('navigation'), ...timeline.getEntriesByType('resource')]
    .filter(isResourceTiming)
    .map((entry) => resourceRecordOf(entry, context));
}

// Navigation and resource entries are PerformanceResourceTiming (navigation timing extends it).
function isResourceTiming(entry: object): entry is ResourceTiming {
  return 'initiatorType' in entry;
}

export function resourceRecordOf(entry: ResourceTiming, context: ResourceRecord['context']): ResourceRecord {
  return {
    url: entry.name,
    initiator: entry.initiatorType,
    transferBytes: entry.transferSize,
    bodyBytes: entry.decodedBodySize,
    startMs: entry.startTime,
    durationMs: entry.duration,
    context,
  };
}
