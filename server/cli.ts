// `npm run hub -- <command>`: one file per command in commands/, listed below. DATABASE_URL switches every command to
// that PostgreSQL; otherwise they use the embedded database in --data (or HUB_DATA_DIR).
import { parseArgs } from 'node:util';
import { type CommandFlags, type HubCommand, UsageError } from './commands/command';
import { importCommand } from './commands/import';
import { policyKeyCommand } from './commands/policy-key';
import { policySetCommand } from './commands/policy-set';
import { serveCommand } from './commands/serve';
import { tokenRevokeCommand } from './commands/token-revoke';
import { userAddCommand } from './commands/user-add';
import { userListCommand } from './commands/user-list';
import { ConfigError, readConfig } from './config';
import { DuplicateEmailError } from './people/users';
import { SealingKeyError } from './secrets/sealer';

const COMMANDS: readonly HubCommand[] = [
  serveCommand,
  userAddCommand,
  userListCommand,
  tokenRevokeCommand,
  importCommand,
  policySetCommand,
  policyKeyCommand,
];

const COMMON_FLAGS: CommandFlags = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean' },
};

const USAGE = `Usage:\n${COMMANDS.map((command) => `  npm run hub -- ${command.usage}`).join('\n')}`;

/** The command named by the leading words of argv (serve when there are none). */
function commandOf(argv: string[]): { command: HubCommand; rest: string[] } {
  const firstFlag = argv.findIndex((arg) => arg.startsWith('-'));
  const words = firstFlag === -1 ? argv : argv.slice(0, firstFlag);
  const named = [...COMMANDS]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((command) => command.name.split(' ').every((word, index) => words[index] === word));
  if (named) return { command: named, rest: argv.slice(named.name.split(' ').length) };
  if (words.length === 0) return { command: serveCommand, rest: argv };
  throw new UsageError(`Unknown command "${words.join(' ')}".`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) return console.log(USAGE);
  const { command, rest } = commandOf(argv);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...COMMON_FLAGS, ...command.flags },
    allowPositionals: true,
  });
  const config = readConfig({
    ...process.env,
    ...(typeof values.data === 'string' ? { HUB_DATA_DIR: values.data } : {}),
    ...(typeof values.port === 'string' ? { HUB_PORT: values.port } : {}),
    ...(typeof values.host === 'string' ? { HUB_HOST: values.host } : {}),
  });
  await command.run({ config, values, positionals });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ConfigError || error instanceof DuplicateEmailError || error instanceof SealingKeyError) {
    console.error(error.message);
  } else if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${error.message}\n\n${USAGE}`);
  } else console.error(error);
  process.exitCode = 1;
});
