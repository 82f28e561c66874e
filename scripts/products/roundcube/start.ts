// The real Roundcube webmail on a real IMAP server, for one test run: a private Dovecot holding the shared mailbox's
// INBOX, seeded with the messages of ./messages.ts, and Debian's Roundcube served by PHP on 127.0.0.1.
// Needs ./install.sh first, and root (Dovecot hands the mail to the `mail` account).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAILBOX } from '../people';
import { startDovecot } from './dovecot';
import { messages } from './messages';
import { deliver } from './seed';
import { startWebmail } from './webmail';

export interface Roundcube {
  /** The login page. */
  url: string;
  login: { user: string; password: string };
  close(): Promise<void>;
}

export async function startRoundcube(): Promise<Roundcube> {
  if (!existsSync('/usr/sbin/dovecot') || !existsSync('/var/lib/roundcube/public_html/index.php')) {
    throw new Error('Roundcube or Dovecot is missing: run scripts/products/roundcube/install.sh as root first.');
  }
  if (process.getuid?.() !== 0) throw new Error('The Roundcube harness runs as root: Dovecot serves mail as `mail`.');
  const root = mkdtempSync(join(tmpdir(), 'reconnu-roundcube-'));
  const login = { user: MAILBOX, password: randomBytes(9).toString('base64url') };
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(root, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const dovecot = await startDovecot(root, login);
    cleanups.push(dovecot.close);
    deliver(dovecot.maildir, dovecot.owner, messages);
    const webmail = await startWebmail(root, dovecot.port);
    cleanups.push(webmail.close);
    return { url: webmail.url, login, close };
  } catch (error) {
    await close();
    throw error;
  }
}
