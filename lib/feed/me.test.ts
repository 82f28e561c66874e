import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentMe, meItem, setMe } from './me';
import type { Me } from './schema';

const lea: Me = { id: 'usr_lea', name: 'Léa', email: 'lea@shop.example', role: 'agent' };
const camille: Me = { id: 'usr_camille', name: 'Camille', email: 'c@shop.example', role: 'supervisor' };

describe('who is signed in, kept in memory', () => {
  it('reads storage once, then answers from memory', async () => {
    await setMe(lea);
    const first = currentMe();
    expect(await first).toEqual(lea);
    expect(currentMe()).toBe(first);
  });

  it('forgets at once what setMe replaces, sign-out included', async () => {
    await setMe(camille);
    expect(await currentMe()).toEqual(camille);
    await setMe(null);
    expect(await currentMe()).toBeNull();
  });

  it('forgets when another context writes it (a storage change event)', async () => {
    await setMe(lea);
    expect(await currentMe()).toEqual(lea);
    await meItem.setValue(camille);
    expect(await currentMe()).toEqual(camille);
  });

  it('reads again once its change listener was removed, when it may have missed changes', async () => {
    await setMe(lea);
    expect(await currentMe()).toEqual(lea);
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ me: camille });
    expect(await currentMe()).toEqual(camille);
  });
});
