import { describe, expect, expectTypeOf, it } from 'vitest';
import { historyOf, modelEvents, strongestContact, summarisePerson, type EvidenceKind, type PersonEvent, type PersonEventKind } from '../src/engine/rank/person-log';
import type { ProductEventKind } from '../src/protocol/engine-api';

const rowOf = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);

let clock = 0;
const event = (productId: string, kind: PersonEventKind): PersonEvent => ({ productId, kind, at: (clock += 1000) });

describe('the person log', () => {
  it('maps app events to model events, in seconds: compare is a click, apply a purchase, not_interested a dismissal', () => {
    clock = 1_700_000_000_000;
    const log = [event('a', 'view'), event('a', 'click'), event('b', 'compare'), event('b', 'apply'), event('c', 'not_interested')];
    expect(modelEvents(log, rowOf)).toEqual([
      { item: 0, event: 'view', timestamp: 1_700_000_001 },
      { item: 0, event: 'click', timestamp: 1_700_000_002 },
      { item: 1, event: 'click', timestamp: 1_700_000_003 },
      { item: 1, event: 'purchase', timestamp: 1_700_000_004 },
      { item: 2, event: 'dismiss', timestamp: 1_700_000_005 },
    ]);
  });

  it('counts a favourite as a favourite only while it lasts: taken back (unfavourite or not_interested), it is a click', () => {
    const log = [event('a', 'favourite'), event('a', 'unfavourite'), event('a', 'favourite'), event('b', 'favourite'), event('b', 'not_interested'), event('c', 'favourite')];
    expect(modelEvents(log, rowOf).map((e) => [e.item, e.event])).toEqual([
      [0, 'click'],
      [0, 'favourite'],
      [1, 'click'],
      [1, 'dismiss'],
      [2, 'favourite'],
    ]);
    const summary = summarisePerson(log);
    expect(summary.favourites).toEqual(['a', 'c']);
    expect(summary.dismissed).toEqual(['b']);
    const contact = strongestContact(log, summary);
    expect(contact.get('a')).toBe('favourite');
    // Neither "favourited" (no longer saved) nor "clicked" (never clicked): nothing to cite.
    expect(contact.has('b')).toBe(false);
  });

  it('cites, for a favourite taken back, only what the person actually did besides it', () => {
    const log = [event('a', 'view'), event('a', 'favourite'), event('a', 'unfavourite'), event('b', 'click'), event('b', 'favourite'), event('b', 'not_interested'), event('c', 'favourite'), event('c', 'unfavourite')];
    const contact = strongestContact(log, summarisePerson(log));
    expect([...contact]).toEqual([
      ['a', 'view'],
      ['b', 'click'],
    ]);
  });

  it('names reasons only with events the protocol knows', () => {
    expectTypeOf<EvidenceKind>().toExtend<ProductEventKind>();
  });

  it('ignores products the model does not know and keeps comparisons and applications in first order, once each', () => {
    const log = [event('zzz', 'favourite'), event('b', 'compare'), event('a', 'compare'), event('b', 'compare'), event('c', 'apply'), event('c', 'apply')];
    expect(modelEvents(log, rowOf).map((e) => e.item)).toEqual([1, 0, 1, 2, 2]);
    const summary = summarisePerson(log);
    expect(summary.compared).toEqual(['b', 'a']);
    expect(summary.applied).toEqual(['c']);
    expect(strongestContact(log, summary).get('c')).toBe('apply');
  });

  it('builds the model history: positives once each, timed by their latest positive event', () => {
    const history = historyOf(
      [
        { item: 0, event: 'favourite', timestamp: 5 },
        { item: 1, event: 'view', timestamp: 6 },
        { item: 0, event: 'purchase', timestamp: 9 },
      ],
      undefined,
    );
    expect(history.positives).toEqual([0]);
    expect(history.positiveTimes).toEqual([9]);
    expect(history.sideEvents).toEqual([{ item: 1, event: 'view', timestamp: 6 }]);
    expect(history.profile).toBeUndefined();
  });
});
