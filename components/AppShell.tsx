import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, StrictMode, useContext, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type Locale, resolveLocale, strings } from '@/lib/i18n/strings';
import { readLocaleChoice, watchLocaleChoice } from '@/lib/locale-setting';
import { erasedNoticeSchema } from '@/lib/protocol/messages';
import './theme.css';

const LocaleContext = createContext<Locale>('en');

/** The strings of the user's language (browser language, or the one chosen in options). */
export function useStrings() {
  return strings(useContext(LocaleContext));
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => resolveLocale('auto'));
  useEffect(() => {
    const apply = (choice: 'auto' | Locale) => setLocale(resolveLocale(choice));
    readLocaleChoice().then(apply);
    return watchLocaleChoice(apply);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/**
 * The background says customers were erased (or the user signed out): every cached answer goes, and what is on
 * screen is asked again. Only the background's word counts.
 */
function forgetOnErasure(client: QueryClient): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    const fromBackground = sender.id === browser.runtime.id && !sender.tab && !!sender.url?.endsWith('/background.js');
    if (fromBackground && erasedNoticeSchema.safeParse(message).success) void client.resetQueries();
  });
}

/** Mounts an extension page: zod without eval (MV3 CSP), TanStack Query, and the locale. */
export function mountPage(page: ReactNode): void {
  z.config({ jitless: true });
  const client = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } });
  forgetOnErasure(client);
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <LocaleProvider>{page}</LocaleProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
