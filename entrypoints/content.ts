import { startOverlay } from '@/lib/content/overlay';

export default defineContentScript({
  // Registered at run time by the background for every site the user granted (lib/sites/registration.ts); the
  // local demo and test hosts are granted at install.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx.signal);
  },
});
