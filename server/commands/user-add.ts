// `user add`: creates a user and prints their first access token, once.
import { openDatabase } from '../db/open';
import { roleSchema } from '../people/roles';
import { addUser } from '../people/users';
import { type HubCommand, requiredText, UsageError } from './command';

export const userAddCommand: HubCommand = {
  name: 'user add',
  usage:
    'user add [--data DIR] --email E --name "N" --role agent|store|supervisor|admin [--store S]... [--expires-days D]',
  flags: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    store: { type: 'string', multiple: true },
    'expires-days': { type: 'string' },
  },
  async run({ config, values }) {
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role must be one of ${roleSchema.options.join(', ')}.`);
    const expiresDays = values['expires-days'] === undefined ? 365 : Number(values['expires-days']);
    if (!Number.isInteger(expiresDays) || expiresDays < 0) {
      throw new UsageError('--expires-days must be a whole number.');
    }
    const email = requiredText(values, 'email');
    const name = requiredText(values, 'name');
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const user = await addUser(db, {
        email,
        name,
        role: role.data,
        stores: Array.isArray(values.store) ? values.store.map(String) : [],
        tokenExpiresInDays: expiresDays === 0 ? null : expiresDays,
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
