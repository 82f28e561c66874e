// Debian's Roundcube served by PHP's built-in web server, configured for one test run: its own configuration
// directory (Debian's defaults, and a config.inc.php of ours), a SQLite file Roundcube initialises on first use, logs
// and temporary files, all under the run's directory. Debian's /etc/roundcube is read for its defaults only.
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startChild, waitUntil } from '../process';

/** Debian's public document root: index.php, and links to the skins and scripts Roundcube serves as files. */
const PUBLIC_HTML = '/var/lib/roundcube/public_html';
/** Debian's configuration directory: its defaults.inc.php and mimetypes.php are the upstream ones. */
const DEBIAN_CONFIG = '/etc/roundcube';

export interface Webmail {
  url: string;
  close(): Promise<void>;
}

const php = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function configuration(dir: string, imapPort: number): string {
  return `<?php
$config = [];
$config['db_dsnw'] = ${php(`sqlite:///${join(dir, 'roundcube.db')}?mode=0600`)};
$config['imap_host'] = ${php(`127.0.0.1:${imapPort}`)};
$config['smtp_host'] = '';
$config['des_key'] = ${php(randomBytes(18).toString('base64'))};
$config['plugins'] = [];
$config['skin'] = 'elastic';
$config['language'] = 'en_US';
$config['log_dir'] = ${php(join(dir, 'logs'))};
$config['temp_dir'] = ${php(join(dir, 'temp'))};
$config['enable_installer'] = false;
$config['enable_spellcheck'] = false;
// No background polling of the IMAP server: the test's requests are the only ones.
$config['refresh_interval'] = 0;
`;
}

export async function startWebmail(root: string, imapPort: number): Promise<Webmail> {
  const dir = join(root, 'roundcube');
  const config = join(dir, 'config');
  for (const sub of ['config', 'logs', 'temp']) mkdirSync(join(dir, sub), { recursive: true });
  for (const file of ['defaults.inc.php', 'mimetypes.php']) symlinkSync(join(DEBIAN_CONFIG, file), join(config, file));
  writeFileSync(join(config, 'config.inc.php'), configuration(dir, imapPort));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = startChild('php', ['-S', `127.0.0.1:${port}`, '-t', PUBLIC_HTML], {
    ROUNDCUBE_CONFIG_DIR: config,
    // The page, its scripts and the list's requests come at once: one worker would queue them.
    PHP_CLI_SERVER_WORKERS: '4',
  });
  const close = () => child.stop();
  try {
    // The login page: PHP answers, the configuration loads, and the session table exists (Roundcube creates the
    // SQLite schema on its first connection).
    await waitUntil(child, 'Roundcube', async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return response.ok && (await response.text()).includes('rcmloginuser');
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}
