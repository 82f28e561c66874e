import { browser } from 'wxt/browser';

const WIDTH = 360;

/**
 * Docks the panel: an iframe whose document is on the extension's origin, so the host page can see the frame
 * element but never read what is inside it. Nothing about the customer is put in the src or the host DOM.
 */
export function mountPanelFrame(signal: AbortSignal): { setOpen(open: boolean): void } {
  const host = document.createElement('reconnu-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL('/panel.html');
  frame.title = 'Reconnu customer panel';
  frame.setAttribute('allow', '');
  frame.style.cssText = `position:fixed;top:0;right:0;width:${WIDTH}px;height:100vh;border:0;border-left:1px solid #8884;
    z-index:2147483646;background:Canvas;color-scheme:light dark;box-shadow:-2px 0 8px #0002;`;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.textContent = 'R';
  tab.title = 'Show or hide the Reconnu panel';
  tab.style.cssText = `position:fixed;top:40%;z-index:2147483647;width:24px;height:48px;border:0;border-radius:6px 0 0 6px;
    background:#3b5bdb;color:#fff;font:600 13px system-ui;cursor:pointer;`;
  shadow.append(frame, tab);
  document.documentElement.append(host);

  const setOpen = (open: boolean) => {
    frame.style.display = open ? 'block' : 'none';
    tab.style.right = open ? `${WIDTH}px` : '0';
    tab.setAttribute('aria-expanded', String(open));
  };
  tab.addEventListener('click', () => setOpen(frame.style.display === 'none'), { signal });
  signal.addEventListener('abort', () => host.remove(), { once: true });
  setOpen(true);
  return { setOpen };
}
