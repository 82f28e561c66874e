// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CardScanner } from './CardScanner';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Logic only: the camera and the browser's barcode reader are stand-ins here (no camera on a test machine).
const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.BarcodeDetector;
  document.body.replaceChildren();
});

/** The device's media: its cameras, and what opening one gives. */
function mediaDevices(options: { cameras: number; stopTrack?: () => void; getUserMedia?: () => void }): void {
  const devices = Array.from({ length: options.cameras }, () => ({ kind: 'videoinput' }) as MediaDeviceInfo);
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      enumerateDevices: async () => [{ kind: 'audioinput' } as MediaDeviceInfo, ...devices],
      getUserMedia: async () => {
        options.getUserMedia?.();
        const stream = new MediaStream();
        stream.getTracks = () => [{ stop: options.stopTrack ?? (() => undefined) } as unknown as MediaStreamTrack];
        return stream;
      },
    },
  });
}

async function render(onCode: (code: string) => void): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => createRoot(container).render(<CardScanner onCode={onCode} />));
  return container;
}

describe('CardScanner', () => {
  it('is not offered where the browser has no BarcodeDetector', async () => {
    expect((await render(() => undefined)).textContent).toBe('');
  });

  it('is not offered on a device without a camera, where the card number is typed', async () => {
    globals.BarcodeDetector = class {
      detect = async () => [];
    };
    mediaDevices({ cameras: 0 });
    expect((await render(() => undefined)).querySelector('button')).toBeNull();
  });

  it('reads a card with the camera, hands over its number and stops the camera', async () => {
    const stopTrack = vi.fn();
    globals.BarcodeDetector = class {
      detect = async () => [{ rawValue: 'ML-778899' }];
    };
    mediaDevices({ cameras: 1, stopTrack });
    const onCode = vi.fn();
    const view = await render(onCode);
    await act(async () => (view.querySelector('button') as HTMLButtonElement).click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(onCode).toHaveBeenCalledWith('ML-778899');
    expect(stopTrack).toHaveBeenCalled();
    expect(view.querySelector('video')).toBeNull();
  });

  it('in a side panel, where the browser cannot ask for the camera, offers to allow it in a tab instead', async () => {
    globals.BarcodeDetector = class {
      detect = async () => [];
    };
    const opened = vi.fn();
    mediaDevices({ cameras: 1, getUserMedia: opened });
    Object.defineProperty(navigator, 'permissions', {
      configurable: true,
      value: { query: async () => ({ state: 'prompt' }) },
    });
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const view = await render(() => undefined);
    await act(async () => (view.querySelector('button') as HTMLButtonElement).click());
    expect(view.textContent).toContain('The browser asks for the camera in a tab only');
    expect(opened).not.toHaveBeenCalled(); // a refusal without asking would only block the camera for a while
    const allow = [...view.querySelectorAll('button')].find(
      (button) => button.textContent === 'Allow the camera in a tab',
    );
    await act(async () => allow?.click());
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/sidepanel\.html#scan$/) });
  });
});
