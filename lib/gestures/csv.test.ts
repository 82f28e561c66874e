import { describe, expect, it } from 'vitest';
import type { GestureRecord } from '../policy/schema';
import { gesturesCsv } from './csv';

const base: GestureRecord = {
  id: 'g1',
  customerId: 'claire',
  agentId: 'lea',
  agentName: 'Léa Martin',
  gesture: 'goodwill',
  size: 4500,
  currency: 'EUR',
  reason: '=HYPERLINK("x")',
  channel: 'phone',
  status: 'approved',
  at: '2026-11-05T10:00:00Z',
};

describe('the gestures export', () => {
  it('writes sizes in their unit and escapes formulas', () => {
    const csv = gesturesCsv([base, { ...base, id: 'g2', gesture: 'discount', size: 10, currency: undefined }]);
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(
      'at,agentId,agentName,customerId,gesture,amount,unit,channel,status,reason,decidedBy,comment,id',
    );
    expect(first).toContain(',goodwill,45.00,EUR,');
    expect(first).toContain(`"'=HYPERLINK(""x"")"`);
    expect(second).toContain(',discount,10,%,');
  });
});
