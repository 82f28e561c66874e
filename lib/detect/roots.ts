import { isShown } from './patterns';

/** A hostile page nesting frames and shadow roots without end gets this many read, no more. */
const MAX_ROOTS = 50;
const MAX_DEPTH = 4;

/**
 * The parts of a page a plain walk of its body misses: open shadow roots (Lightning web components, many modern
 * apps) and the documents of visible same-origin frames (webmail preview panes, legacy helpdesks), nested a few
 * levels deep. Cross-origin frames are read by their own content script (entrypoints/content.ts, all frames).
 */
export function innerRoots(doc: Document): ParentNode[] {
  const roots: ParentNode[] = [];
  const visit = (root: ParentNode, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const owner = (root as Node).ownerDocument ?? (root as Document);
    const walker = owner.createTreeWalker(root as Node, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      if (roots.length >= MAX_ROOTS) return;
      const shadow = node.shadowRoot;
      if (shadow) {
        roots.push(shadow);
        visit(shadow, depth + 1);
      }
      if (node.tagName === 'IFRAME' || node.tagName === 'FRAME') {
        const body = frameBody(node as HTMLIFrameElement);
        if (body && isShown(node)) {
          roots.push(body);
          visit(body, depth + 1);
        }
      }
    }
  };
  if (doc.body) visit(doc.body, 0);
  return roots;
}

/** A same-origin frame's body; null for a cross-origin one, which the browser will not let us read. */
export function frameBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    return frame.contentDocument?.body ?? null;
  } catch {
    return null;
  }
}
