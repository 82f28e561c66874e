import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../../scripts/browser';

/** Builds the extension once for the whole run (tests drive what users install), after checking for a browser. */
export default function setup(): void {
  chromiumPath();
  if (process.env.RECONNU_SKIP_BUILD) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
