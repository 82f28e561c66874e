import { storage } from 'wxt/utils/storage';
import { type FeedConfig, fetchRegions, postRegions } from '../feed/client';
import type { RegionProposal } from '../feed/regions';

// The page regions this browser's agent proposes to the team, and the ones the team shares (approved by a
// supervisor or an administrator), per site. Regions are page structure (lib/detect/cues.ts describeRegion).

const MAX_OUTBOX = 200;
const MAX_PER_SITE = 50;

const outboxItem = storage.defineItem<RegionProposal[]>('local:regionOutbox', { fallback: [] });
const teamItem = storage.defineItem<Record<string, string[]>>('local:teamRegions', { fallback: {} });

/** The agent picked a customer found in these regions of `site`: proposed to the team at the next delivery. */
export async function proposeRegions(site: string, regions: readonly string[]): Promise<void> {
  if (regions.length === 0) return;
  const outbox = await outboxItem.getValue();
  const fresh = regions.filter((region) => !outbox.some((known) => known.site === site && known.region === region));
  await outboxItem.setValue([...outbox, ...fresh.map((region) => ({ site, region }))].slice(-MAX_OUTBOX));
}

/**
 * Sends the proposals (each kept until the feed accepted it) and reads the team's approved regions. Called after
 * each sync run: a feed that fails is tried again at the next one. A feed without `/v1/regions` (404) shares none.
 */
export async function shareRegions(config: FeedConfig): Promise<void> {
  const outbox = await outboxItem.getValue();
  for (let start = 0; start < outbox.length; start += MAX_PER_SITE) {
    await postRegions(config, outbox.slice(start, start + MAX_PER_SITE));
  }
  if (outbox.length > 0) {
    const now = await outboxItem.getValue();
    await outboxItem.setValue(now.slice(outbox.length));
  }
  const team: Record<string, string[]> = {};
  for (const { site, region, status } of await fetchRegions(config)) {
    if (status !== 'approved') continue;
    const regions = team[site] ?? [];
    if (regions.length < MAX_PER_SITE) team[site] = [...regions, region];
  }
  await teamItem.setValue(team);
}

/** The regions the team shares for `site`. */
export async function teamRegions(site: string): Promise<ReadonlySet<string>> {
  return new Set((await teamItem.getValue())[site] ?? []);
}

/** At sign-out: the team's regions are the company's, and the proposals are this user's. */
export async function forgetTeamRegions(): Promise<void> {
  await Promise.all([outboxItem.removeValue(), teamItem.removeValue()]);
}
