import { z } from 'zod';
import { credential, platformUrl } from '../define';

/** Vendure's Admin API URL (…/admin-api) and an API key or bearer token of an administrator who can read customers and orders. */
export const vendureSettingsSchema = z.object({
  kind: z.literal('vendure'),
  url: platformUrl,
  token: credential,
  channelToken: z.string().max(200).default(''),
});

export type VendureSettings = z.output<typeof vendureSettingsSchema>;
