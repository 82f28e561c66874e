// Delivers messages the way a local delivery agent does: each a file in the Maildir, named by the Maildir convention,
// owned by the mailbox's owner, dated by its arrival (Dovecot reads the arrival date from the file's time).
import { chownSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Message } from './messages';

export function deliver(maildir: string, owner: { uid: number; gid: number }, messages: readonly Message[]): void {
  messages.forEach((message, index) => {
    const seconds = Math.floor(message.date.getTime() / 1000);
    const unique = `${seconds}.M${index}P${process.pid}.${hostname()}`;
    const bytes = Buffer.from(message.source);
    // Written in tmp/ then moved into new/: a reader never sees half a message.
    const draft = join(maildir, 'tmp', unique);
    writeFileSync(draft, bytes, { mode: 0o600 });
    chownSync(draft, owner.uid, owner.gid);
    utimesSync(draft, message.date, message.date);
    renameSync(draft, join(maildir, 'new', `${unique},S=${bytes.length}`));
  });
}
