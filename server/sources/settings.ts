// What an administrator sends to PUT /v1/admin/sources/{id}: a connector's settings (lib/connectors/registry.ts, the
// extension's own schema) and how often to pull. The credential fields (`secret` in the connector's definition) are
// split off to be sealed; the rest is where the platform is, shown by GET.
import { z } from 'zod';
import {
  type PlatformKind,
  platformKinds,
  type SourceOf,
  sourceIdentity,
  sourceSchema,
} from '../../lib/connectors/registry';
import { credentialFields, hasCredentials } from '../../lib/connectors/settings';
import { transportProblem } from '../../lib/feed/transport';

export type PlatformSettings = SourceOf<PlatformKind>;

export const sourceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a source id is 1 to 63 lower-case letters, digits, - or _');

const scheduleSchema = z.object({
  kind: z.enum(platformKinds() as [PlatformKind, ...PlatformKind[]]),
  everyMinutes: z.number().int().min(1).max(10_080).default(15),
});

export interface SourceInput {
  settings: PlatformSettings;
  everyMinutes: number;
}

export class SourceInputError extends Error {}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
}

/** The platform's location, without its credentials. */
export function publicPart(settings: PlatformSettings): Record<string, unknown> {
  const fields = credentialFields(settings.kind);
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !fields.includes(key)));
}

export function credentialPart(settings: PlatformSettings): Record<string, unknown> {
  const fields = credentialFields(settings.kind);
  return Object.fromEntries(Object.entries(settings).filter(([key]) => fields.includes(key)));
}

/**
 * The settings of a PUT body. Credentials left out keep the stored ones, but only for the same kind and URL: a new
 * address must come with its credentials, so no one can send a platform's token to another host.
 */
export function parseSourceInput(body: unknown, stored: PlatformSettings | undefined): SourceInput {
  const schedule = scheduleSchema.safeParse(body);
  if (!schedule.success) throw new SourceInputError(firstIssue(schedule.error));
  const given = body as Record<string, unknown>;
  const { everyMinutes: _schedule, ...fields } = given;
  const sameAddress = stored && stored.kind === fields.kind && stored.url === fields.url;
  const missing = credentialFields(schedule.data.kind).filter((field) => fields[field] === undefined);
  const merged = sameAddress && missing.length > 0 ? { ...credentialPart(stored), ...fields } : fields;
  const settings = sourceSchema.safeParse(merged);
  if (!settings.success) throw new SourceInputError(firstIssue(settings.error));
  const parsed = settings.data as PlatformSettings;
  if (!hasCredentials(parsed)) {
    throw new SourceInputError(`${credentialFields(parsed.kind).join(' and ')}: required for a ${parsed.kind} source`);
  }
  const transport = transportProblem(parsed.url, { loopbackAllowed: true });
  if (transport) throw new SourceInputError(`url: ${transport}`);
  return { settings: parsed, everyMinutes: schedule.data.everyMinutes };
}

/** What identifies the data a source serves: when it changes, the pull starts over. */
export function sourceAddress(settings: PlatformSettings): string {
  return sourceIdentity(settings, null);
}
