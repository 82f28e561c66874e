import Dexie, { type EntityTable } from 'dexie';
import { storage } from 'wxt/utils/storage';
import type { SourceSettings } from './connectors/registry';
import { withoutCredentials } from './connectors/settings';

/** What of the settings is a secret: the feed's access token and the source's credentials. */
interface Secrets {
  token: string;
  source: SourceSettings;
}

interface CredentialRow extends Secrets {
  name: 'settings';
}

/** The extension origin's own IndexedDB: a content script, which runs with the page's origin, cannot open it. */
class CredentialsDb extends Dexie {
  rows!: EntityTable<CredentialRow, 'name'>;
  constructor(name = 'reconnu-credentials') {
    super(name);
    this.version(1).stores({ rows: 'name' });
  }
}

/**
 * The settings, stored so that no content script can read the access token or a shop's credentials. Chromium
 * restricts `storage.local` to trusted contexts (entrypoints/background.ts); Firefox cannot, so there, with
 * `credentialsApart`, the token and the source's credentials live in the extension's IndexedDB and
 * `storage.local` keeps the rest, with a stamp that changes at every save so that watchers still hear of it.
 */
export function createSettingsStore<Settings extends Secrets>(options: {
  credentialsApart: boolean;
  fallback: Settings;
  database?: string;
}) {
  const item = storage.defineItem<Settings & { savedAt?: number }>('local:settings', { fallback: options.fallback });
  let db: CredentialsDb | undefined;
  const credentials = () => {
    db ??= new CredentialsDb(options.database);
    return db.rows;
  };

  const withoutStamp = (stored: Settings & { savedAt?: number }): Settings => {
    const settings = { ...stored };
    delete settings.savedAt;
    return settings;
  };

  async function withCredentials(stored: Settings): Promise<Settings> {
    if (!options.credentialsApart) return stored;
    const row = await credentials().get('settings');
    if (!row) return stored;
    const source = row.source.kind === stored.source?.kind ? row.source : stored.source;
    return { ...stored, token: row.token, source };
  }

  return {
    async getValue(): Promise<Settings> {
      return withCredentials(withoutStamp(await item.getValue()));
    },
    async setValue(settings: Settings): Promise<void> {
      if (!options.credentialsApart) return item.setValue(settings);
      await credentials().put({ name: 'settings', token: settings.token, source: settings.source });
      const source = withoutCredentials(settings.source);
      await item.setValue({ ...settings, token: '', source, savedAt: Date.now() });
    },
    /** Called with the new settings after every save; returns the function that stops watching. */
    watch(listener: (settings: Settings) => void): () => void {
      return item.watch((stored) => void withCredentials(withoutStamp(stored)).then(listener));
    },
  };
}
