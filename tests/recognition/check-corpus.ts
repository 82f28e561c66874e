// Sanity checks for the recognition corpus: npx tsx tests/recognition/check-corpus.ts
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Case {
  file: string;
  product: string;
  kind: string;
  adapter: string | null;
  url: string;
  expect: string | null;
  decoys: string[];
  why: string;
}
interface Customer {
  id: string;
  emails: string[];
  phones: string[];
}

const root = dirname(fileURLToPath(import.meta.url));
const cases: Case[] = JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8'));
const customers: Customer[] = JSON.parse(readFileSync(join(root, 'customers.json'), 'utf8'));
const errors: string[] = [];
const fail = (msg: string) => errors.push(msg);

const ids = new Set<string>();
for (const c of customers) {
  if (ids.has(c.id)) fail(`duplicate customer id ${c.id}`);
  ids.add(c.id);
}

const digits = (s: string) => s.replace(/\D/g, '');
// National significant number: drop the country code (+33 / 0033 / leading 0) so "+33 6 12…" matches "06 12…".
const national = (phone: string) => {
  const d = digits(phone);
  if (phone.trim().startsWith('+')) return d.replace(/^(33|32|41|44|49)/, '');
  return d.replace(/^0+/, '');
};

/** The page's text and the text of the same-origin frames it references. */
function pageText(file: string): string {
  let html = readFileSync(join(root, 'pages', file), 'utf8');
  for (const m of html.matchAll(/src="\/__frames\/([^"]+)"/g)) {
    const frame = join(root, 'pages', 'frames', m[1] ?? '');
    if (!existsSync(frame)) fail(`${file}: frame ${m[1]} missing`);
    else html += readFileSync(frame, 'utf8');
  }
  return html;
}

const files = new Set<string>();
const products = new Set<string>();
for (const c of cases) {
  if (files.has(c.file)) fail(`duplicate case file ${c.file}`);
  files.add(c.file);
  products.add(c.product);
  const path = join(root, 'pages', c.file);
  if (!existsSync(path)) {
    fail(`${c.file}: missing`);
    continue;
  }
  const raw = readFileSync(path, 'utf8');
  if (!/^<!doctype html>\s*\n<!-- source: /i.test(raw))
    fail(`${c.file}: no "<!-- source: …" comment after the doctype`);
  if (/<(?:link|script)[^>]+(?:href|src)="https?:/i.test(raw)) fail(`${c.file}: external resource`);
  if (!c.why || !c.url.startsWith('https://')) fail(`${c.file}: why/url`);
  if (c.expect === null) continue;
  const customer = customers.find((x) => x.id === c.expect);
  if (!customer) {
    fail(`${c.file}: expect ${c.expect} not in customers.json`);
    continue;
  }
  const text = pageText(c.file);
  const textDigits = digits(text);
  const byEmail = customer.emails.some((e) => text.toLowerCase().includes(e.toLowerCase()));
  const byPhone = customer.phones.some((p) => textDigits.includes(national(p)));
  if (!byEmail && !byPhone) fail(`${c.file}: none of ${c.expect}'s e-mails or phone digits appear on the page`);
}

if (cases.length < 40) fail(`only ${cases.length} pages (need 40)`);
if (products.size < 12) fail(`only ${products.size} products (need 12)`);
const nulls = cases.filter((c) => c.expect === null).length;
console.log(
  `${cases.length} pages, ${products.size} products, ${cases.length - nulls} expect a customer, ${nulls} expect none, ${customers.length} customers`,
);
if (errors.length) {
  for (const e of errors) console.error(`✗ ${e}`);
  process.exit(1);
}
console.log('corpus OK');
