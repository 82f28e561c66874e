import { z } from 'zod';
import type { FeedConfig } from '../feed/client';
import type { ConnectorDefinition } from './define';
import { feedConnector } from './feed';
import { shopifyConnector } from './shopify';
import type { SourceConnector } from './types';
import { vendureConnector } from './vendure';
import { woocommerceConnector } from './woocommerce';

/** Every source, in the order the options page offers them: adding one is its folder and a line here. */
const connectors = [feedConnector, vendureConnector, shopifyConnector, woocommerceConnector] as const;

type Connector = (typeof connectors)[number];
export type SourceKind = Connector['kind'];
/** The kinds read straight from a platform, by the extension or by the hub (every kind but the Reconnu feed). */
export type PlatformKind = Extract<Connector, { platform: true }>['kind'];

type SchemasOf<List extends readonly ConnectorDefinition[]> = { [I in keyof List]: List[I]['schema'] };
type Schemas = SchemasOf<typeof connectors>;

/**
 * Where customer data is read from, and the credentials for it (kept in extension storage only: the background
 * reads them, no content script or host page ever does). 'feed' is the Reconnu feed configured above it. `map`
 * returns an array type, so the cast restores the tuple of schemas that `discriminatedUnion` needs; the list is the same.
 */
export const sourceSchema = z.discriminatedUnion('kind', connectors.map(({ schema }) => schema) as unknown as Schemas);

export type SourceSettings = z.output<typeof sourceSchema>;
export type SourceOf<K extends SourceKind> = Extract<SourceSettings, { kind: K }>;

export function connectorDefinitions(): readonly ConnectorDefinition<SourceKind>[] {
  return connectors;
}

export function definitionOf(kind: string): ConnectorDefinition<SourceKind> {
  const definition = connectors.find((candidate) => candidate.kind === kind);
  if (!definition) throw new Error(`No connector for source "${kind}".`);
  return definition;
}

/** The kinds the hub may pull, for its admin API's schema. */
export function platformKinds(): PlatformKind[] {
  return connectors.flatMap((definition) => (definition.platform ? [definition.kind] : []));
}

/** The platform's name for sync notices ("Vendure answered 401"); null for the Reconnu feed, which they call "the feed". */
export function platformName(source: SourceSettings): string | null {
  const definition = definitionOf(source.kind);
  return definition.platform ? definition.label.en : null;
}

export function createConnector(source: SourceSettings, feed: FeedConfig | null): SourceConnector {
  return definitionOf(source.kind).create(source, feed);
}

export function originsOf(source: SourceSettings, feed: FeedConfig | null): string[] {
  return definitionOf(source.kind).origins(source, feed);
}

/** What identifies the data a source serves: when it changes, the local copy of the previous one is wiped. */
export function sourceIdentity(source: SourceSettings, feed: FeedConfig | null): string {
  return definitionOf(source.kind).identity(source, feed);
}
