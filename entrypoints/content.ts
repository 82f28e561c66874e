import { mountPanelFrame } from '@/lib/content/panel-frame';
import { detectIdentifiers, hasIdentifiers } from '@/lib/detect/generic';
import type { ContentRequest } from '@/lib/protocol/messages';

export default defineContentScript({
  // Local pages (demo, tests) are always on; helpdesk hosts are registered at run time once permitted.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    let mounted = false;
    let lastSent = '';
    let timer: ReturnType<typeof setTimeout> | undefined;

    const scan = () => {
      timer = undefined;
      const identifiers = detectIdentifiers(document.body);
      const signature = JSON.stringify(identifiers);
      if (!hasIdentifiers(identifiers) || signature === lastSent) return;
      lastSent = signature;
      if (!mounted) mountPanelFrame(ctx.signal);
      mounted = true;
      const request: ContentRequest = { type: 'recognize', identifiers, host: location.hostname };
      browser.runtime.sendMessage(request).catch(() => {
        lastSent = ''; // the background was restarting: try again on the next change
      });
    };
    const schedule = () => {
      timer ??= setTimeout(scan, 30);
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
    });
    scan();
  },
});
