// Runs the reference feed server: npx tsx scripts/feed.ts --port 8787 --customers 1000 --seed reconnu
import { parseArgs } from 'node:util';
import { startFeedServer } from './feed-server/server';

const usage =
  'Usage: npx tsx scripts/feed.ts [--port 8787] [--customers 1000] [--seed reconnu] [--token T] [--host H] [--public-url U] [--gzip]';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function integerOption(value: string, name: string): number {
  if (!/^\d+$/.test(value)) fail(`--${name} must be a non-negative integer, got "${value}".`);
  return Number(value);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      customers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: 'reconnu' },
      token: { type: 'string', default: 'demo-token' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      gzip: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const server = await startFeedServer({
  port: integerOption(String(values.port), 'port'),
  customers: integerOption(String(values.customers), 'customers'),
  seed: String(values.seed),
  token: String(values.token),
  host: String(values.host),
  gzip: values.gzip === true,
  publicUrl: typeof values['public-url'] === 'string' ? values['public-url'] : undefined,
}).catch((error: Error) => fail(`Cannot start the feed server: ${error.message}`));

console.log(`Feed URL: ${server.url}`);
console.log(`Access token: ${server.token}`);
console.log(`Policy public key: ${server.policy.publicKey}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
