import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../../scripts/browser';
import { firefoxPath } from '../../scripts/firefox';

/** Builds the extension once for the whole run (tests drive what users install), after checking for the browsers. */
export default function setup(): void {
  chromiumPath();
  firefoxPath();
  // The real products some tests run against: installed from Debian when missing, as root (at once when present).
  if (process.getuid?.() === 0) execFileSync('bash', ['scripts/products/install.sh'], { stdio: 'inherit' });
  if (process.env.RECONNU_SKIP_BUILD) return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'test'], { stdio: 'inherit' });
}
