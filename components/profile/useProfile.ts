import { formatters, profileStrings } from '@/lib/i18n/profile';
import { useLocale } from '../AppShell';

/** The profile's strings and the locale's formatters, together. */
export function useProfile() {
  const locale = useLocale();
  return { p: profileStrings(locale), f: formatters(locale) };
}
