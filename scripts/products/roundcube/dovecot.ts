// A private Dovecot IMAP server for one test run: its own configuration, sockets, logs and Maildir under the run's
// directory, listening on 127.0.0.1 only, plain-text logins (no TLS on loopback), one user from a passwd-file.
import { chmodSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, freePort, greets, startChild, waitUntil } from '../process';

export interface Dovecot {
  port: number;
  /** The user's Maildir, for writing messages into. */
  maildir: string;
  /** Who owns the mail: files written into the Maildir must be given to them. */
  owner: { uid: number; gid: number };
  close(): Promise<void>;
}

/** The uid and gid of a system account, from /etc/passwd. */
function account(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`No ${name} account: is Dovecot installed?`);
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Dovecot refuses to hand mail to root, so the mailbox belongs to Debian's `mail` account (uid 8, below Dovecot's
 * default first_valid_uid, hence the lowered bound); Dovecot's own unprivileged accounts run its other processes.
 */
function configuration(dir: string, port: number, owner: { uid: number; gid: number }): string {
  return `
instance_name = reconnu-${port}
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${owner.uid}
first_valid_gid = ${owner.gid}
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:${dir}/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

export async function startDovecot(root: string, login: { user: string; password: string }): Promise<Dovecot> {
  const dir = join(root, 'dovecot');
  const owner = account('mail');
  const maildir = join(dir, 'Maildir');
  for (const sub of ['run', 'state', 'Maildir/cur', 'Maildir/new', 'Maildir/tmp'])
    mkdirSync(join(dir, sub), { recursive: true });
  // Dovecot's processes run as its unprivileged accounts and must reach the passwd-file and the Maildir.
  chmodSync(root, 0o755);
  chmodSync(dir, 0o755);
  for (const sub of ['', 'cur', 'new', 'tmp']) chownSync(join(maildir, sub), owner.uid, owner.gid);
  writeFileSync(join(dir, 'passwd'), `${login.user}:{PLAIN}${login.password}:${owner.uid}:${owner.gid}::${dir}::\n`, {
    mode: 0o644,
  });
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  writeFileSync(config, configuration(dir, port, owner));
  const child: Child = startChild('/usr/sbin/dovecot', ['-F', '-c', config]);
  try {
    await waitUntil(child, 'Dovecot', () => greets(port, '* OK'));
  } catch (error) {
    await child.stop();
    const log = (() => {
      try {
        return readFileSync(join(dir, 'dovecot.log'), 'utf8');
      } catch {
        return '';
      }
    })();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return { port, maildir, owner, close: () => child.stop() };
}
