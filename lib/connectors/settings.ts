import { z } from 'zod';
import { definitionOf, type SourceKind, type SourceSettings } from './registry';

/** The names of a source's credential fields (`secret` in its definition). */
export function credentialFields(kind: SourceKind): string[] {
  return definitionOf(kind)
    .fields.filter((field) => field.secret)
    .map((field) => field.name);
}

/** Sign-out forgets a platform's credentials but keeps where it is, so signing in again is only the token. */
export function withoutCredentials(source: SourceSettings): SourceSettings {
  const blanks = Object.fromEntries(credentialFields(source.kind).map((name) => [name, '']));
  return { ...source, ...blanks };
}

/** Every credential field filled; the Reconnu feed has none of its own (its token is the feed's). */
export function hasCredentials(source: SourceSettings): boolean {
  const values = source as Record<string, unknown>;
  return credentialFields(source.kind).every((name) => values[name] !== '' && values[name] !== undefined);
}

/** A kind's settings before the user types anything: the schema's defaults, else empty fields. */
export function blankSettings(kind: SourceKind): SourceSettings {
  const { schema, fields } = definitionOf(kind);
  const shape: Record<string, z.core.$ZodType | undefined> = schema.shape;
  const values = fields.map(({ name }) => {
    const field = shape[name];
    const fallback = field && z.safeParse(field, undefined);
    return [name, fallback?.success ? fallback.data : ''];
  });
  return { kind, ...Object.fromEntries(values) } as SourceSettings;
}
