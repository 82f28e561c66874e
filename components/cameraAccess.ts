import { browser } from 'wxt/browser';

/** The hash that opens the side panel's page in a tab scanning at once, where the browser can ask for the camera. */
const SCAN_IN_TAB = '#scan';

let scanOnOpen = globalThis.location?.hash === SCAN_IN_TAB;

/** True once in a page opened to scan: its first scanner starts at once, not the next one (after Back) again. */
export function takeScanOnOpen(): boolean {
  const take = scanOnOpen;
  scanOnOpen = false;
  return take;
}

/**
 * What opening the camera would meet. Chromium anchors a permission prompt to a tab: a side panel or a popup has none,
 * and is refused without the user being asked (and a few such refusals block the camera for a while). There the
 * camera is asked for once in a tab; the answer holds for every page of the extension.
 */
export async function cameraAccess(): Promise<'granted' | 'ask-here' | 'ask-in-tab' | 'denied'> {
  const state = await globalThis.navigator?.permissions
    ?.query({ name: 'camera' as PermissionName })
    .then((status) => status.state)
    .catch(() => 'prompt' as const);
  if (state === 'granted') return 'granted';
  if (state === 'denied') return 'denied';
  // In an extension page, tabs.getCurrent() answers undefined where there is no tab.
  const inTab = await Promise.resolve()
    .then(() => browser.tabs.getCurrent())
    .then((tab) => tab !== undefined)
    .catch(() => true);
  return inTab ? 'ask-here' : 'ask-in-tab';
}

/** The side panel's page in a tab, scanning at once: the browser asks for the camera there. */
export function openScanTab(): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${SCAN_IN_TAB}`) });
}
