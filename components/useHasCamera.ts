import { useEffect, useState } from 'react';

/**
 * Whether the device has a camera (a till's PC often has none, a tablet does), asked without opening it:
 * enumerateDevices lists a camera's kind before any permission is given, only not its name. Asked again when a camera
 * is plugged in or out.
 */
export function useHasCamera(): boolean {
  const [hasCamera, setHasCamera] = useState(false);
  useEffect(() => {
    const devices = globalThis.navigator?.mediaDevices;
    if (!devices?.enumerateDevices) return;
    let current = true;
    const check = () =>
      devices
        .enumerateDevices()
        .then((found) => current && setHasCamera(found.some((device) => device.kind === 'videoinput')))
        .catch(() => current && setHasCamera(false));
    void check();
    devices.addEventListener?.('devicechange', check);
    return () => {
      current = false;
      devices.removeEventListener?.('devicechange', check);
    };
  }, []);
  return hasCamera;
}
