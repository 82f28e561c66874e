import { z } from 'zod';
import { credential, platformUrl } from '../define';
import { isAllowedSiteUrl } from './client';

/** The WordPress site's URL (https://, see client.ts) and a REST API key pair with Read permission. */
export const woocommerceSettingsSchema = z
  .object({ kind: z.literal('woocommerce'), url: platformUrl, key: credential, secret: credential })
  .refine((source) => isAllowedSiteUrl(source.url), {
    message: 'WooCommerce must be reached over https://',
    path: ['url'],
  });
