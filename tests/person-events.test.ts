import { describe, expect, it } from 'vitest';
import { applyEvents, EMPTY_PERSON } from '../src/state/person-events';

describe('predicted person', () => {
  it('takes a dismissed product out of favourites, as the engine does', () => {
    const person = applyEvents(EMPTY_PERSON, [
      { productId: 'a', kind: 'favourite' },
      { productId: 'b', kind: 'favourite' },
      { productId: 'a', kind: 'not_interested' },
    ]);
    expect(person).toMatchObject({ favourites: ['b'], dismissed: ['a'], eventCount: 3 });
  });

  it('lets a dismissed product be favourited again without undismissing it', () => {
    const person = applyEvents(EMPTY_PERSON, [
      { productId: 'a', kind: 'not_interested' },
      { productId: 'a', kind: 'favourite' },
    ]);
    expect(person).toMatchObject({ favourites: ['a'], dismissed: ['a'] });
  });
});
