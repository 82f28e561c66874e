import { browser } from 'wxt/browser';
import { readManaged } from '../managed';

/**
 * A new install opens the options page at its connect step: without it a new user has a toolbar icon and nothing
 * to connect. Not when the administrator deployed the extension configured (managed storage): it is theirs to set up.
 * Registered at the worker's first turn, so the install event is not missed.
 */
export function openOptionsOnInstall(): void {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    const managed = await readManaged();
    if (Object.keys(managed).length === 0) await browser.runtime.openOptionsPage();
  });
}
