import type { FeedConfig } from '../feed/client';
import { feedConnector } from './feed';
import type { SourceSettings } from './settings';
import { shopifyConnector } from './shopify';
import type { ConnectorDefinition, SourceConnector, SourceKind } from './types';
import { vendureConnector } from './vendure';
import { woocommerceConnector } from './woocommerce';

const definitions: { [K in SourceKind]?: ConnectorDefinition<K> } = {
  feed: feedConnector,
  vendure: vendureConnector,
  shopify: shopifyConnector,
  woocommerce: woocommerceConnector,
};

export function connectorDefinitions(): ConnectorDefinition<SourceKind>[] {
  return Object.values(definitions) as ConnectorDefinition<SourceKind>[];
}

function definitionOf<K extends SourceKind>(kind: K): ConnectorDefinition<K> {
  const definition = definitions[kind] as ConnectorDefinition<K> | undefined;
  if (!definition) throw new Error(`No connector for source "${kind}".`);
  return definition;
}

export function labelOf(kind: SourceKind): string {
  return definitionOf(kind).label;
}

export function createConnector(source: SourceSettings, feed: FeedConfig | null): SourceConnector {
  return definitionOf(source.kind).create(source as never, feed);
}

export function originsOf(source: SourceSettings, feed: FeedConfig | null): string[] {
  return definitionOf(source.kind).origins(source as never, feed);
}

/** What identifies the data a source serves: when it changes, the local copy of the previous one is wiped. */
export function sourceIdentity(source: SourceSettings, feed: FeedConfig | null): string {
  return source.kind === 'feed' ? `feed ${feed?.feedUrl ?? ''}` : `${source.kind} ${source.url}`;
}
