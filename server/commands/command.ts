// What a CLI command is: its words, its usage line, its flags (node:util parseArgs), and what it runs.
import type { ParseArgsConfig } from 'node:util';
import type { HubConfig } from '../config';

export type CommandFlags = NonNullable<ParseArgsConfig['options']>;

export interface HubCommand {
  /** The words that name it: "serve", "user add". */
  name: string;
  /** One usage line, without "npm run hub --". */
  usage: string;
  /** Its own flags; --data, --port, --host and --help are common to all. */
  flags: CommandFlags;
  /** `config` already has --data, --port and --host applied; `values` holds the command's own flags. */
  run(context: { config: HubConfig; values: Record<string, unknown>; positionals: string[] }): Promise<void>;
}

/** A usage mistake: the CLI prints it with the usage, and exits with 1. */
export class UsageError extends Error {}

export function requiredText(values: Record<string, unknown>, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError(`Missing --${flag}.`);
  return value;
}
