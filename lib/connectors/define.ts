import { z } from 'zod';
import type { FeedConfig } from '../feed/client';
import type { SourceConnector } from './types';

/** A text in each language of the extension. Platform names are the same in both; descriptions are not. */
export interface Bilingual {
  en: string;
  fr: string;
}

/** A platform's address: http(s) only, so no `javascript:` or `file:` URL is ever fetched or asked permission for. */
export const platformUrl = z.url({ protocol: /^https?$/ });
/** A credential field: empty once signed out, since the source's settings stay and its credentials go. */
export const credential = z.string().max(4096);

/** One input of the options page's source form; its `name` is a key of the connector's settings schema. */
export interface SourceField<Name extends string = string> {
  name: Name;
  input: 'url' | 'text';
  label: Bilingual;
  /**
   * A credential: shown as a password, kept apart from `storage.local` where the browser cannot restrict it
   * (lib/credentials.ts), forgotten at sign-out while the rest of the settings stay, sealed by the hub and never
   * shown by its GET. A source is signed in when every secret field is filled.
   */
  secret?: true;
  /** An example of what to type, shown in the empty field. */
  placeholder?: string;
}

/** The settings schema of one kind: an object whose `kind` is that kind's literal, so the registry can union them. */
export type KindSchema<K extends string> = z.ZodObject<{ kind: z.ZodLiteral<K> } & z.ZodRawShape>;

/**
 * Everything about one source, in its folder: the registry lists these and everything else (the settings' union
 * schema, `SourceKind`, the options form, sign-out, the hub's sealed credentials) is derived from the list.
 */
export interface ConnectorDefinition<
  K extends string = string,
  Schema extends KindSchema<K> = KindSchema<K>,
  Platform extends boolean = boolean,
> {
  kind: K;
  /** Shown in the options page's source picker; a platform's name also names it in sync notices. */
  label: Bilingual;
  /**
   * False only for the Reconnu feed itself: it needs the feed configured above the picker and signs in with that
   * feed's token. A platform is read directly, with its own credentials, by the extension or by the hub.
   */
  platform: Platform;
  /** The settings as stored and as the hub's admin API takes them. Platforms have a `url`. */
  schema: Schema;
  /** One per key of the schema but `kind`, in the form's order. */
  fields: readonly SourceField<Exclude<keyof z.output<Schema>, 'kind'> & string>[];
  /** What identifies the data the source serves: when it changes, the local copy (or the hub's pull) starts over. */
  identity(settings: z.output<Schema>, feed: FeedConfig | null): string;
  /** The origins the background must be allowed to call (asked for when the source is saved). */
  origins(settings: z.output<Schema>, feed: FeedConfig | null): string[];
  create(settings: z.output<Schema>, feed: FeedConfig | null): SourceConnector;
}

/** Types a connector's definition from its schema, and keeps its kind and `platform` literal for the registry. */
export function defineConnector<const K extends string, Schema extends KindSchema<K>, const Platform extends boolean>(
  definition: ConnectorDefinition<K, Schema, Platform>,
): ConnectorDefinition<K, Schema, Platform> {
  return definition;
}
