// `policy-key`: prints the public key that verifies the hub's signed policy, as the JWK JSON the extension's managed
// `policyPublicKey` setting and its options page take. Makes the key if the hub has none yet.
import { openDatabase } from '../db/open';
import { policyKeyLoader, publicKeyText } from '../policy/signing-key';
import { loadSealer } from '../secrets/key';
import type { HubCommand } from './command';

export const policyKeyCommand: HubCommand = {
  name: 'policy-key',
  usage: 'policy-key [--data DIR]',
  flags: {},
  async run({ config }) {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const sealer = loadSealer({
        key: config.encryptionKey,
        keyFile: config.encryptionKeyFile,
        dataDir: config.databaseUrl ? undefined : config.dataDir,
      });
      const signingKey = policyKeyLoader({ db, sealer, keyFile: config.policyKeyFile });
      console.log(publicKeyText(await signingKey()));
    } finally {
      await db.close();
    }
  },
};
