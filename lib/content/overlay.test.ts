// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { identifiersOf } from '../detect/read-page';
import type { ContentRequest } from '../protocol/messages';
import { startOverlay } from './overlay';

let requests: ContentRequest[];
let controller: AbortController;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const recognized = () =>
  requests.flatMap((request) => (request.type === 'recognize' ? [identifiersOf(request.sightings).emails] : []));

beforeEach(() => {
  requests = [];
  controller = new AbortController();
  // Stands in for the background's router: records what the content script asks.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as ContentRequest;
    requests.push(request);
    return Promise.resolve({ ok: true, data: request.type === 'siteConfig' ? {} : null });
  });
});
afterEach(() => controller.abort());

describe('startOverlay', () => {
  it('recognizes what the page shows, then follows identifiers that appear later', async () => {
    document.body.innerHTML = '<main id="ticket"><p>De : lucie.marchetti@orange.fr</p></main>';
    await startOverlay(controller.signal);
    expect(recognized()).toEqual([['lucie.marchetti@orange.fr']]);
    expect(document.querySelector('reconnu-panel')).not.toBeNull();
    // The panel's key went to the background first.
    expect(requests[0]).toMatchObject({ type: 'panelKey', key: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    (document.getElementById('ticket') as HTMLElement).innerHTML = '<p>De : antoine.brun@gmail.com</p>';
    await settle();
    expect(recognized().at(-1)).toEqual(['antoine.brun@gmail.com']);
  });

  it("docks the panel once: later lookups leave the page's styles untouched", async () => {
    document.body.innerHTML = '<main id="ticket"><p>De : lucie.marchetti@orange.fr</p></main>';
    await startOverlay(controller.signal);
    const dock = document.head.querySelector('style');
    expect(dock?.textContent).toContain('margin-right');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(document.head, { childList: true, subtree: true, characterData: true, attributes: true });
    for (const email of ['antoine.brun@gmail.com', 'nobody.known@example.net', 'claire.dupont@free.fr']) {
      (document.getElementById('ticket') as HTMLElement).innerHTML = `<p>De : ${email}</p>`;
      await settle();
    }
    observer.disconnect();
    expect(recognized()).toHaveLength(4);
    expect(changes).toEqual([]);
  });

  it('asks nothing about a page that merely ticks', async () => {
    document.body.innerHTML = '<p>lucie.marchetti@orange.fr</p><span id="clock">11:42:07</span>';
    await startOverlay(controller.signal);
    const before = requests.length;
    for (let tick = 0; tick < 5; tick++) {
      (document.getElementById('clock') as HTMLElement).textContent = `11:42:${10 + tick}`;
      await settle();
    }
    expect(requests.length).toBe(before);
  });

  it('stops everything when its context goes away: no panel, no observer, no more messages', async () => {
    document.body.innerHTML = '<main id="ticket"><p>lucie.marchetti@orange.fr</p></main>';
    await startOverlay(controller.signal);
    controller.abort();
    expect(document.querySelector('reconnu-panel')).toBeNull();
    const before = requests.length;
    (document.getElementById('ticket') as HTMLElement).innerHTML = '<p>antoine.brun@gmail.com</p>';
    await settle();
    expect(requests.length).toBe(before);
  });
});
