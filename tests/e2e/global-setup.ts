import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../../scripts/browser';

/**
 * Builds the extension once for the whole run (tests drive what users install), after checking for Chromium. The
 * Firefox build too: only firefox.e2e.test.ts needs Firefox, and says so itself when it is missing.
 */
export default function setup(): void {
  chromiumPath();
  // The real products some tests run against: installed from Debian when missing, as root (at once when present).
  if (process.getuid?.() === 0) execFileSync('bash', ['scripts/products/install.sh'], { stdio: 'inherit' });
  if (process.env.RECONNU_SKIP_BUILD) return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'test'], { stdio: 'inherit' });
}
