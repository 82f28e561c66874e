// What the private Request Tracker holds: the recognition corpus's agent, the "Service client" queue answering at
// the company's mailbox, and three tickets opened by customers' mails (with what real mails carry: a Cc, a quoted
// older message, a phone number, an order reference) and answered by the agent over his signature.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Me } from '../../../lib/feed/schema';
import { fullName, MAILBOX, people, SWITCHBOARD, stranger } from '../people';
import { COMMENT_ADDRESS } from './config';

export type TicketKey = 'camille' | 'unknown' | 'helene';
export type TicketIds = Record<TicketKey, number>;

export const QUEUE = 'Service client';

interface Mail {
  from: string;
  cc?: string;
  subject: string;
  date: string;
  body: string;
}

/** A header word in RFC 2047 form when it is not plain ASCII, as mail clients send accented names. */
const word = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

const mailbox = (name: string, email: string) => `${word(name)} <${email}>`;

let sequence = 0;

/** A customer's mail as it reaches RT's mail gateway. */
function rawMail(mail: Mail): string {
  sequence += 1;
  const domain = mail.from.replace(/^.*@|>$/g, '');
  return [
    `From: ${mail.from}`,
    `To: ${mailbox('Service client Maison Lumière', MAILBOX)}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    `Subject: ${word(mail.subject)}`,
    `Date: ${mail.date}`,
    `Message-ID: <seed-${sequence}.${Date.now()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.body,
  ].join('\n');
}

/** How the agent signs every reply: his name, then the company's mailbox and switchboard. */
const signature = (agent: Me) =>
  `Bien cordialement,\n${agent.name}\nService client — Maison Lumière\n${MAILBOX}\n${SWITCHBOARD}`;

const { camille, julien, marc, helene } = people;
const email = (person: { emails?: readonly string[] }) => person.emails?.[0] ?? '';

function tickets(agent: Me) {
  return [
    {
      key: 'camille',
      mail: rawMail({
        from: mailbox(fullName(camille), email(camille)),
        cc: mailbox(fullName(julien), email(julien)),
        subject: 'Lampe Odéon arrivée abîmée',
        date: 'Tue, 10 Nov 2026 09:14:00 +0100',
        body: `Bonjour,

La lampe Odéon reçue hier est arrivée avec l'abat-jour fendu. Julien, en copie, était là à la livraison.
Le vendeur m'avait pourtant assuré que l'emballage serait renforcé :

Le 3 nov. 2026, ${fullName(marc)} <${email(marc)}> a écrit :
> Bonjour Camille,
> La lampe partira demain, avec une double protection autour de l'abat-jour.
> Bonne journée,
> ${fullName(marc)}

Pouvez-vous m'envoyer un nouvel abat-jour ?

${fullName(camille)}
`,
      }),
      reply: `Bonjour Madame Dubois,\n\nToutes nos excuses : un nouvel abat-jour part aujourd'hui en Colissimo.\n\n${signature(agent)}`,
    },
    {
      key: 'unknown',
      mail: rawMail({
        from: mailbox(stranger.name, stranger.email),
        cc: mailbox(fullName(julien), email(julien)),
        subject: 'Suspension Lune en laiton brossé ?',
        date: 'Wed, 11 Nov 2026 16:40:00 +0100',
        body: `Bonjour,

La suspension Lune existe-t-elle en laiton brossé ? Je mets en copie l'architecte qui suit notre chantier.

Cordialement,
${stranger.name}
`,
      }),
      reply: `Bonjour Monsieur Bernard,\n\nOui, la suspension Lune existe en laiton brossé, livrée sous trois semaines.\n\n${signature(agent)}`,
    },
    {
      key: 'helene',
      mail: rawMail({
        from: mailbox(fullName(helene), email(helene)),
        subject: 'Commande n° 4417 2290 18 toujours pas reçue',
        date: 'Thu, 12 Nov 2026 08:05:00 +0100',
        body: `Bonjour,

Ma commande n° 4417 2290 18 du 2 novembre n'est toujours pas arrivée.
Pouvez-vous me rappeler au 07 81 22 33 44, plutôt le matin ?

Merci,
${fullName(helene)}
`,
      }),
      reply: `Bonjour Madame Fontaine,\n\nVotre colis est reparti hier du dépôt ; je vous rappelle demain matin.\n\n${signature(agent)}`,
    },
  ];
}

/** The agent's sign-in: his corpus identity, with an RT login name and password of the test's own. */
export const agentLogin = (agent: Me) => ({
  user: agent.email.split('@')[0] ?? 'agent',
  password: 'reconnu-rt-agent',
});

/** Seeds the database RT's environment `env` points at; resolves to the tickets' ids. */
export function seed(env: NodeJS.ProcessEnv, agent: Me): Promise<TicketIds> {
  const login = agentLogin(agent);
  const input = {
    agent: { name: login.user, email: agent.email, realName: agent.name, password: login.password },
    queue: { name: QUEUE, correspondAddress: MAILBOX, commentAddress: COMMENT_ADDRESS },
    tickets: tickets(agent),
  };
  return new Promise((resolve, reject) => {
    const child = execFile(
      'perl',
      [join(import.meta.dirname, 'seed.pl')],
      { env, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`Seeding RT failed: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as TicketIds);
      },
    );
    child.stdin?.end(JSON.stringify(input));
  });
}
