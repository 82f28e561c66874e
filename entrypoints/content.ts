import { startOverlay } from '@/lib/content/overlay';

export default defineContentScript({
  // Registered at run time by the background for every site the user granted (lib/sites/registration.ts); the
  // local demo and test hosts are granted at install.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  // In frames too: a frame of another origin (an embedded softphone or CRM widget) reports to the tab's panel.
  allFrames: true,
  main(ctx) {
    if (window === window.top) void startOverlay(ctx.signal);
    else if (!readableByTop()) void startOverlay(ctx.signal, { frame: true });
  },
});

/** A same-origin frame is read by the top frame's script (lib/detect/roots.ts), not twice. */
function readableByTop(): boolean {
  try {
    return !!window.top?.document;
  } catch {
    return false;
  }
}
