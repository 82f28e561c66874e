// `policy set FILE`: stores a new version of the empowerment policy (JSON, lib/policy/schema.ts), in force at once;
// the hub signs it for every client at its next GET /v1/policy.
import { readFileSync } from 'node:fs';
import type { Policy } from '../../lib/policy/schema';
import { openDatabase } from '../db/open';
import { InvalidPolicyError, parsePolicy, setPolicy } from '../policy/store';
import { type HubCommand, UsageError } from './command';

function readPolicyFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the policy file ${file}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`The policy file ${file} is not valid JSON.`);
  }
}

export const policySetCommand: HubCommand = {
  name: 'policy set',
  usage: 'policy set FILE [--data DIR]',
  flags: {},
  async run({ config, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('policy set takes one file: the policy as JSON.');
    let policy: Policy;
    try {
      policy = parsePolicy(readPolicyFile(file));
    } catch (error) {
      if (!(error instanceof InvalidPolicyError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const stored = await setPolicy(db, policy, 'cli');
      const { id, validUntil } = stored.policy;
      console.log(`Policy "${id}" set (revision ${stored.revision}), valid until ${validUntil}.`);
    } finally {
      await db.close();
    }
  },
};
