// `serve`: opens the database, starts the hub, prints its URL once it answers, and stops cleanly on SIGTERM.
import { openDatabase } from '../db/open';
import { startHub } from '../hub';
import { loadSealer } from '../secrets/key';
import type { HubCommand } from './command';

export const serveCommand: HubCommand = {
  name: 'serve',
  usage: 'serve [--port P] [--host H] [--data DIR]',
  flags: {},
  async run({ config }) {
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
  },
};
