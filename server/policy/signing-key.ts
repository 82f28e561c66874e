// The key the hub signs policies with (ES256, P-256): from HUB_POLICY_KEY_FILE when set (PEM or JWK), else made at
// first need and kept in the database sealed, so that every hub process on one database signs with the same key.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { ConfigError } from '../config';
import type { Queryable } from '../db/database';
import type { Sealer } from '../secrets/sealer';

const SECRET_NAME = 'policy-signing-key';

export interface PolicySigningKey {
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  /** The public half as the extension's managed `policyPublicKey` and options page take it. */
  publicJwk: { kty: string; crv: string; x: string; y: string };
}

/** A HUB_POLICY_KEY_FILE that is missing or holds no usable key (the hub refuses to start, saying which). */
export class PolicyKeyFileError extends ConfigError {}

const MAKE_ONE = 'make one with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out policy-key.pem';

function privateKeyOf(text: string): KeyObject {
  // Neither the parser's message nor the text is repeated: both may quote the key.
  try {
    return text.startsWith('{') ? createPrivateKey({ key: JSON.parse(text), format: 'jwk' }) : createPrivateKey(text);
  } catch {
    throw new Error('it is not a private key in PEM (PKCS#8 or SEC1) or JWK');
  }
}

/** Reads and checks the key file: a P-256 private key, as PEM or as a JWK. */
export function readPolicyKeyFile(path: string): JWK {
  if (!existsSync(path)) throw new PolicyKeyFileError(`HUB_POLICY_KEY_FILE: no file ${path}.`);
  try {
    const key = privateKeyOf(readFileSync(path, 'utf8').trim());
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('it is not an ES256 (P-256 elliptic curve) key');
    }
    const { kty, crv, x, y, d } = key.export({ format: 'jwk' });
    return { kty, crv, x, y, d };
  } catch (error) {
    throw new PolicyKeyFileError(`HUB_POLICY_KEY_FILE (${path}): ${(error as Error).message}; ${MAKE_ONE}.`);
  }
}

/** The database's key: the first hub to need it stores one, every other process reads that same one. */
async function storedPrivateJwk(db: Queryable, sealer: Sealer): Promise<JWK> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const candidate = sealer.seal(JSON.stringify(await exportJWK(pair.privateKey)), SECRET_NAME);
  await db.query(
    "insert into hub_secrets (name, value) values ($1, convert_to($2, 'UTF8')) on conflict (name) do nothing",
    [SECRET_NAME, candidate],
  );
  const { rows } = await db.query<{ sealed: string }>(
    "select convert_from(value, 'UTF8') as sealed from hub_secrets where name = $1",
    [SECRET_NAME],
  );
  const sealed = rows[0]?.sealed;
  if (!sealed) throw new Error('The hub has no policy signing key.');
  return JSON.parse(sealer.open(sealed, SECRET_NAME)) as JWK;
}

async function signingKeyOf(privateJwk: JWK): Promise<PolicySigningKey> {
  const { kty, crv, x, y } = privateJwk;
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y) throw new Error('The policy signing key is not a P-256 key.');
  return { privateKey: await importJWK(privateJwk, 'ES256'), publicJwk: { kty, crv, x, y } };
}

export interface PolicyKeySource {
  db: Queryable;
  sealer: Sealer;
  /** HUB_POLICY_KEY_FILE: read (and checked) at once, so a bad file stops the hub at start. */
  keyFile?: string;
}

/** The signing key of this configuration, loaded once (a failed load is tried again at the next need). */
export function policyKeyLoader(source: PolicyKeySource): () => Promise<PolicySigningKey> {
  const fromFile = source.keyFile ? readPolicyKeyFile(source.keyFile) : undefined;
  let loading: Promise<PolicySigningKey> | undefined;
  return () => {
    if (!loading) {
      const load = fromFile ? signingKeyOf(fromFile) : storedPrivateJwk(source.db, source.sealer).then(signingKeyOf);
      load.catch(() => {
        loading = undefined;
      });
      loading = load;
    }
    return loading;
  };
}

/** The public key as the JWK JSON string the extension takes. */
export function publicKeyText(key: PolicySigningKey): string {
  return JSON.stringify(key.publicJwk);
}
