/**
 * Tells the app's other tabs that the person's data was replaced, erased or re-protected here: each
 * tab's engine keeps its own copy of the person, which would otherwise show (and write back) what
 * this tab just erased. Same-origin only (BroadcastChannel never leaves the browser).
 */
const CHANNEL = 'finance-recommender-person-data';

/** This tab's own mark: a BroadcastChannel also delivers to the other channels of the same page. */
const THIS_TAB = typeof crypto === 'undefined' ? String(Math.random()) : crypto.randomUUID();

/** Announces a change of the stored data to the app's other tabs. */
export function announceDataChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ from: THIS_TAB });
  channel.close();
}

/** Calls `listener` when another tab announces a change; returns the function that stops listening. */
export function onDataChangedElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const from = typeof event.data === 'object' && event.data !== null && 'from' in event.data ? event.data.from : undefined;
    if (from !== THIS_TAB) listener();
  };
  return () => channel.close();
}
