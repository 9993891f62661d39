/**
 * A person's stored log of product events, as the app records them, read two ways: what the
 * person has now (favourites, comparisons, applications, dismissals) and what the recommendation
 * model sees (`SideEvent`s in the model's own vocabulary and time unit).
 *
 * The app's events map to the model's as follows: view → view, click → click, compare → click,
 * apply → purchase, not_interested → dismiss, favourite → favourite while the product is still a
 * favourite. A favourite later taken back (by `unfavourite`, or by `not_interested`, which also
 * drops the product from favourites) counts as a click: the person was interested enough to save
 * it once, but no longer vouches for it. `unfavourite` itself adds nothing.
 */
import type { UserHistory } from '../gnn/model';
import type { SideEvent, UserProfile } from './recommender';

/** What a person can do with a product (the app's vocabulary; see the file comment). */
export type PersonEventKind = 'view' | 'click' | 'favourite' | 'unfavourite' | 'compare' | 'apply' | 'not_interested';

/** One stored event. */
export interface PersonEvent {
  readonly productId: string;
  readonly kind: PersonEventKind;
  /** Unix time in milliseconds. */
  readonly at: number;
}

/** The kinds of contact that can explain a recommendation, strongest first: events the person took, by name. */
export const EVIDENCE_ORDER = ['apply', 'favourite', 'compare', 'click', 'view'] as const satisfies readonly PersonEventKind[];
export type EvidenceKind = (typeof EVIDENCE_ORDER)[number];

/** What the person has now, derived from the whole log. */
export interface PersonSummary {
  /** In the order first favourited (among those still favourited). */
  readonly favourites: readonly string[];
  /** Products marked "not interested", in order. */
  readonly dismissed: readonly string[];
  /** Products compared, in order of first comparison. */
  readonly compared: readonly string[];
  /** Products applied for, in order. */
  readonly applied: readonly string[];
}

/** The person's favourites, dismissals, comparisons and applications (see `PersonSummary`). */
export function summarisePerson(events: readonly PersonEvent[]): PersonSummary {
  const favourites: string[] = [];
  const dismissed = new Set<string>();
  const compared = new Set<string>();
  const applied = new Set<string>();
  for (const event of events) {
    switch (event.kind) {
      case 'favourite':
        if (!favourites.includes(event.productId)) favourites.push(event.productId);
        break;
      case 'unfavourite':
      case 'not_interested': {
        const at = favourites.indexOf(event.productId);
        if (at >= 0) favourites.splice(at, 1);
        if (event.kind === 'not_interested') dismissed.add(event.productId);
        break;
      }
      case 'compare':
        compared.add(event.productId);
        break;
      case 'apply':
        applied.add(event.productId);
        break;
      case 'view':
      case 'click':
        break;
    }
  }
  return { favourites, dismissed: [...dismissed], compared: [...compared], applied: [...applied] };
}

const MODEL_EVENT: Readonly<Record<Exclude<PersonEventKind, 'favourite' | 'unfavourite'>, SideEvent['event']>> = {
  view: 'view',
  click: 'click',
  compare: 'click',
  apply: 'purchase',
  not_interested: 'dismiss',
};

/**
 * The log as the model's events, in order, for products the model knows (`rowOf`); timestamps in
 * Unix seconds, as the model's recency weights (`EventWeights.halfLifeDays`) expect.
 */
export function modelEvents(events: readonly PersonEvent[], rowOf: ReadonlyMap<string, number>): SideEvent[] {
  // Backwards, so that "is this favourite taken back later?" is one set lookup.
  const takenBackLater = new Set<string>();
  const out: SideEvent[] = [];
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (!event) continue;
    if (event.kind === 'unfavourite' || event.kind === 'not_interested') takenBackLater.add(event.productId);
    const item = rowOf.get(event.productId);
    if (item === undefined || event.kind === 'unfavourite') continue;
    const kind = event.kind === 'favourite' ? (takenBackLater.has(event.productId) ? 'click' : 'favourite') : MODEL_EVENT[event.kind];
    out.push({ item, event: kind, timestamp: event.at / 1000 });
  }
  return out.reverse();
}

/**
 * The model's events as the history `explainScore` and `pickForYou` read: favourites and
 * purchases are the positives (each product once, timed by its latest positive event), every
 * other event a side event.
 */
export function historyOf(events: readonly SideEvent[], profile: UserProfile | undefined): UserHistory {
  const latest = new Map<number, number>();
  for (const event of events) {
    if (event.event === 'favourite' || event.event === 'purchase') latest.set(event.item, Math.max(latest.get(event.item) ?? -Infinity, event.timestamp));
  }
  const sideEvents = events.filter((event) => event.event !== 'favourite' && event.event !== 'purchase');
  return { positives: [...latest.keys()], positiveTimes: [...latest.values()], sideEvents, ...(profile ? { profile } : {}) };
}

/**
 * The strongest contact the person has now with each product, for "because you … X": applied,
 * still favourited, compared, clicked or viewed. A favourite taken back adds nothing: the model
 * reads it as a click, but the person did not click, and no longer has it saved, so naming either
 * would tell them something they did not do.
 */
export function strongestContact(events: readonly PersonEvent[], summary: PersonSummary): Map<string, EvidenceKind> {
  const contact = new Map<string, EvidenceKind>();
  const rank = (kind: EvidenceKind): number => EVIDENCE_ORDER.indexOf(kind);
  const raise = (productId: string, kind: EvidenceKind): void => {
    const current = contact.get(productId);
    if (current === undefined || rank(kind) < rank(current)) contact.set(productId, kind);
  };
  const favourites = new Set(summary.favourites);
  for (const event of events) {
    if (event.kind === 'apply') raise(event.productId, 'apply');
    else if (event.kind === 'favourite' && favourites.has(event.productId)) raise(event.productId, 'favourite');
    else if (event.kind === 'compare') raise(event.productId, 'compare');
    else if (event.kind === 'click') raise(event.productId, 'click');
    else if (event.kind === 'view') raise(event.productId, 'view');
  }
  return contact;
}
