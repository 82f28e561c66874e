import { innerRoots } from '../detect/roots';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'href'],
};

export interface PageWatcher {
  /** Observes the shadow roots and same-origin frames found since; returns them, to be read with the page. */
  refresh(): ParentNode[];
}

/**
 * Watches a page the way the agent sees it: its document, its open shadow roots and its same-origin frames (a
 * webmail's preview pane reloads without a top-level navigation), plus the page's own URL (a single-page app
 * switching tickets). Everything stops with `signal`.
 */
export function watchPage(options: {
  signal: AbortSignal;
  onMutations: (records: MutationRecord[]) => void;
  /** A frame loaded a new document, or a root appeared: the page must be read whole. */
  onStructure: () => void;
  /** The page's URL changed without a reload, or a frame's document is leaving: its customer must go at once. */
  onNavigate: () => void;
}): PageWatcher {
  const { signal, onMutations, onStructure, onNavigate } = options;
  let url = location.href;
  const checkUrl = () => {
    if (location.href === url) return;
    url = location.href;
    onNavigate();
  };
  // pushState fires no event: the URL is checked at each mutation burst, and on a slow timer for quiet pages.
  const observer = new MutationObserver((records) => {
    checkUrl();
    onMutations(records);
  });
  observer.observe(document.documentElement, OBSERVED);
  const watched = new WeakSet<Node>();
  // A frame's document on its way out: not read again, so its customer leaves the panel before the next one loads.
  const leaving = new WeakSet<Document>();
  // Frame loads do not bubble; a capturing listener on the document still hears them.
  const onLoad = (event: Event) => {
    if ((event.target as Element | null)?.tagName === 'IFRAME') onStructure();
  };
  document.addEventListener('load', onLoad, { capture: true, signal });
  window.addEventListener('popstate', checkUrl, { signal });
  window.addEventListener('hashchange', checkUrl, { signal });
  const poll = setInterval(checkUrl, 500);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearInterval(poll);
    },
    { once: true },
  );

  return {
    refresh() {
      const roots = innerRoots(document);
      for (const root of roots) {
        if (watched.has(root)) continue;
        watched.add(root);
        // A new frame document or shadow root: observed from now on; its loads re-read the page.
        observer.observe(root as Node, OBSERVED);
        const view = (root as Node).ownerDocument?.defaultView;
        if (view && view !== window) {
          view.addEventListener('load', onStructure, { capture: true, signal });
          view.addEventListener('hashchange', onStructure, { signal });
          const frameDocument = view.document;
          const frameElement = view.frameElement;
          view.addEventListener(
            'pagehide',
            () => {
              leaving.add(frameDocument);
              onNavigate();
              if (frameElement) whenParsed(frameElement, frameDocument, onStructure, signal);
            },
            { signal, once: true },
          );
        }
      }
      return roots.filter((root) => {
        const owner = (root as Node).ownerDocument;
        return !owner || !leaving.has(owner);
      });
    },
  };
}

const PARSE_POLL_MS = 100;
const PARSE_PATIENCE_MS = 10_000;

/**
 * Calls `then` once `frame` holds a parsed document other than `previous`: its text is there to read, while its
 * load event may wait for images for seconds.
 */
function whenParsed(frame: Element, previous: Document, then: () => void, signal: AbortSignal): void {
  const started = performance.now();
  const check = () => {
    if (signal.aborted || performance.now() - started > PARSE_PATIENCE_MS) return;
    let next: Document | null = null;
    try {
      next = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      return; // now of another origin: its own content script reads it
    }
    if (next && next !== previous && next.readyState !== 'loading' && next.URL !== 'about:blank') then();
    else setTimeout(check, PARSE_POLL_MS);
  };
  setTimeout(check, PARSE_POLL_MS);
}
