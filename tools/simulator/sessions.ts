/**
 * Turns a customer's utilities into a year of sessions: the platform shows a short list, the customer
 * looks at the top of it (position bias), and clicks, favourites, buys or dismisses according to the
 * utility plus noise. docs/simulator.md describes the model and its constants.
 */
import type { GoalTag } from '../../src/engine/catalog';
import type { Rng } from '../lib/random';
import type { ItemProfile } from './item-profile';
import { gumbel, intBetween, pickWeighted, sigmoid } from './sampling';
import { choiceNoise } from './utility';
import { type Interaction, type LatentTraits, type Persona, SIMULATION_WINDOW } from './types';

export const SESSION_MODEL = {
  /** Share of sessions that start from one of the customer's goals (a search or a goal page); the rest browse everything. */
  goalIntentShare: 0.7,
  /** The primary goal is this many times likelier to drive a session than each other goal. */
  primaryGoalWeight: 2,
  /** Products shown per session. */
  minListLength: 4,
  maxListLength: 8,
  /** How strongly the platform's (non-personalised) list favours popular products. */
  platformAppealWeight: 0.8,
  /** Chance of looking at the product in position p (0-based): 1 / (1 + p)^positionDecay. */
  positionDecay: 0.8,
  /** Logit offsets: each event happens with probability sigmoid(offset + utility + noise). */
  clickOffset: -2.3,
  favouriteOffset: -1.3,
  purchaseOffset: -3.3,
  /** Each product already bought makes the next purchase less likely (budgets are finite). */
  purchaseSaturation: 0.6,
  /** A looked-at, unclicked product is dismissed with probability dismissShare · sigmoid(dismissOffset − utility − noise). */
  dismissShare: 0.4,
  dismissOffset: -1.0,
  /** Sessions never start in the last day of the window, so that they end inside it. */
  lastStartMargin: 86_400,
  /** Minimum quiet time between two sessions of one customer. */
  sessionGap: 60,
} as const;

/** Relative chance of a session starting at each hour of the day (UTC): quiet at night, peaks at lunch and in the evening. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 3, 3, 3, 4, 4, 3, 3, 3, 3.5, 4.5, 5.5, 6, 5.5, 4, 2] as const;

export interface UserContext {
  readonly persona: Persona;
  readonly latent: LatentTraits;
  /** This customer's ground-truth utility per item, in catalog order. */
  readonly utilities: Float64Array;
}

export interface CatalogContext {
  readonly items: readonly ItemProfile[];
  /** Item indices carrying each goal tag. */
  readonly itemsByGoal: ReadonlyMap<GoalTag, readonly number[]>;
}

interface UserState {
  readonly favourited: Set<number>;
  readonly purchased: Set<number>;
  readonly dismissed: Set<number>;
  clock: number;
}

/** A year of one customer's events, in time order. */
export function simulateUserEvents(rng: Rng, user: UserContext, catalog: CatalogContext): Interaction[] {
  const events: Interaction[] = [];
  const state: UserState = { favourited: new Set(), purchased: new Set(), dismissed: new Set(), clock: 0 };
  for (const plannedStart of sessionStarts(rng, user.latent)) {
    state.clock = Math.max(plannedStart, state.clock + SESSION_MODEL.sessionGap);
    const shown = platformList(rng, user.persona, catalog, state);
    if (!runSession(rng, user, catalog, shown, state, events)) break;
  }
  return events;
}

function sessionStarts(rng: Rng, latent: LatentTraits): number[] {
  const last = SIMULATION_WINDOW.end - SESSION_MODEL.lastStartMargin;
  const activeShare = (last - latent.joinedAt) / (last - SIMULATION_WINDOW.start);
  const count = Math.max(3, Math.round(latent.sessionsPerYear * activeShare));
  const firstDay = Math.floor(latent.joinedAt / 86_400);
  const dayCount = Math.floor(last / 86_400) - firstDay;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = firstDay + rng.int(dayCount);
    const hour = pickWeighted(rng, HOUR_WEIGHTS);
    starts.push(Math.max(latent.joinedAt, day * 86_400 + hour * 3_600 + rng.int(3_600)));
  }
  return starts.sort((a, b) => a - b);
}

/** The platform's list for this session: products for one goal (or all), ranked by appeal plus Gumbel noise. */
function platformList(rng: Rng, persona: Persona, catalog: CatalogContext, state: UserState): number[] {
  let candidates: readonly number[] = catalog.items.map((_, index) => index);
  if (rng.next() < SESSION_MODEL.goalIntentShare) {
    const weights = persona.goals.map((_, index) => (index === 0 ? SESSION_MODEL.primaryGoalWeight : 1));
    candidates = catalog.itemsByGoal.get(persona.goals[pickWeighted(rng, weights)]!) ?? candidates;
  }
  const length = intBetween(rng, SESSION_MODEL.minListLength, SESSION_MODEL.maxListLength);
  return candidates
    .filter((index) => !state.dismissed.has(index) && !state.purchased.has(index))
    .map((index) => ({ index, score: SESSION_MODEL.platformAppealWeight * catalog.items[index]!.appeal + gumbel(rng) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, length)
    .map((entry) => entry.index);
}

/** Plays one session; returns false when the clock ran past the window (the customer's year is over). */
function runSession(
  rng: Rng,
  user: UserContext,
  catalog: CatalogContext,
  shown: readonly number[],
  state: UserState,
  events: Interaction[],
): boolean {
  const m = SESSION_MODEL;
  const noise = choiceNoise(user.persona.literacy);
  const emit = (item: number, event: Interaction['event'], minDelay: number, maxDelay: number): boolean => {
    state.clock += intBetween(rng, minDelay, maxDelay);
    if (state.clock >= SIMULATION_WINDOW.end) return false;
    events.push({ userId: user.persona.userId, itemId: catalog.items[item]!.product.id, timestamp: state.clock, event });
    return true;
  };

  for (let position = 0; position < shown.length; position++) {
    if (rng.next() >= 1 / (1 + position) ** m.positionDecay) continue;
    const item = shown[position]!;
    if (!emit(item, 'view', 2, 15)) return false;
    // One noise draw per look: the same momentary impression drives click, favourite and purchase.
    const value = user.utilities[item]! + noise * rng.normal();
    if (rng.next() < sigmoid(m.clickOffset + value)) {
      if (!emit(item, 'click', 2, 20)) return false;
      if (!state.favourited.has(item) && rng.next() < sigmoid(m.favouriteOffset + value)) {
        state.favourited.add(item);
        if (!emit(item, 'favourite', 5, 90)) return false;
      }
      const saturation = m.purchaseSaturation * state.purchased.size;
      if (rng.next() < sigmoid(m.purchaseOffset + value - saturation)) {
        state.purchased.add(item);
        if (!emit(item, 'purchase', 30, 600)) return false;
      }
    } else if (rng.next() < m.dismissShare * sigmoid(m.dismissOffset - value)) {
      state.dismissed.add(item);
      if (!emit(item, 'dismiss', 1, 5)) return false;
    }
  }
  return true;
}
