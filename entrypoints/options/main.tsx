import { mountPage } from '@/components/AppShell';
import { OptionsPage } from '@/components/options/OptionsPage';

mountPage(<OptionsPage />);
