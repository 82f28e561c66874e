import type { FeedConfig } from '../feed/client';
import { feedConnector } from './feed';
import type { SourceOf, SourceSettings } from './settings';
import { shopifyConnector } from './shopify';
import type { SourceConnector, SourceKind } from './types';
import { vendureConnector } from './vendure';
import { woocommerceConnector } from './woocommerce';

/** One entry per source; adding a platform is one file that exports its definition, plus one line here. */
export interface ConnectorDefinition<K extends SourceKind> {
  kind: K;
  /** Shown in the options page's source picker. */
  label: string;
  /** The origins the background must be allowed to call (asked for when the source is saved). */
  origins(settings: SourceOf<K>, feed: FeedConfig | null): string[];
  create(settings: SourceOf<K>, feed: FeedConfig | null): SourceConnector;
}

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
