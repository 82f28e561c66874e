// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { assessBurst, candidatesIn } from './burst-filter';

/** Runs a DOM change and returns the mutation records a MutationObserver saw for it. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    characterDataOldValue: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden'],
  });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

describe('candidatesIn', () => {
  it('finds emails, phones and order numbers, and nothing in clocks and counters', () => {
    expect(candidatesIn('Écrire à lucie@orange.fr ou 06 58 31 72 90 (Mobile)')).toEqual([
      'lucie@orange.fr',
      '06 58 31 72 90',
    ]);
    expect(candidatesIn('Commande #MLF-204518', /MLF-\d{6}/g)).toEqual(['MLF-204518']);
    expect(candidatesIn('il y a 12 s · 11:42:07 · 3 messages')).toEqual([]);
  });
});

describe('assessBurst', () => {
  it('dismisses bursts that add no new identifier (timers, counters, re-rendered lists)', async () => {
    document.body.innerHTML = '<ul id="queue"><li>#5101 · il y a 3 s</li></ul><p id="who">lucie@orange.fr</p>';
    const records = await recordsOf(() => {
      (document.getElementById('queue') as HTMLElement).innerHTML = '<li>#5101 · il y a 4 s</li>';
      (document.getElementById('queue') as HTMLElement).className = 'tick';
    });
    const seen = new Set(['lucie@orange.fr']);
    expect(assessBurst(records, seen, seen)).toEqual({ rescan: 'none', fresh: [], roots: [] });
  });

  it('reads only where a new identifier appeared, and reports it', async () => {
    document.body.innerHTML = '<main id="ticket"></main>';
    const records = await recordsOf(() => {
      (document.getElementById('ticket') as HTMLElement).innerHTML = '<p>Demandeur : antoine.brun@gmail.com</p>';
    });
    expect(assessBurst(records, new Set(), new Set())).toEqual({
      rescan: 'scoped',
      fresh: ['antoine.brun@gmail.com'],
      roots: [document.querySelector('#ticket p')],
    });
  });

  it('rescans when the current customer leaves the page, or text holding identifiers is shown or hidden', async () => {
    document.body.innerHTML = '<main id="ticket"><p>lucie@orange.fr</p></main><section id="tab2">a@b.fr</section>';
    const current = new Set(['lucie@orange.fr']);
    const removed = await recordsOf(() => (document.getElementById('ticket') as HTMLElement).replaceChildren());
    expect(assessBurst(removed, current, current).rescan).toBe('full');
    const shown = await recordsOf(() => (document.getElementById('tab2') as HTMLElement).setAttribute('hidden', ''));
    expect(assessBurst(shown, new Set(), new Set(['a@b.fr'])).rescan).toBe('full');
  });

  it('rescans when a mailto: or tel: link is added even if its text shows no identifier', async () => {
    document.body.innerHTML = '<main id="ticket"></main>';
    const records = await recordsOf(() => {
      (document.getElementById('ticket') as HTMLElement).innerHTML = '<a href="tel:+33658317290">Appeler</a>';
    });
    expect(assessBurst(records, new Set(), new Set()).rescan).toBe('scoped');
  });
});

describe('assessBurst on a ticket switch', () => {
  it('reads the new requester at once when the old one leaves in the same burst', async () => {
    document.body.innerHTML = '<main id="ticket"><p>lucie@orange.fr</p></main>';
    const current = new Set(['lucie@orange.fr']);
    const records = await recordsOf(() => {
      (document.getElementById('ticket') as HTMLElement).innerHTML = '<p>antoine.brun@gmail.com</p>';
    });
    expect(assessBurst(records, current, current)).toMatchObject({
      rescan: 'scoped',
      fresh: ['antoine.brun@gmail.com'],
    });
  });
});
