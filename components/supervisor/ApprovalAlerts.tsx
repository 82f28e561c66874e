import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { approvalNotificationsItem } from '@/lib/supervisor/approval-alerts';
import { useLocale } from '../AppShell';

/**
 * Opt-in for a desktop notification of each new request: the setting, and the optional permission asked at this
 * click only. The toolbar's count needs neither.
 */
export function ApprovalAlerts() {
  const s = supervisorStrings(useLocale());
  const [on, setOn] = useState(false);
  useEffect(() => {
    Promise.all([
      approvalNotificationsItem.getValue(),
      browser.permissions.contains({ permissions: ['notifications'] }),
    ]).then(([wanted, allowed]) => setOn(wanted && allowed));
  }, []);
  const toggle = async (want: boolean) => {
    const allowed = want ? await browser.permissions.request({ permissions: ['notifications'] }) : false;
    await approvalNotificationsItem.setValue(want && allowed);
    setOn(want && allowed);
  };
  return (
    <p className="check">
      <input
        id="approval-alerts"
        type="checkbox"
        checked={on}
        onChange={(event) => void toggle(event.target.checked)}
      />{' '}
      <label htmlFor="approval-alerts">{s.notify}</label>
    </p>
  );
}
