/**
 * What an event does to the person's lists, as the page predicts it before the engine confirms
 * (or while the engine is still loading). The engine's own PersonState replaces the prediction as
 * soon as it answers, so a mismatch here only shows for the length of one call.
 */
import type { PersonState, ProductEventInput } from '../protocol/engine-api';

export const EMPTY_PERSON: PersonState = {
  profile: null,
  favourites: [],
  dismissed: [],
  compared: [],
  applied: [],
  eventCount: 0,
};

function withItem(list: readonly string[], productId: string): readonly string[] {
  return list.includes(productId) ? list : [...list, productId];
}

export function applyEvent(person: PersonState, event: ProductEventInput): PersonState {
  const counted = { ...person, eventCount: person.eventCount + 1 };
  switch (event.kind) {
    case 'favourite':
      return { ...counted, favourites: withItem(person.favourites, event.productId) };
    case 'unfavourite':
      return { ...counted, favourites: person.favourites.filter((id) => id !== event.productId) };
    case 'not_interested':
      // A dismissal takes the product out of favourites too, as the engine's own log does.
      return {
        ...counted,
        favourites: person.favourites.filter((id) => id !== event.productId),
        dismissed: withItem(person.dismissed, event.productId),
      };
    case 'compare':
      return { ...counted, compared: withItem(person.compared, event.productId) };
    case 'apply':
      return { ...counted, applied: withItem(person.applied, event.productId) };
    case 'view':
    case 'click':
      return counted;
  }
}

export function applyEvents(person: PersonState, events: readonly ProductEventInput[]): PersonState {
  return events.reduce(applyEvent, person);
}
