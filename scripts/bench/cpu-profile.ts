import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Samples a page's main thread (V8 CPU profiler, 100 µs) while `during` runs. */
export async function profileMainThread(page: Page, during: () => Promise<void>): Promise<Profile> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await during();
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  await session.detach();
  return profile;
}

/**
 * Milliseconds of samples whose stack holds a frame from a script whose URL passes `match` (work the browser does
 * synchronously for that script, such as style recalculation for checkVisibility, is counted in its frames).
 */
export function msInScripts(profile: Profile, match: (url: string) => boolean): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const attributed = new Map<number, boolean>();
  const isAttributed = (id: number): boolean => {
    const known = attributed.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = !!node && (match(node.callFrame.url) || (up !== undefined && isAttributed(up)));
    attributed.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples.forEach((id, index) => {
    if (isAttributed(id)) micros += profile.timeDeltas[index] ?? 0;
  });
  return micros / 1000;
}
