import { storage } from 'wxt/utils/storage';
import { setDefaultRegion } from '../identifiers/phone';
import { clearLocalStore, type ReconnuDb } from '../store';

/** The default region the stored phone keys were computed with. */
const indexedRegionItem = storage.defineItem<string | null>('local:indexedRegion', { fallback: null });

/**
 * Applies the default phone region. Keys computed under another region would no longer match what lookups compute,
 * so a change of region empties the local store and the next sync indexes everything again.
 */
export async function applyRegion(db: ReconnuDb, region: string): Promise<boolean> {
  setDefaultRegion(region);
  const indexed = await indexedRegionItem.getValue();
  if (indexed === region) return false;
  if (indexed !== null) await clearLocalStore(db);
  await indexedRegionItem.setValue(region);
  return indexed !== null;
}
