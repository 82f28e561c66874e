// The local store's public API: what the rest of the extension may use. Modules inside lib/store import each other
// directly; code outside imports from here (its own tests may reach further in).

export { fromBase64Url } from './crypto/base64url';
export { exportDataKey, generateDataKey, importDataKey, open, type Sealed, seal } from './crypto/crypto';
export {
  readWrappedKey,
  restoreSessionKey,
  unwrapDataKey,
  type WrappedKey,
  wrapDataKey,
} from './crypto/store-key';
export { type UnlockOutcome, unlockStore } from './crypto/unlock';
export { type QuarantinedRecord, ReconnuDb } from './db';
export { customerKeys, type IdentifierKind, idKey, lookupKey, storedPhoneKey, unindexablePhones } from './keys';
export { entriesInRange } from './lookup-index/key-index';
export { compactIndex } from './lookup-index/key-merge';
export { purgeIndex } from './lookup-index/purge';
export { readCheckpoint } from './meta-cache';
export { type StoredPhone, storedPhones } from './phone-regions';
export { readQuarantine } from './quarantine';
export { findByKey, findByKeys, forEachCustomer, getCustomer, storedCustomerIds } from './read';
export { finishResync, isResyncing, startResync } from './resync';
export { purgeNotRefreshedSince } from './retention';
export { pruneBudget, pruneStaleCopies } from './segments/copies';
export { clearLocalStore } from './wipe';
export { applyPage, locatePage, type PageCommit, type SealedPage, sealPage } from './write';
