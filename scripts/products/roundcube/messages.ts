// The messages in the shared mailbox's INBOX, as real RFC 5322 files: what customers (and a stranger) wrote to the
// company, each with what should and should not be taken for its customer.
import type { Customer } from '../../../lib/feed/schema';
import { fullName, MAILBOX, people, SWITCHBOARD, stranger } from '../people';

export interface Message {
  /** Stable name, for the test and for saving what Roundcube rendered. */
  key: string;
  subject: string;
  /** When it arrived: the file's time, which Dovecot reports as the arrival date. */
  date: Date;
  /** The whole message, CRLF line ends. */
  source: string;
  /** The customer the message is about, or null when it is nobody the feed knows. */
  expect: Customer | null;
}

/** A header's display name as RFC 2047 encoded-word when it is not ASCII, as mail clients send it. */
function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

const mailbox = (name: string, address: string) => `${encodeWord(name)} <${address}>`;
const COMPANY = mailbox('Service client Maison Lumière', MAILBOX);
/** The switchboard as French customers write it. */
const SWITCHBOARD_NATIONAL = SWITCHBOARD.replace('+33 ', '0');
const of = (person: Customer) => mailbox(fullName(person), person.emails?.[0] ?? '');

function message(headers: Record<string, string>, date: Date, body: string): string {
  const lines = [
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    body,
  ];
  return `${lines.join('\n').replaceAll(/\r?\n/g, '\r\n')}\r\n`;
}

const plain = (text: string) => `Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n${text}`;

function alternative(text: string, html: string): string {
  const boundary = '000000000000reconnu5f2a9c';
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    plain(text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n',
    html,
    `--${boundary}--`,
  ].join('\n');
}

const { camille, helene, julien, marc } = people;

function headers(key: string, subject: string, date: Date, from: string, cc?: string): Record<string, string> {
  return {
    From: from,
    To: COMPANY,
    ...(cc ? { Cc: cc } : {}),
    Subject: encodeWord(subject),
    'Message-ID': `<${key}.${date.getTime()}@reconnu.test>`,
  };
}

/** Camille writes, quoting an older message from Marc (a customer too) that she was forwarded. */
function fromCamille(): Message {
  const [key, subject, date] = ['camille', 'Re: Livraison de ma lampe Arc', new Date('2026-11-10T08:14:00Z')] as const;
  const body = plain(`Bonjour,

Je n'ai toujours pas reçu ma lampe Arc, commandée il y a trois semaines. Mon voisin m'avait pourtant transmis
votre réponse, que je recopie ci-dessous. Pouvez-vous me dire où en est la livraison ?

Merci d'avance,
Camille Dubois

Le 3 nov. 2026, ${fullName(marc)} <${marc.emails?.[0]}> a écrit :
> Bonjour Camille,
>
> Le service client m'a confirmé que les lampes Arc partent de l'entrepôt
> cette semaine. Tu devrais recevoir la tienne d'ici lundi.
>
> Marc
`);
  return { key, subject, date, expect: camille, source: message(headers(key, subject, date, of(camille)), date, body) };
}

/**
 * Hélène writes in HTML (and plain text, as webmails send), with Julien in copy, her phone, the company's
 * switchboard, and an order number grouped like a phone number.
 */
function fromHelene(): Message {
  const [key, subject, date] = [
    'helene',
    'Commande 4417 2290 18 : abat-jour abîmé',
    new Date('2026-11-10T09:02:00Z'),
  ] as const;
  const html = `<div dir="ltr"><div>Bonjour,</div><div><br></div>
<div>L'abat-jour de ma <b>commande n° 4417 2290 18</b> est arrivé déchiré. J'ai essayé de vous joindre au
${SWITCHBOARD_NATIONAL} sans succès ; vous pouvez me rappeler au 07 81 22 33 44 à partir de 14 h.</div>
<div><br></div><div>Je mets Julien en copie, c'est lui qui réceptionnera le colis de remplacement.</div>
<div><br></div><div>Bien cordialement,</div><div>Hélène Fontaine</div><div>07 81 22 33 44</div></div>`;
  const text = `Bonjour,

L'abat-jour de ma commande n° 4417 2290 18 est arrivé déchiré. J'ai essayé de vous joindre au
${SWITCHBOARD_NATIONAL} sans succès ; vous pouvez me rappeler au 07 81 22 33 44 à partir de 14 h.

Je mets Julien en copie, c'est lui qui réceptionnera le colis de remplacement.

Bien cordialement,
Hélène Fontaine
07 81 22 33 44
`;
  const source = message(headers(key, subject, date, of(helene), of(julien)), date, alternative(text, html));
  return { key, subject, date, expect: helene, source };
}

/** Someone the feed does not know writes, forwarding an older message of Camille's in Outlook's manner. */
function fromStranger(): Message {
  const [key, subject, date] = ['stranger', 'TR: Lampe Arc en laiton', new Date('2026-11-10T10:47:00Z')] as const;
  const body = plain(`Bonjour,

Une amie m'a recommandé votre lampe Arc : est-elle disponible en laiton brossé ?
Je vous transmets son message pour référence.

Paul Bernard

-----Original Message-----
From: ${fullName(camille)} <${camille.emails?.[0]}>
Sent: Monday, November 2, 2026 6:12 PM
To: ${stranger.name} <${stranger.email}>
Subject: Lampe Arc en laiton

Salut Paul,

C'est la lampe Arc de Maison Lumière, je l'ai commandée chez eux le mois dernier.

Camille
`);
  const from = mailbox(stranger.name, stranger.email);
  return { key, subject, date, expect: null, source: message(headers(key, subject, date, from), date, body) };
}

export const messages: Message[] = [fromCamille(), fromHelene(), fromStranger()];
