// `npm run bench -- <name>`: runs a named benchmark against the built extension in real Chromium. Each prints its
// figures beside a baseline measured in the same run; the last line is one JSON object with a "bench" field.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  startup: async () => (await import('./bench/startup')).benchStartup(),
  sync: async () => (await import('./bench/sync')).benchSync(),
  overlay: async () => (await import('./bench/overlay')).benchOverlay(),
  caller: async () => (await import('./bench/caller')).benchCaller(),
  search: async () => (await import('./bench/search')).benchSearch(),
  'lookup-breakdown': async () => (await import('./bench/lookup-breakdown')).benchLookupBreakdown(),
  'live-vs-cache': async () => (await import('./bench/live-vs-cache')).benchLiveVsCache(),
  recognition: async () => (await import('./bench/recognition')).benchRecognition(),
  hub: async () => (await import('./bench/hub')).benchHub(),
};

/** Benchmarks of the server alone: they need no extension build. */
const SERVER_ONLY = new Set(['hub']);

const name = process.argv[2] ?? '';
const run = benches[name];
if (!run) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
// The bench build is the test build without the side panel's search rate limit, which would stop the search bench's
// thousand queries at the fortieth; the tests keep the limit.
process.env.RECONNU_EXTENSION_DIR ??= resolve(import.meta.dirname, '..', '.output', 'chrome-mv3-bench');
if (!process.argv.includes('--no-build') && !SERVER_ONLY.has(name)) {
  execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { stdio: 'inherit' });
}
const result = await run();
console.log(JSON.stringify({ bench: name, ...result }));
process.exit(0);
