import type { ConnectorDefinition } from '../types';
import { createVendureConnector } from './connector';

/** Vendure's Admin API (GraphQL), read with an API key or an administrator's session token. */
export const vendureConnector: ConnectorDefinition<'vendure'> = {
  kind: 'vendure',
  label: 'Vendure',
  origins: (settings) => [`${new URL(settings.url).origin}/*`],
  create: (settings) => createVendureConnector(settings),
};
