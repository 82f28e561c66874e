import { describe, expect, it } from 'vitest';
import type { Me } from '../../lib/feed/schema';
import type { HttpError } from '../../scripts/feed-server/http';
import { RegionStore } from '../../scripts/feed-server/regions';

const person = (id: string, role: Me['role']): Me => ({ id, name: id, email: `${id}@example.org`, role });
const [lea, hugo, sam] = [person('lea', 'agent'), person('hugo', 'agent'), person('sam', 'supervisor')];
const proposal = { site: 'support.example.org', region: 'main||section.conversation>p' };

describe('shared page regions (reference feed)', () => {
  it('counts each proposer once, shows agents only what a supervisor shared, and keeps who proposed private', () => {
    const store = new RegionStore();
    store.propose({ regions: [proposal] }, lea);
    store.propose({ regions: [proposal] }, lea);
    store.propose({ regions: [proposal] }, hugo);
    expect(store.list(sam).regions).toEqual([{ ...proposal, status: 'pending', proposers: 2 }]);
    expect(store.list(lea).regions).toEqual([]);
    store.decide({ ...proposal, verdict: 'approve' }, sam);
    expect(store.list(lea).regions).toMatchObject([{ ...proposal, status: 'approved', decidedBy: 'sam' }]);
    expect(JSON.stringify(store.list(sam))).not.toContain('hugo');
  });

  it('refuses a malformed batch whole, an agent’s decision, and a decision on nothing proposed', () => {
    const store = new RegionStore();
    const status = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as HttpError).status;
      }
      return 200;
    };
    expect(status(() => store.propose({ regions: [proposal, { site: '', region: 'x' }] }, lea))).toBe(400);
    expect(store.list(sam).regions).toEqual([]);
    store.propose({ regions: [proposal] }, lea);
    expect(status(() => store.decide({ ...proposal, verdict: 'approve' }, hugo))).toBe(403);
    expect(status(() => store.decide({ ...proposal, region: 'other', verdict: 'approve' }, sam))).toBe(404);
  });
});
