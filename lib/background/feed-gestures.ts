import { z } from 'zod';
import { type FeedConfig, fetchGestures } from '../feed/client';
import { type GestureRecord, gestureRecordSchema } from '../policy/schema';
import { readSettings } from '../settings';

const listSchema = z.object({ gestures: z.array(gestureRecordSchema) });

export async function feedConfig(): Promise<FeedConfig> {
  const settings = await readSettings();
  if (!settings.feedUrl || !settings.token) throw new Error('No feed configured.');
  return settings;
}

/** `GET /v1/gestures` with the filters given (empty ones left out), checked. */
export async function feedList(query: Record<string, string | undefined>): Promise<GestureRecord[]> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const parsed = listSchema.safeParse(await fetchGestures(await feedConfig(), params));
  if (!parsed.success) throw new Error('The feed sent malformed gestures.');
  return parsed.data.gestures;
}
