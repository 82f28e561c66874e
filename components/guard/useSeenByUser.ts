import { useCallback, useEffect, useRef } from 'react';

/** How long the part of the panel holding an action must have been seen whole before a click in it counts. */
const SEEN_FOR_MS = 500;

/** IntersectionObserver v2 (Chromium): `isVisible` is false while anything covers, fades or transforms the target. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}
interface VisibilityInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}

/**
 * Whether the user could really see a control when they clicked it. The panel can be framed by a page that fades it
 * (opacity), filters it or lays something over it so that a click meant for a decoy lands on "Reveal" or "Grant":
 * clickjacking. Chromium reports what the user actually sees (IntersectionObserver v2's trackVisibility, across
 * frames); a click in a part of the panel that has not been seen, unfaded and uncovered, for half a second is not
 * a deliberate one.
 * Browsers without it (Firefox) always say yes, and rely on the action's second step alone.
 */
export function useSeenByUser<T extends Element>(): { ref: (element: T | null) => void; seen: () => boolean } {
  const visibleSince = useRef<number | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);
  const supported = useRef(true);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    visibleSince.current = null;
    if (!element) return;
    const options: VisibilityInit = { threshold: [0], trackVisibility: true, delay: 100 };
    observer.current = new IntersectionObserver((entries) => {
      for (const entry of entries as VisibilityEntry[]) {
        if (entry.isVisible === undefined) supported.current = false;
        const visible = entry.isVisible ?? entry.isIntersecting;
        if (!visible) visibleSince.current = null;
        else visibleSince.current ??= entry.time;
      }
    }, options);
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  const seen = useCallback(() => {
    if (!supported.current) return true;
    const since = visibleSince.current;
    return since !== null && performance.now() - since >= SEEN_FOR_MS;
  }, []);
  return { ref, seen };
}
