// Hostile records for the feed, so the tests show what a broken or malicious feed can send and what becomes of it:
// markup in every string field, megabyte strings, 10,000-level nesting, `__proto__` / `constructor` / `prototype`
// keys, bidi overrides and zero-width characters, invalid dates, negative amounts, wrong types, huge arrays. Each
// comes as JSON text (so JSON.parse makes `__proto__` an own key, and nesting JSON.stringify would refuse can be
// served) with what Reconnu must do with it.
import type { Customer } from '../../lib/feed/schema';

/** Each runs only if something renders data as markup or code; it then sets `__pwned` and opens a dialog. */
export const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  'javascript:window.__pwned=1;alert(1)',
  '"><svg onload="window.__pwned=1;alert(1)">',
] as const;

export interface HostileCase {
  /** The feed log's id for the record (its text may carry another id, or none). */
  id: string;
  json: string;
  /** Lands (and is shown as inert text), or is quarantined with a reason containing `reason`. */
  outcome: 'lands' | 'quarantined';
  reason?: string;
  /** How a page recognizes a record that lands. */
  email?: string;
  /** The quarantine row's id in the options page, when not the record's own. */
  shownId?: string;
}

const MEGABYTE = 1 << 20;
const DEPTH = 10_000;
const at = '2026-10-01T09:00:00Z';
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObject = `${'{"a":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}`;

/** The customer a spoofed email or phone must never be taken for. */
export const VICTIM: Customer = {
  id: 'hostile_victim',
  version: 1,
  updatedAt: at,
  name: { given: 'Claire', family: 'Martin' },
  emails: ['claire.martin@hostile.test'],
  phones: ['+33 6 12 34 56 78'],
  preferences: { notes: 'Allergique au nickel' },
};

/** A customer with a payload in every string field, ids and keys included. */
function markupEverywhere(id: string, email: string): Customer {
  const [script, img, js, svg] = PAYLOADS;
  return {
    id,
    version: 1,
    updatedAt: at,
    name: { given: img, family: script, preferred: svg },
    emails: [email, `"${script}"@hostile.test`],
    phones: [`+33 6 ${js}`],
    language: 'fr',
    loyalty: { tier: svg, points: 12, card: img },
    preferences: {
      sizes: { [img]: script, [js]: svg },
      brands: [...PAYLOADS],
      categories: [...PAYLOADS],
      channel: 'email',
      notes: PAYLOADS.join(' '),
    },
    wishlist: [{ sku: script, title: img, addedAt: at }],
    recentlyViewed: [{ sku: js, title: svg, viewedAt: at }],
    cart: [{ sku: img, title: script, quantity: 2 }],
    orders: [
      {
        id: svg,
        number: img,
        placedAt: at,
        channel: 'web',
        status: js,
        total: { amount: 99.5, currency: 'EUR' },
        lines: [{ sku: svg, title: script, quantity: 1, unitPrice: 99.5 }],
      },
    ],
    consent: { personalization: true },
    stores: [script],
    addresses: [{ label: img, line1: script, postalCode: js.slice(0, 20), city: svg, country: 'FR', phone: js }],
  };
}

const base = (id: string, email: string) =>
  `"id":${JSON.stringify(id)},"version":1,"updatedAt":"${at}","emails":["${email}"]`;
const record = (id: string, fields: string) => `{${base(id, `${id}@hostile.test`)},${fields}}`;
const quarantined = (id: string, json: string, reason: string, shownId?: string): HostileCase => ({
  id,
  json,
  outcome: 'quarantined',
  reason,
  shownId,
});
const lands = (id: string, json: string): HostileCase => ({ id, json, outcome: 'lands', email: `${id}@hostile.test` });

export function hostileCases(): HostileCase[] {
  const proto =
    '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
  return [
    lands('hostile_markup', JSON.stringify(markupEverywhere('hostile_markup', 'hostile_markup@hostile.test'))),
    lands(
      'hostile_proto',
      record(
        'hostile_proto',
        `${proto},"name":{${proto},"given":"Proto","family":"Keys"},"preferences":{${proto},"sizes":{"__proto__":{"polluted":"yes"},"constructor":"XL","prototype":"M","toString":"S"}},"orders":[{${proto},"id":"o1","number":"PROTO-1","placedAt":"${at}","channel":"web","status":"shipped","total":{"amount":1,"currency":"EUR"},"lines":[]}]`,
      ),
    ),
    lands(
      'hostile_proto_id',
      `{"id":"__proto__","version":1,"updatedAt":"${at}","emails":["hostile_proto_id@hostile.test"],"name":{"given":"Proto","family":"Id"}}`,
    ),
    lands(
      'hostile_bidi',
      // Displayed, "\u202e87 65 43 21 60" reads as the victim's number: it is the number 8765432160, indexed as such.
      record(
        'hostile_bidi',
        `"name":{"given":"\\u202eeiralC","family":"Mar\\u200btin","preferred":"\\u2066Claire\\u2069"},"phones":["\\u202e87 65 43 21 60"],"preferences":{"notes":"\\u202etxt.exe Note\\u200b"}`,
      ),
    ),
    lands('hostile_deep_unknown', record('hostile_deep_unknown', `"extra":${deepArray},"meta":${deepObject}`)),
    lands('hostile_huge_unknown', record('hostile_huge_unknown', `"clicks":[${'0,'.repeat(99_999)}0]`)),
    quarantined(
      'hostile_huge_name',
      record('hostile_huge_name', `"name":{"given":"${'A'.repeat(MEGABYTE)}","family":"Long"}`),
      'name.given: Too big',
    ),
    quarantined(
      'hostile_huge_notes',
      record('hostile_huge_notes', `"preferences":{"notes":"${'<b>'.repeat(MEGABYTE / 3)}"}`),
      'preferences.notes: Too big',
    ),
    quarantined(
      'hostile_deep_known',
      record('hostile_deep_known', `"preferences":{"notes":${deepArray}}`),
      'preferences.notes: Invalid input',
    ),
    quarantined(
      'hostile_deep_orders',
      record('hostile_deep_orders', `"orders":${deepArray}`),
      'orders.0: Invalid input',
    ),
    quarantined(
      'hostile_invalid_date',
      `{"id":"hostile_invalid_date","version":1,"updatedAt":"2026-02-30T10:00:00Z"}`,
      'updatedAt: Invalid ISO datetime',
    ),
    quarantined(
      'hostile_negative_total',
      record(
        'hostile_negative_total',
        `"orders":[{"id":"o1","number":"NEG-1","placedAt":"${at}","channel":"web","status":"paid","total":{"amount":-50,"currency":"EUR"},"lines":[{"sku":"s","title":"t","quantity":-1,"unitPrice":-5}]}]`,
      ),
      'orders.0.total.amount: Too small',
    ),
    quarantined(
      'hostile_negative_cart',
      record('hostile_negative_cart', `"cart":[{"sku":"s","title":"t","quantity":-3}]`),
      'cart.0.quantity: Too small',
    ),
    quarantined(
      'hostile_string_version',
      `{"id":"hostile_string_version","version":"2","updatedAt":"${at}"}`,
      'version: Invalid input',
    ),
    quarantined(
      'hostile_number_name',
      record('hostile_number_name', `"name":{"given":42,"family":["Martin"]}`),
      'name.given: Invalid input',
    ),
    quarantined(
      'hostile_null_arrays',
      `{"id":"hostile_null_arrays","version":1,"updatedAt":"${at}","emails":null,"orders":null}`,
      'emails: Invalid input',
    ),
    quarantined(
      'hostile_huge_array',
      record('hostile_huge_array', `"phones":[${'"+33612345678",'.repeat(49_999)}"+33612345678"]`),
      'phones: Too big',
    ),
    quarantined(
      'hostile_bad_currency',
      record(
        'hostile_bad_currency',
        `"orders":[{"id":"o1","number":"CUR-1","placedAt":"${at}","channel":"web","status":"paid","total":{"amount":5,"currency":"<b>"},"lines":[]}]`,
      ),
      'orders.0.total.currency: must be an ISO 4217 code',
    ),
    quarantined(
      'hostile_bad_language',
      record('hostile_bad_language', `"language":"<script>"`),
      'language: must be a language tag',
    ),
    quarantined(
      'hostile_zero_width_email',
      `{"id":"hostile_zero_width_email","version":1,"updatedAt":"${at}","emails":["claire.martin\\u200b@hostile.test"]}`,
      'emails.0: must not hold control or invisible characters',
    ),
    quarantined(
      'hostile_control_id',
      `{"id":"evil\\u0001e:claire.martin@hostile.test","version":1,"updatedAt":"${at}"}`,
      'id: must not hold control or invisible characters',
      'evil\u0001e:claire.martin@hostile.test',
    ),
    quarantined(
      'hostile_huge_id',
      `{"id":"${'x'.repeat(MEGABYTE)}","version":1,"updatedAt":"${at}"}`,
      'id: Too big',
      '(id too long',
    ),
    quarantined(
      'hostile_markup_id',
      `{"id":${JSON.stringify(PAYLOADS[1])},"version":"x","updatedAt":"${at}"}`,
      'version: Invalid input',
      PAYLOADS[1],
    ),
    quarantined('hostile_string_record', JSON.stringify(PAYLOADS[0]), 'record: Invalid input', '(no id'),
    quarantined('hostile_null_record', 'null', 'record: Invalid input', '(no id'),
  ];
}
