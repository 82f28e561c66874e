import { z } from 'zod';
import { isAllowedSiteUrl } from './woocommerce/client';

const url = z.url({ protocol: /^https?$/ });
/** Empty once signed out: the source's settings stay, its credentials go. */
const secret = z.string().max(4096);

/**
 * Where customer data is read from, and the credentials for it (kept in extension storage only: the background
 * reads them, no content script or host page ever does). 'feed' is the Reconnu feed configured above it.
 */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('feed') }),
  /** Vendure's Admin API URL (…/admin-api) and an API key or bearer token of an administrator who can read customers and orders. */
  z.object({
    kind: z.literal('vendure'),
    url,
    token: secret,
    channelToken: z.string().max(200).default(''),
  }),
  /** The shop's URL (https://{shop}.myshopify.com) and an Admin API access token with read_customers and read_orders. */
  z.object({
    kind: z.literal('shopify'),
    url,
    token: secret,
    apiVersion: z
      .string()
      .regex(/^\d{4}-(01|04|07|10)$/)
      .default('2025-10'),
  }),
  /** The WordPress site's URL (https://, see woocommerce/client.ts) and a REST API key pair with Read permission. */
  z
    .object({ kind: z.literal('woocommerce'), url, key: secret, secret })
    .refine((source) => isAllowedSiteUrl(source.url), {
      message: 'WooCommerce must be reached over https://',
      path: ['url'],
    }),
]);

export type SourceSettings = z.infer<typeof sourceSchema>;
export type SourceOf<K extends SourceSettings['kind']> = Extract<SourceSettings, { kind: K }>;

/** Sign-out forgets a platform's credentials but keeps where it is, so signing in again is only the token. */
export function withoutCredentials(source: SourceSettings): SourceSettings {
  switch (source.kind) {
    case 'feed':
      return source;
    case 'woocommerce':
      return { ...source, key: '', secret: '' };
    default:
      return { ...source, token: '' };
  }
}

export function hasCredentials(source: SourceSettings): boolean {
  switch (source.kind) {
    case 'feed':
      return true;
    case 'woocommerce':
      return source.key !== '' && source.secret !== '';
    default:
      return source.token !== '';
  }
}
