import { describe, expect, it } from 'vitest';
import { connectorDefinitions, platformKinds, sourceIdentity, sourceSchema } from './registry';
import { blankSettings, credentialFields, hasCredentials, withoutCredentials } from './settings';

describe('the connector definitions', () => {
  it.each(connectorDefinitions().map((definition) => [definition.kind, definition] as const))(
    '%s names its kind in its schema, has one form field per setting, and words every label in both languages',
    (kind, definition) => {
      const settings = Object.keys(definition.schema.shape).filter((key) => key !== 'kind');
      expect(definition.schema.shape.kind.value).toBe(kind);
      expect(definition.fields.map((field) => field.name).sort()).toEqual(settings.sort());
      for (const label of [definition.label, ...definition.fields.map((field) => field.label)]) {
        expect(label.en.trim()).not.toBe('');
        expect(label.fr.trim()).not.toBe('');
      }
      // The hub and the sign-out rule keep a platform's address and forget its credentials.
      if (definition.platform) expect(settings).toContain('url');
      expect(blankSettings(kind).kind).toBe(kind);
    },
  );

  it('starts a picked kind from its schema defaults and empty fields', () => {
    expect(blankSettings('shopify')).toEqual({ kind: 'shopify', url: '', token: '', apiVersion: '2025-10' });
    expect(blankSettings('vendure')).toEqual({ kind: 'vendure', url: '', token: '', channelToken: '' });
    expect(blankSettings('feed')).toEqual({ kind: 'feed' });
  });

  it('takes the credentials from the fields marked secret, and the hub pulls every platform but the feed', () => {
    expect(credentialFields('woocommerce')).toEqual(['key', 'secret']);
    expect(credentialFields('feed')).toEqual([]);
    expect(platformKinds()).toEqual(['vendure', 'shopify', 'woocommerce']);
    const woo = sourceSchema.parse({ kind: 'woocommerce', url: 'https://shop.example', key: 'ck_1', secret: '' });
    expect(hasCredentials(woo)).toBe(false);
    expect(hasCredentials(withoutCredentials({ kind: 'feed' }))).toBe(true);
  });

  it("tells a Vendure channel's data from another channel's of the same server", () => {
    const url = 'https://shop.example/admin-api';
    const main = sourceSchema.parse({ kind: 'vendure', url, token: 't' });
    const other = sourceSchema.parse({ kind: 'vendure', url, token: 't', channelToken: 'fr' });
    expect(sourceIdentity(main, null)).toBe(`vendure ${url}`);
    expect(sourceIdentity(other, null)).not.toBe(sourceIdentity(main, null));
  });
});
