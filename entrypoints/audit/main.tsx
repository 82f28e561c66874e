import { mountPage } from '@/components/AppShell';
import { AuditView } from '@/components/audit/AuditView';

mountPage(
  <main className="wide">
    <AuditView />
  </main>,
);
