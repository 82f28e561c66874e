import { describe, expect, it } from 'vitest';
import type { Customer } from '../feed/schema';
import type { Sighting } from '../protocol/messages';
import { decide, scoreCandidate } from './evidence';

const person = (id: string, given: string, family: string): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given, family },
});
const seen = (cues: Sighting['cues'], near = ''): Sighting => ({ kind: 'email', value: 'x@example.org', cues, near });

describe('decide', () => {
  const joris = person('c_joris', 'Joris', 'Van Damme');
  const jan = person('c_jan', 'Jan', 'Peeters');

  it('the person a record page names in its title outweighs one it only mentions as much', () => {
    const candidates = (heading?: string) => [
      scoreCandidate(joris, [seen([])], heading),
      scoreCandidate(jan, [seen([])], heading),
    ];
    expect(decide(candidates()).chosen).toBeUndefined();
    expect(decide(candidates('Joris Van Damme · People · Twenty')).chosen?.customer.id).toBe('c_joris');
    // Quoted only, a title does not make someone the page's subject.
    expect(scoreCandidate(jan, [seen(['quoted'])], 'Jan Peeters').score).toBeLessThan(1);
  });

  it('the customer the page shows in its card wins over a copied neighbour who wrote once, not over an equal', () => {
    const emily = person('c_emily', 'Emily', 'Carter');
    const oliver = person('c_oliver', 'Oliver', 'Bennett');
    const carded = scoreCandidate(emily, [seen(['card', 'link']), seen(['card']), seen(['sender'])]);
    const wroteOnce = scoreCandidate(oliver, [seen(['sender']), seen([])]);
    expect(carded.score / wroteOnce.score).toBeLessThan(2);
    expect(decide([carded, wroteOnce]).chosen?.customer.id).toBe('c_emily');
    const alsoCarded = scoreCandidate(oliver, [seen(['card']), seen(['sender'])]);
    expect(decide([carded, alsoCarded]).chosen).toBeUndefined();
  });
});
