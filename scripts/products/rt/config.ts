// The per-run configuration of a private Request Tracker: RT reads RT_SITE_CONFIG instead of
// /etc/request-tracker5/RT_SiteConfig.pm and RT_SITE_CONFIG_DIR instead of its RT_SiteConfig.d folders, so
// nothing the Debian package configured (its /rt web path, syslog, a database of its own) applies to the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAILBOX } from '../people';

/** Where the Debian package puts RT's programs. */
export const RT_HOME = '/usr/share/request-tracker5';
export const RT_SETUP_DATABASE = '/usr/sbin/rt-setup-database-5';
export const RT_SERVER = join(RT_HOME, 'libexec', 'rt-server');

export const COMMENT_ADDRESS = MAILBOX.replace('@', '-comment@');

/** A Perl single-quoted string. */
const perl = (text: string) => `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\@-]/g, '\\$&');

/** RT's site configuration for an instance living in `dir` and served at http://127.0.0.1:`port`. */
export function siteConfig(dir: string, port: number): string {
  const settings: [string, string][] = [
    ['rtname', perl('maison-lumiere.fr')],
    ['Organization', perl('maison-lumiere.fr')],
    ['Timezone', perl('Europe/Paris')],
    // The browser's origin exactly: RT refuses form posts whose Referer is on another origin.
    ['WebDomain', perl('127.0.0.1')],
    ['WebPort', String(port)],
    ['WebPath', perl('')],
    ['WebBaseURL', perl(`http://127.0.0.1:${port}`)],
    ['DatabaseType', perl('SQLite')],
    ['DatabaseName', perl(join(dir, 'rt.db'))],
    ['CorrespondAddress', perl(MAILBOX)],
    ['CommentAddress', perl(COMMENT_ADDRESS)],
    // As a helpdesk is set up: who the customer copies becomes a ticket Cc, the company's own addresses never.
    ['ParseNewMessageForTicketCcs', '1'],
    ['RTAddressRegexp', `qr/^(?:${escapeRegex(MAILBOX)}|${escapeRegex(COMMENT_ADDRESS)})$/i`],
    // Outgoing mail (autoreplies, the agent's replies) goes to a temporary file, never to a mail server.
    ['MailCommand', perl('testfile')],
    ['LogToSTDERR', perl('warning')],
    ['LogToSyslog', 'undef'],
    ['LogToFile', 'undef'],
  ];
  return [
    '# Generated for one test run by scripts/products/rt/config.ts.',
    ...settings.map(([name, value]) => `Set($${name}, ${value});`),
    // Compiled templates and web sessions (SQLite sessions are files) stay in the run's directory too.
    `$RT::MasonDataDir = ${perl(join(dir, 'mason'))};`,
    `$RT::MasonSessionDir = ${perl(join(dir, 'sessions'))};`,
    '1;',
    '',
  ].join('\n');
}

/** Writes the configuration into `dir` and returns the environment every RT program of the run needs. */
export function writeSiteConfig(dir: string, port: number): NodeJS.ProcessEnv {
  const siteDir = join(dir, 'RT_SiteConfig.d');
  for (const sub of [siteDir, join(dir, 'mason'), join(dir, 'sessions')]) mkdirSync(sub, { recursive: true });
  const file = join(dir, 'RT_SiteConfig.pm');
  writeFileSync(file, siteConfig(dir, port));
  return { ...process.env, RT_SITE_CONFIG: file, RT_SITE_CONFIG_DIR: siteDir };
}
