import { browser } from 'wxt/browser';

const SCRIPT_ID = 'reconnu-overlay';
const SCRIPT_FILE = '/content-scripts/content.js';

/** Granted for a data source's downloads (Shopify's bulk exports), never a page anyone works in. */
const DATA_ONLY_ORIGINS = new Set(['https://storage.googleapis.com/*']);

/** Origins granted to the extension (at install or by the user since), as content-script match patterns. */
async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => /^(https?|\*):\/\//.test(origin) && !DATA_ONLY_ORIGINS.has(origin)).sort();
}

/**
 * Keeps the overlay content script registered on exactly the sites the user granted: no `<all_urls>`, nothing
 * injected where Reconnu was not turned on. Runs at every worker start and whenever permissions change.
 */
export async function syncContentScriptRegistration(): Promise<string[]> {
  const matches = await grantedOrigins();
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  if (registered && sameList(registered.matches ?? [], matches)) return matches;
  const script = {
    id: SCRIPT_ID,
    matches,
    js: [SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: true,
    // Registered again at every start anyway; Chrome also keeps it across browser restarts, Firefox need not.
    persistAcrossSessions: !import.meta.env.FIREFOX,
  };
  if (registered) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

/** Starts the overlay in a tab now (a site just turned on, or activeTab granted by the toolbar button or shortcut). */
export async function injectOverlay(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT_FILE] });
    return true;
  } catch {
    return false; // no access to that tab (chrome:// page, or not granted)
  }
}

/** Tabs already open on newly granted origins get the overlay without a reload. */
export async function injectIntoOpenTabs(origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const tabs = await browser.tabs.query({ url: [...origins] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectOverlay(tab.id))));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, index) => value === b[index]);
}
