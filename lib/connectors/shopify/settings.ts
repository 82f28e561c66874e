import { z } from 'zod';
import { credential, platformUrl } from '../define';

/** The shop's URL (https://{shop}.myshopify.com) and an Admin API access token with read_customers and read_orders. */
export const shopifySettingsSchema = z.object({
  kind: z.literal('shopify'),
  url: platformUrl,
  token: credential,
  apiVersion: z
    .string()
    .regex(/^\d{4}-(01|04|07|10)$/)
    .default('2025-10'),
});

export type ShopifySettings = z.output<typeof shopifySettingsSchema>;
