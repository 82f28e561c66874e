// `token revoke ID`: revokes an access token by its id (as GET /v1/admin/users/{id}/tokens lists them); the token
// gets 401 from its next request on.
import { openDatabase } from '../db/open';
import { revokeTokenById, UnknownTokenError } from '../people/user-admin';
import { type HubCommand, UsageError } from './command';

export const tokenRevokeCommand: HubCommand = {
  name: 'token revoke',
  usage: 'token revoke [--data DIR] TOKEN_ID',
  flags: {},
  async run({ config, positionals }) {
    const [id, ...extra] = positionals;
    if (!id || extra.length > 0) throw new UsageError('Name one token id (tok_…).');
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const token = await revokeTokenById(db, id);
      console.log(`Token ${token.id} of ${token.userId} revoked at ${token.revokedAt}.`);
    } catch (error) {
      if (!(error instanceof UnknownTokenError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    } finally {
      await db.close();
    }
  },
};
