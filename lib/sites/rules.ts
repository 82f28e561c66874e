import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { SiteRule } from '../detect/site-rule';

const selector = z.string().max(500).refine(isValidSelector, { message: 'selector' }).optional();

/** Validation messages are keys ('selector', 'host', 'regex', 'domain'): the options page words them per language. */
export const siteRuleSchema = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, 'host'),
  customer: z.object({ emails: selector, phones: selector, names: selector, orders: selector }),
  exclude: selector,
  orderPattern: z.string().max(200).refine(isValidRegExp, { message: 'regex' }).optional(),
  companyDomains: z
    .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'domain'))
    .max(20)
    .optional(),
}) satisfies z.ZodType<SiteRule>;

export const siteRulesSchema = z.array(siteRuleSchema).max(100);

/** Per-site rules written by an administrator in the options page (in-house CRMs); read by the background. */
export const siteRulesItem = storage.defineItem<SiteRule[]>('local:siteRules', { fallback: [] });

/** The rule for a host: an exact host wins over a "*.domain" one. */
export function ruleForHost(rules: readonly SiteRule[], host: string): SiteRule | undefined {
  const name = host.toLowerCase();
  return (
    rules.find((rule) => rule.host.toLowerCase() === name) ??
    rules.find((rule) => {
      const wildcard = rule.host.toLowerCase();
      return wildcard.startsWith('*.') && (name === wildcard.slice(2) || name.endsWith(wildcard.slice(1)));
    })
  );
}

function isValidSelector(value: string): boolean {
  if (typeof document === 'undefined') return value.trim().length > 0; // the service worker has no DOM to check with
  try {
    document.createDocumentFragment().querySelector(value);
    return true;
  } catch {
    return false;
  }
}

function isValidRegExp(value: string): boolean {
  try {
    new RegExp(value, 'gu');
    return true;
  } catch {
    return false;
  }
}
