import { type Browser, browser } from 'wxt/browser';
import { PANEL_PORT, type PanelState } from './messages';

/**
 * Opens the panel's port, named after the key its content script registered, and follows what the background pushes
 * on it: only PanelState (lib/background/panel-ports.ts), typed here once for the panel.
 */
export function followPanelState(key: string, onState: (state: PanelState) => void): Browser.runtime.Port {
  const port = browser.runtime.connect({ name: `${PANEL_PORT}/${key}` });
  port.onMessage.addListener((state: PanelState) => onState(state));
  return port;
}
