// `npm run hub -- <command>`: serve (the default) or user add. DATABASE_URL switches every command to that
// PostgreSQL; otherwise they use the embedded database in --data (or HUB_DATA_DIR).
import { parseArgs } from 'node:util';
import { ConfigError, type HubConfig, readConfig } from './config';
import { openDatabase } from './db/open';
import { startHub } from './hub';
import { roleSchema } from './people/roles';
import { addUser, DuplicateEmailError } from './people/users';
import { loadSealer } from './secrets/key';
import { SealingKeyError } from './secrets/sealer';

const USAGE = `Usage:
  npm run hub -- serve [--port P] [--host H] [--data DIR]
  npm run hub -- user add [--data DIR] --email E --name "N" --role agent|store|supervisor|admin [--store S]... [--expires-days D]`;

class UsageError extends Error {}

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  store: { type: 'string', multiple: true },
  'expires-days': { type: 'string' },
  help: { type: 'boolean' },
} as const;

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`Missing --${flag}.`);
  return value;
}

async function serve(config: HubConfig): Promise<void> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const sealer = loadSealer({
    key: config.encryptionKey,
    keyFile: config.encryptionKeyFile,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const hub = await startHub({ db, sealer, ...config });
  console.log(`Hub URL: ${hub.url}`);
  const stop = async (signal: string) => {
    hub.app.log.info({ signal }, 'shutting down');
    await hub.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function userAdd(config: HubConfig, values: { [K in keyof typeof options]?: unknown }): Promise<void> {
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be one of ${roleSchema.options.join(', ')}.`);
  const expiresDays = values['expires-days'] === undefined ? 365 : Number(values['expires-days']);
  if (!Number.isInteger(expiresDays) || expiresDays < 0) throw new UsageError('--expires-days must be a whole number.');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const user = await addUser(db, {
      email: required(typeof values.email === 'string' ? values.email : undefined, 'email'),
      name: required(typeof values.name === 'string' ? values.name : undefined, 'name'),
      role: role.data,
      stores: Array.isArray(values.store) ? values.store.map(String) : [],
      tokenExpiresInDays: expiresDays === 0 ? null : expiresDays,
    });
    console.log(`User: ${user.id}`);
    console.log(`Access token: ${user.token}`);
    console.log('The token is shown once: the hub keeps only its hash.');
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  if (values.help) return console.log(USAGE);
  const config = readConfig({
    ...process.env,
    ...(values.data ? { HUB_DATA_DIR: values.data } : {}),
    ...(values.port ? { HUB_PORT: values.port } : {}),
    ...(values.host ? { HUB_HOST: values.host } : {}),
  });
  const command = positionals.join(' ') || 'serve';
  if (command === 'serve') return serve(config);
  if (command === 'user add') return userAdd(config, values);
  throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ConfigError || error instanceof DuplicateEmailError || error instanceof SealingKeyError)
    console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${error.message}\n\n${USAGE}`);
  } else console.error(error);
  process.exitCode = 1;
});
