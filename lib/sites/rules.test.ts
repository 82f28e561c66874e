// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ruleForHost, siteRulesSchema } from './rules';

describe('site rules', () => {
  const rule = (host: string) => ({ host, customer: { emails: '.mail' } });

  it('finds the rule of a host, exact host first, then a wildcard', () => {
    const rules = [rule('*.acme.internal'), rule('crm.acme.internal')];
    expect(ruleForHost(rules, 'crm.acme.internal')?.host).toBe('crm.acme.internal');
    expect(ruleForHost(rules, 'erp.acme.internal')?.host).toBe('*.acme.internal');
    expect(ruleForHost(rules, 'acme.internal')?.host).toBe('*.acme.internal');
    expect(ruleForHost(rules, 'evilacme.internal')).toBeUndefined();
  });

  it('rejects invalid selectors, patterns, hosts and domains with readable reasons', () => {
    const result = siteRulesSchema.safeParse([
      { host: 'crm acme', customer: { emails: 'div[' }, orderPattern: '(', companyDomains: ['acme'] },
    ]);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join(' | ');
    expect(result.error?.issues.map((issue) => issue.message).sort()).toEqual(['domain', 'host', 'regex', 'selector']);
    expect(messages).toBeTruthy();
    expect(siteRulesSchema.safeParse([rule('crm.acme.internal:8080')]).success).toBe(true);
  });
});
