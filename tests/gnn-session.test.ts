import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreUserHistory, userRepresentation, type GnnItemSide } from '../src/engine/gnn/model';
import { createGnnSession, topKOf } from '../src/engine/gnn/session';
import { INTERACTION_EVENTS, type SideEvent } from '../src/engine/rank/recommender';
import { createRng } from '../tools/lib/random';
import { syntheticEvent, syntheticItemSide, syntheticProfile } from '../tools/lib/synthetic-gnn';
import { demotedItems, historyOf, maxRelativeScoreError, rankedByScore } from './helpers/gnn-session';

/** Fixed seed so a failure reproduces; fast-check prints the seed and path of any counterexample. */
const PROPERTY_PARAMS = { seed: 20240917, numRuns: 150 };
const TOLERANCE = 1e-5;
const EMBEDDING_DIM = 6;

interface Scenario {
  readonly model: GnnItemSide;
  /** Applied in order; `profile` entries switch the profile on (with the given seed) or off. */
  readonly steps: readonly ({ kind: 'event'; event: SideEvent } | { kind: 'profile'; seed: number | null })[];
  readonly excluded: ReadonlySet<number>;
}

const weightArb = fc.constantFrom(0, 0.2, 0.5, 1, 2);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    itemCount: fc.integer({ min: 1, max: 24 }),
    dim: fc.integer({ min: 1, max: 6 }),
    layers: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    withProfile: fc.boolean(),
    demoteDismissed: fc.boolean(),
    eventWeights: fc.record({
      positive: weightArb,
      click: weightArb,
      view: weightArb,
      prior: fc.constantFrom(undefined, 0, 1, 3),
      halfLifeDays: fc.constantFrom(undefined, 0, 30, 365),
    }),
  })
  .chain((config) => {
    const model = syntheticItemSide({ ...config, ...(config.withProfile ? { profileEmbeddingDim: EMBEDDING_DIM } : {}) });
    // A few items beyond the catalog: side events about them are ignored, as by scoreUserHistory.
    const eventArb = fc.record({
      item: fc.integer({ min: 0, max: config.itemCount + 1 }),
      event: fc.constantFrom(...INTERACTION_EVENTS),
      timestamp: fc.integer({ min: 0, max: 1e9 }),
    }).filter((e) => e.item < config.itemCount || e.event === 'view' || e.event === 'click' || e.event === 'dismiss');
    const stepArb = fc.oneof(
      { weight: 8, arbitrary: eventArb.map((event) => ({ kind: 'event' as const, event })) },
      { weight: 1, arbitrary: fc.option(fc.integer({ min: 0, max: 1e6 })).map((seed) => ({ kind: 'profile' as const, seed })) },
    );
    return fc.record({
      model: fc.constant(model),
      steps: fc.array(stepArb, { maxLength: 40 }),
      excluded: fc.uniqueArray(fc.integer({ min: 0, max: config.itemCount - 1 }), { maxLength: config.itemCount }).map((items) => new Set(items)),
    });
  });

describe('createGnnSession (typed arrays)', () => {
  it('scores exactly as scoreUserHistory after every event, profile change and dismissal', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, steps, excluded }) => {
        const session = createGnnSession(model);
        const events: SideEvent[] = [];
        let profile;
        for (const step of steps) {
          if (step.kind === 'event') {
            session.addEvent(step.event);
            events.push(step.event);
          } else {
            profile = step.seed === null ? undefined : syntheticProfile(EMBEDDING_DIM, createRng(step.seed));
            session.setProfile(profile);
          }
          const history = historyOf(events, profile);
          const want = scoreUserHistory(model, history);
          const got = session.scores();
          expect(maxRelativeScoreError(got, want, model.demoteDismissed ? demotedItems(events) : new Set())).toBeLessThanOrEqual(TOLERANCE);
          expect(maxRelativeScoreError(session.representation(), userRepresentation(model, history))).toBeLessThanOrEqual(TOLERANCE);
          // topK ranks the session's own scores exactly (ties by lower id)...
          const k = 1 + (events.length % (model.itemCount + 1));
          expect(session.topK(k, excluded)).toEqual(rankedByScore(got, excluded).slice(0, k));
          // ...and position by position it picks items as good as the reference's ranking does
          // (they differ only where reference scores are closer than the rounding).
          const reference = rankedByScore(want, excluded).slice(0, k);
          const spread = Math.max(0, ...Array.from(want, Math.abs));
          session.topK(k, excluded).forEach((item, rank) => {
            expect(Math.abs(want[item]! - want[reference[rank]!]!)).toBeLessThanOrEqual(2 * TOLERANCE * spread);
          });
        }
      }),
      PROPERTY_PARAMS,
    );
  });

  it('matches scoreUserHistory on long seeded histories at the benchmark size (64 wide, 2 layers)', () => {
    const model = syntheticItemSide({ itemCount: 500, dim: 64, layers: 2, seed: 11, profileEmbeddingDim: 16 });
    const rng = createRng(5);
    const session = createGnnSession(model);
    const events: SideEvent[] = [];
    const profile = syntheticProfile(16, rng);
    for (let step = 0; step < 300; step++) {
      // Items drawn from the first 60 so that views turn into clicks, purchases and dismissals.
      const event = syntheticEvent(rng, model.itemCount, step, 60);
      session.addEvent(event);
      events.push(event);
      if (step === 100) session.setProfile(profile);
      if (step === 200) session.setProfile(undefined);
      if (step % 10 !== 0) continue;
      const want = scoreUserHistory(model, historyOf(events, step >= 100 && step < 200 ? profile : undefined));
      expect(maxRelativeScoreError(session.scores(), want, demotedItems(events))).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(demotedItems(events).size).toBeGreaterThan(0);
  });

  it('handles the cases the normalisations hinge on', () => {
    const model = syntheticItemSide({ itemCount: 12, dim: 4, layers: 2, seed: 3 });
    const check = (session: ReturnType<typeof createGnnSession>, events: SideEvent[]) => {
      const want = scoreUserHistory(model, historyOf(events));
      expect(maxRelativeScoreError(session.scores(), want, demotedItems(events))).toBeLessThanOrEqual(TOLERANCE);
    };
    const at = (item: number, event: SideEvent['event']): SideEvent => ({ item, event, timestamp: 0 });
    const cases: SideEvent[][] = [
      // A view, then a dismissal: layer 0 is empty again, exactly zero (not a residue / 0).
      [at(1, 'view'), at(1, 'dismiss')],
      // In float64, 0.2 + 0.2 + 0.2 − 0.2 − 0.2 − 0.2 is 5.6e-17, not 0: emptied, layer 0 must still be 0.
      [at(1, 'view'), at(2, 'view'), at(3, 'view'), at(1, 'dismiss'), at(2, 'dismiss'), at(3, 'dismiss')],
      // Views, then a click and a purchase of the same item: strength is the strongest event.
      [at(2, 'view'), at(2, 'view'), at(2, 'click'), at(2, 'purchase'), at(3, 'view')],
      // A dismissed positive stays a positive and is not demoted; a positive after a dismissal undoes it.
      [at(4, 'purchase'), at(4, 'dismiss'), at(5, 'dismiss'), at(5, 'favourite')],
      // Views after a dismissal do not bring the item back.
      [at(6, 'dismiss'), at(6, 'view'), at(6, 'click'), at(7, 'view')],
      // Repeated positives count once in |P|.
      [at(8, 'favourite'), at(8, 'purchase'), at(8, 'favourite'), at(9, 'purchase')],
    ];
    for (const events of cases) {
      const session = createGnnSession(model);
      for (let n = 0; n < events.length; n++) {
        session.addEvent(events[n]!);
        check(session, events.slice(0, n + 1));
      }
    }
    // No events: every score is 0, and topK is the first items by id.
    const empty = createGnnSession(model);
    expect(Array.from(empty.scores())).toEqual(new Array<number>(12).fill(0));
    expect(empty.topK(3)).toEqual([0, 1, 2]);
  });

  it('adds the profile term, and ignores a profile when the model takes none', () => {
    const withProfile = syntheticItemSide({ itemCount: 30, dim: 8, layers: 2, seed: 4, profileEmbeddingDim: EMBEDDING_DIM });
    const profile = syntheticProfile(EMBEDDING_DIM, createRng(2));
    const events: SideEvent[] = [{ item: 3, event: 'purchase', timestamp: 0 }];
    const session = createGnnSession(withProfile, profile);
    session.addEvent(events[0]!);
    expect(maxRelativeScoreError(session.scores(), scoreUserHistory(withProfile, historyOf(events, profile)))).toBeLessThanOrEqual(TOLERANCE);
    // A profile alone (cold start) already gives non-zero scores.
    expect(createGnnSession(withProfile, profile).scores().some((score) => score !== 0)).toBe(true);
    const without = syntheticItemSide({ itemCount: 30, dim: 8, layers: 2, seed: 4 });
    expect(Array.from(createGnnSession(without, profile).scores())).toEqual(new Array<number>(30).fill(0));
    // A goals embedding of the wrong length is an error, as in scoreUserHistory.
    expect(() => createGnnSession(withProfile, syntheticProfile(EMBEDDING_DIM + 1, createRng(1)))).toThrow(/another encoder/);
  });

  it('rejects positives of unknown items and ignores other events about them', () => {
    const model = syntheticItemSide({ itemCount: 5, dim: 2, layers: 1, seed: 1 });
    const session = createGnnSession(model);
    expect(() => session.addEvent({ item: 5, event: 'purchase', timestamp: 0 })).toThrow(RangeError);
    expect(() => session.addEvent({ item: 1.5, event: 'view', timestamp: 0 })).toThrow(RangeError);
    expect(() => session.addEvent({ item: 1, event: 'like' as SideEvent['event'], timestamp: 0 })).toThrow(RangeError);
    session.addEvent({ item: 9, event: 'view', timestamp: 0 });
    session.addEvent({ item: -1, event: 'dismiss', timestamp: 0 });
    expect(Array.from(session.scores())).toEqual([0, 0, 0, 0, 0]);
    expect(() => session.topK(-1)).toThrow(RangeError);
    expect(session.topK(10, new Set([0, 2]))).toEqual([1, 3, 4]);
  });

  it('does not change the model and returns scores the caller may keep', () => {
    const model = syntheticItemSide({ itemCount: 20, dim: 4, layers: 2, seed: 8 });
    const before = JSON.stringify({ ...model, itemDegree: Array.from(model.itemDegree), aggregationSource: Array.from(model.aggregationSource) });
    const session = createGnnSession(model);
    session.addEvent({ item: 2, event: 'purchase', timestamp: 0 });
    const first = session.scores();
    first.fill(7);
    expect(session.scores()).not.toEqual(first);
    expect(JSON.stringify({ ...model, itemDegree: Array.from(model.itemDegree), aggregationSource: Array.from(model.aggregationSource) })).toBe(before);
  });
});

describe('topKOf', () => {
  it('equals a full sort (ties by lower index) for any scores, k and exclusions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(-1, 0, 0.5, 2, -Infinity), { maxLength: 40 }),
        fc.integer({ min: 0, max: 45 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 45 })),
        (values, k, excluded) => {
          const scores = Float32Array.from(values);
          expect(topKOf(scores, k, new Set(excluded))).toEqual(rankedByScore(scores, new Set(excluded)).slice(0, k));
        },
      ),
      PROPERTY_PARAMS,
    );
  });
});
