import { describe, expect, it } from 'vitest';
import { auditCsv } from './csv';

describe('auditCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const entry = {
      device: 'd',
      seq: 1,
      at: '2026-11-26T10:00:00.000Z',
      user: 'usr_hugo',
      action: 'reveal' as const,
      customerId: 'cus_1',
      where: 'side panel',
      foundBy: 'reveal',
      reason: '=HYPERLINK("http://evil.example"), "receipt"',
      prev: '0'.repeat(64),
      hash: 'a'.repeat(64),
    };
    const [header, row] = auditCsv([entry]).split('\r\n');
    expect(header).toBe('at,user,action,customerId,where,adapter,page,foundBy,reason,device,seq,hash');
    expect(row).toBe(
      `2026-11-26T10:00:00.000Z,usr_hugo,reveal,cus_1,side panel,,,reveal,"'=HYPERLINK(""http://evil.example""), ""receipt""",d,1,${'a'.repeat(64)}`,
    );
  });
});
