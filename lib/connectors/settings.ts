import { z } from 'zod';
import { isAllowedSiteUrl } from './woocommerce/client';

const url = z.url({ protocol: /^https?$/ });
const secret = z.string().min(1).max(4096);

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
