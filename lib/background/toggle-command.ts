import { browser } from 'wxt/browser';
import type { ContentCommand } from '../protocol/messages';
import { injectOverlay } from '../sites/registration';

/**
 * The "toggle panel" keyboard command (Alt+Shift+R by default, changeable at chrome://extensions/shortcuts). On a
 * site where Reconnu is not on yet, the shortcut grants activeTab, so the overlay is started for this tab only.
 */
export async function togglePanelInTab(tabId: number): Promise<void> {
  const command: ContentCommand = { type: 'togglePanel' };
  try {
    await browser.tabs.sendMessage(tabId, command);
  } catch {
    if (await injectOverlay(tabId)) {
      // The fresh overlay opens itself once it has recognized someone; opening it now shows "looking up".
      setTimeout(() => void browser.tabs.sendMessage(tabId, command).catch(() => undefined), 300);
    }
  }
}
