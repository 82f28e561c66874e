import { browser } from 'wxt/browser';

export const PANEL_WIDTH = 360;

export interface PanelFrame {
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** The frame's and the tab's accessible names, in the user's language (known once the site settings arrive). */
  setLocale(locale: 'en' | 'fr'): void;
}

// The only words the content script shows; everything else is in the panel's own page.
const labels = {
  en: { frame: 'Reconnu customer panel', toggle: 'Show or hide the Reconnu panel' },
  fr: { frame: 'Panneau client Reconnu', toggle: 'Afficher ou masquer le panneau Reconnu' },
};

/**
 * Docks the panel: an iframe whose document is on the extension's origin, so the host page can see the frame
 * element but never read what is inside it. Nothing about the customer is put in the src or the host DOM.
 * While open, the page is narrowed by the panel's width (a margin on <html>) instead of being covered.
 */
export function mountPanelFrame(options: {
  signal: AbortSignal;
  /** The one-time key the background gave this panel's place: only a frame holding it is sent the tab's results. */
  key: string;
  onToggle: (open: boolean) => void;
}): PanelFrame {
  const { signal, key, onToggle } = options;
  const host = document.createElement('reconnu-panel');
  // Closed: the page's scripts get null from host.shadowRoot, so they cannot reach the frame element or the tab to
  // restyle, move or click them. (The content script's isolated world calls the real attachShadow, whatever the
  // page did to Element.prototype.)
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  // The extension's per-session URL (use_dynamic_url), which the page cannot know; the key rides in the fragment,
  // never sent to any server and unreadable from the page (closed shadow root, cross-origin frame).
  frame.src = `${browser.runtime.getURL('/panel.html')}#${key}`;
  frame.title = 'Reconnu customer panel';
  frame.setAttribute('allow', '');
  frame.style.cssText = `position:fixed;top:0;right:0;width:${PANEL_WIDTH}px;height:100vh;border:0;
    border-left:1px solid #8884;z-index:2147483646;background:Canvas;color-scheme:light dark;`;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.textContent = 'R';
  tab.title = 'Show or hide the Reconnu panel';
  tab.setAttribute('aria-label', 'Reconnu customer panel');
  tab.style.cssText = `position:fixed;top:40%;z-index:2147483647;width:24px;height:48px;border:0;border-radius:6px 0 0 6px;
    background:#3b5bdb;color:#fff;font:600 13px system-ui;cursor:pointer;`;
  shadow.append(frame, tab);
  // The dock: a stylesheet in the host page that narrows it while the panel is open. It holds no customer data.
  const dock = document.createElement('style');
  dock.textContent = `html{margin-right:${PANEL_WIDTH}px !important;}`;
  document.documentElement.append(host);

  let open: boolean | undefined;
  // Idempotent: the page must not see the dock's style move at every lookup (a timing signal of who is a customer).
  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    frame.style.visibility = open ? 'visible' : 'hidden';
    frame.style.pointerEvents = open ? 'auto' : 'none';
    tab.style.right = open ? `${PANEL_WIDTH}px` : '0';
    tab.setAttribute('aria-expanded', String(open));
    if (open) document.head?.append(dock);
    else dock.remove();
  };
  tab.addEventListener(
    'click',
    () => {
      setOpen(!open);
      onToggle(open === true);
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      host.remove();
      dock.remove();
    },
    { once: true },
  );
  setOpen(false);
  return {
    get open() {
      return open === true;
    },
    setOpen,
    setLocale(locale) {
      frame.title = labels[locale].frame;
      tab.title = labels[locale].toggle;
      tab.setAttribute('aria-label', labels[locale].frame);
    },
  };
}
