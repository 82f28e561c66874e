import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useStrings } from './AppShell';

const notifications = { permissions: ['notifications'] as const };

/** Opt-in for the incoming-caller desktop notification: an optional permission, asked at this click only. */
export function CallNotifications() {
  const t = useStrings();
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    browser.permissions.contains({ permissions: ['notifications'] }).then(setAllowed);
  }, []);
  const toggle = async (want: boolean) => {
    const done = want
      ? await browser.permissions.request({ permissions: [...notifications.permissions] })
      : await browser.permissions.remove({ permissions: [...notifications.permissions] });
    setAllowed(want ? done : !done);
  };
  return (
    <p>
      <label className="check">
        <input type="checkbox" checked={allowed} onChange={(event) => void toggle(event.target.checked)} />
        <span>{t.notifyCalls}</span>
      </label>
    </p>
  );
}
