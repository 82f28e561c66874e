// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter } from '../../tests/describe-adapter';
import intercom from './intercom';

describeAdapter(intercom);

describe('Intercom specifics', () => {
  it('matches conversations opened from any inbox folder, not the folders themselves', () => {
    expect(intercom.pages.test('/a/inbox/x7k2p9qa/inbox/shared/all/conversation/215471893000452')).toBe(true);
    expect(intercom.pages.test('/a/inbox/x7k2p9qa/inbox/admin/7341950/conversation/215471893000452?view=List')).toBe(
      true,
    );
    expect(intercom.pages.test('/a/inbox/x7k2p9qa/inbox/shared/all')).toBe(false);
  });
});
