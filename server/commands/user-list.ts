// `user list`: every user, one a line: id, role, email, name, stores.
import { openDatabase } from '../db/open';
import { listUsers } from '../people/user-admin';
import type { HubCommand } from './command';

export const userListCommand: HubCommand = {
  name: 'user list',
  usage: 'user list [--data DIR]',
  flags: {},
  async run({ config }) {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const users = await listUsers(db);
      for (const user of users) {
        const stores = user.stores.length > 0 ? `\t${user.stores.join(',')}` : '';
        console.log(`${user.id}\t${user.role}\t${user.email}\t${user.name}${stores}`);
      }
      if (users.length === 0) console.log('No users: add one with `user add`.');
    } finally {
      await db.close();
    }
  },
};
