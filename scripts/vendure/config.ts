import {
  type CustomFieldConfig,
  dummyPaymentHandler,
  LanguageCode,
  type VendureConfig,
  type VendureLogger,
} from '@vendure/core';

export const SUPERADMIN = { identifier: 'superadmin', password: 'superadmin' };

/**
 * What Reconnu shows, as custom fields on Customer (the Vendure connector reads those that exist, by these names).
 * Sizes are one JSON text ({"haut":"M","chaussures":"42"}): shops size different garments, and a field per garment
 * would fix the list in the server's config.
 */
export const customerCustomFields: CustomFieldConfig[] = [
  { name: 'sizes', type: 'text', nullable: true, label: [{ languageCode: LanguageCode.en, value: 'Sizes (JSON)' }] },
  { name: 'preferredBrands', type: 'string', list: true, nullable: true },
  { name: 'preferredCategories', type: 'string', list: true, nullable: true },
  {
    name: 'contactChannel',
    type: 'string',
    nullable: true,
    options: [{ value: 'email' }, { value: 'sms' }, { value: 'phone' }, { value: 'none' }],
  },
  { name: 'notes', type: 'text', nullable: true },
  { name: 'loyaltyTier', type: 'string', nullable: true },
  { name: 'loyaltyPoints', type: 'int', nullable: true, min: 0 },
  { name: 'loyaltyCard', type: 'string', nullable: true },
  { name: 'personalizationConsent', type: 'boolean', nullable: true },
  { name: 'preferredLanguage', type: 'string', nullable: true },
];

/** Vendure logs on stderr: stdout carries only the server's one "ready" JSON line. */
class StderrLogger implements VendureLogger {
  private write(level: string, message: string, context?: string) {
    process.stderr.write(`[vendure ${level}]${context ? ` ${context}:` : ''} ${message}\n`);
  }
  error(message: string, context?: string, trace?: string) {
    this.write('error', trace ? `${message}\n${trace}` : message, context);
  }
  warn(message: string, context?: string) {
    this.write('warn', message, context);
  }
  info() {}
  verbose() {}
  debug() {}
}

/** A real Vendure server on 127.0.0.1 with an in-memory SQLite database (sql.js: pure WASM, no compiler needed). */
export function vendureConfig(port: number, assetsDir: string, database?: Uint8Array): VendureConfig {
  return {
    apiOptions: {
      hostname: '127.0.0.1',
      port,
      adminApiPath: 'admin-api',
      shopApiPath: 'shop-api',
    },
    authOptions: {
      tokenMethod: ['bearer', 'api-key'],
      superadminCredentials: SUPERADMIN,
      requireVerification: false,
    },
    dbConnectionOptions: {
      type: 'sqljs',
      synchronize: true,
      logging: false,
      // In memory: saving the whole file after every write would make the seed minutes long.
      autoSave: false,
      ...(database ? { database } : {}),
    },
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    importExportOptions: { importAssetsDir: assetsDir },
    customFields: { Customer: customerCustomFields },
    logger: new StderrLogger(),
    plugins: [],
  };
}
