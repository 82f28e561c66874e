// `user add`: creates a user and prints their first access token, once.
import { openDatabase } from '../db/open';
import { type Role, roleSchema } from '../people/roles';
import { addUser } from '../people/users';
import { type Segment, segmentSchema } from '../scopes/segment';
import { type HubCommand, requiredText, UsageError } from './command';

const listOf = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined);

/** --scope-store and --scope-country: the segment of an agent, supervisor or admin (none: every customer). */
function segmentOf(values: Record<string, unknown>, role: Role): Segment | null {
  const stores = listOf(values['scope-store']);
  const countries = listOf(values['scope-country']);
  if (!stores && !countries) return null;
  if (role === 'store') {
    throw new UsageError('Store staff are scoped by --store (their stores and customers active online).');
  }
  const segment = segmentSchema.safeParse({ stores, countries });
  if (!segment.success) {
    const issue = segment.error.issues[0];
    throw new UsageError(`--scope-${issue?.path[0] === 'countries' ? 'country' : 'store'}: ${issue?.message}`);
  }
  return segment.data;
}

export const userAddCommand: HubCommand = {
  name: 'user add',
  usage:
    'user add [--data DIR] --email E --name "N" --role agent|store|supervisor|admin [--store S]... [--phone P]... [--expires-days D]' +
    ' [--scope-store S]... [--scope-country CC]...',
  flags: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    store: { type: 'string', multiple: true },
    phone: { type: 'string', multiple: true },
    'expires-days': { type: 'string' },
    'scope-store': { type: 'string', multiple: true },
    'scope-country': { type: 'string', multiple: true },
  },
  async run({ config, values }) {
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role must be one of ${roleSchema.options.join(', ')}.`);
    const expiresDays = values['expires-days'] === undefined ? 365 : Number(values['expires-days']);
    if (!Number.isInteger(expiresDays) || expiresDays < 0) {
      throw new UsageError('--expires-days must be a whole number.');
    }
    const scope = segmentOf(values, role.data);
    const email = requiredText(values, 'email');
    const name = requiredText(values, 'name');
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const user = await addUser(db, {
        email,
        name,
        role: role.data,
        stores: Array.isArray(values.store) ? values.store.map(String) : [],
        phones: Array.isArray(values.phone) ? values.phone.map(String) : [],
        tokenExpiresInDays: expiresDays === 0 ? null : expiresDays,
        scope,
      });
      console.log(`User: ${user.id}`);
      console.log(`Access token: ${user.token}`);
      console.log(`Token id: ${user.tokenId}`);
      console.log('The token is shown once: the hub keeps only its hash.');
    } finally {
      await db.close();
    }
  },
};
