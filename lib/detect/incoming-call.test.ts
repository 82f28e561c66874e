// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findIncomingCaller } from './incoming-call';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

describe('findIncomingCaller', () => {
  it('finds the number beside "Incoming call", "Appel de" and friends, as text or tel: link', () => {
    expect(findIncomingCaller(page('<div><h2>Appel entrant</h2><p>06 12 34 56 78</p></div>'))).toBe('06 12 34 56 78');
    expect(findIncomingCaller(page('<div class="toast">Appel de <b>+33 6 12 34 56 78</b> (Mobile)</div>'))).toBe(
      '+33 6 12 34 56 78',
    );
    expect(
      findIncomingCaller(page('<section><span>Incoming call</span><a href="tel:+32470123456">Caller</a></section>')),
    ).toBe('+32470123456');
  });

  it('takes the dialable caller over the line called, written in the banner', () => {
    const html = `<section class="active-call"><div>Llamada entrante · Atención al cliente ES (+34 910 60 12 00)</div>
      <div>Lucía Fernández</div><div><a href="tel:+34612483795">+34 612 48 37 95</a></div></section>`;
    expect(findIncomingCaller(page(html))).toBe('+34612483795');
  });

  it('ignores numbers elsewhere on the page, and pages with no call', () => {
    const html = `<header>Standard : 01 84 60 12 00</header><main><ul><li>Hier : 06 98 76 54 32</li></ul>
      <div id="call"><p>Incoming call</p><p>+49 151 23456789</p></div></main>`;
    expect(findIncomingCaller(page(html))).toBe('+49 151 23456789');
    expect(findIncomingCaller(page('<p>Rappeler le 06 12 34 56 78</p>'))).toBeUndefined();
    // The agent writing that they will call is a message, not a call ringing.
    const message = `<div class="message-item"><p>Bonjour Monsieur Lemaire, je vous appelle ce matin. Service client
      Maison Lumière – 01 84 60 12 00</p></div>`;
    expect(findIncomingCaller(page(message))).toBeUndefined();
    expect(
      findIncomingCaller(page('<div class="toast"><p>Marie Dupont vous appelle</p><p>06 12 34 56 78</p></div>')),
    ).toBe('06 12 34 56 78');
  });
});
