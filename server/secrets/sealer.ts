// Secrets the hub keeps in its database (platform credentials, the policy signing key) are sealed with AES-256-GCM
// under a key that is never in the database: a copy of the database alone does not give them away.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

export class SealingKeyError extends Error {}

export interface Sealer {
  /** Seals `plain`; `context` (what the secret is, e.g. "connector:vendure-main") is bound to it, not stored in it. */
  seal(plain: string, context: string): string;
  /** Opens a sealed value with the same `context`; throws SealingKeyError when the key or the context is wrong. */
  open(sealed: string, context: string): string;
}

/** A sealer over a 32-byte key. */
export function sealerOf(key: Buffer): Sealer {
  if (key.length !== 32) throw new SealingKeyError('The encryption key must be 32 bytes.');
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${FORMAT}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const [format, ivText, bodyText] = sealed.split('.');
      if (format !== FORMAT || !ivText || !bodyText) throw new SealingKeyError('Not a sealed value.');
      const body = Buffer.from(bodyText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - 16));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealingKeyError(
          'The encryption key does not open the secrets in this database (HUB_ENCRYPTION_KEY or its file changed?).',
        );
      }
    },
  };
}

/** A sealer for a hub with no key configured: it names the variables to set as soon as a secret is needed. */
export function missingSealer(why: string): Sealer {
  const fail = (): never => {
    throw new SealingKeyError(why);
  };
  return { seal: fail, open: fail };
}
