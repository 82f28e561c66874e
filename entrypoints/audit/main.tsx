import { mountPage } from '@/components/AppShell';
import { AuditConsole } from '@/components/AuditConsole';

mountPage(
  <main className="wide">
    <AuditConsole />
  </main>,
);
