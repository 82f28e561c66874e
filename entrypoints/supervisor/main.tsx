import { mountPage } from '@/components/AppShell';
import { SupervisorConsole } from '@/components/supervisor/SupervisorConsole';

mountPage(
  <main className="wide">
    <SupervisorConsole />
  </main>,
);
