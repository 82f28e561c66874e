import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SiteRule } from '@/lib/detect/site-rule';
import { siteRulesItem, siteRulesSchema } from '@/lib/sites/rules';
import { useStrings } from './AppShell';

const empty = { host: '', emails: '', phones: '', names: '', orders: '', exclude: '', orderPattern: '', domains: '' };
type Draft = typeof empty;

function toRule(draft: Draft): SiteRule {
  const optional = (value: string) => value.trim() || undefined;
  const domains = draft.domains
    .split(',')
    .map((domain) => domain.trim())
    .filter(Boolean);
  return {
    host: draft.host.trim().toLowerCase(),
    customer: {
      emails: optional(draft.emails),
      phones: optional(draft.phones),
      names: optional(draft.names),
      orders: optional(draft.orders),
    },
    exclude: optional(draft.exclude),
    orderPattern: optional(draft.orderPattern),
    companyDomains: domains.length ? domains : undefined,
  };
}

/** Per-site rules for in-house CRMs: selectors typed in, validated, no code and no release needed. */
export function SiteRulesEditor() {
  const t = useStrings();
  const id = useId();
  const [rules, setRules] = useState<SiteRule[]>([]);
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    siteRulesItem.getValue().then(setRules);
    return siteRulesItem.watch((value) => setRules(value ?? []));
  }, []);

  const save = async (next: SiteRule[]) => {
    const parsed = siteRulesSchema.safeParse(next);
    if (!parsed.success) {
      setError(
        parsed.error.issues
          .map((issue) => t.ruleError[issue.message as keyof typeof t.ruleError] ?? issue.message)
          .join('; '),
      );
      return false;
    }
    await siteRulesItem.setValue(parsed.data);
    setError(null);
    return true;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rule = toRule(draft);
    if (await save([...rules.filter((known) => known.host !== rule.host), rule])) setDraft(empty);
  };
  const fields: [keyof Draft, string][] = [
    ['host', t.siteHost],
    ['emails', t.customerEmailSelector],
    ['phones', t.customerPhoneSelector],
    ['names', t.customerNameSelector],
    ['orders', t.orderSelector],
    ['exclude', t.excludeSelector],
    ['orderPattern', t.orderPattern],
    ['domains', t.companyDomains],
  ];

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.sites}</h3>
      <p className="muted">{t.siteRulesIntro}</p>
      {rules.length === 0 ? (
        <p className="muted">{t.noRules}</p>
      ) : (
        <ul>
          {rules.map((rule) => (
            <li key={rule.host}>
              <code>{rule.host}</code>{' '}
              <span className="muted">
                {Object.values(rule.customer).filter(Boolean).join(' · ')}
                {rule.orderPattern && ` · /${rule.orderPattern}/`}
              </span>{' '}
              <button type="button" onClick={() => void save(rules.filter((known) => known !== rule))}>
                {t.removeRule} {rule.host}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        {fields.map(([field, label]) => (
          <div key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              value={draft[field]}
              required={field === 'host'}
              spellCheck={false}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
          </div>
        ))}
        {error && <p role="alert">{error}</p>}
        <p>
          <button type="submit">{t.addRule}</button>
        </p>
      </form>
    </section>
  );
}
