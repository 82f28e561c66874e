// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Cue } from '../protocol/messages';
import { detectSightings } from './generic';

/** The cues of each identifier read on a page, by value. */
function cuesOf(html: string): Record<string, Cue[]> {
  document.body.innerHTML = html;
  return Object.fromEntries(
    detectSightings(document.body).map((sighting) => [sighting.value, [...sighting.cues].sort()]),
  );
}

describe('evidence: how an agent reading the page would see each identifier', () => {
  it('a label before the identifier: requester, sender, copy, recipient, assignee', () => {
    const cues = cuesOf(`
      <p>Demandeur : camille.dubois@laposte.net</p>
      <p>From: Marc Lefèvre &lt;marc.lefevre@orange.fr&gt;</p>
      <p>Cc : julien.moreau@free.fr</p>
      <p>To: contact@atelier.example</p>
      <dl><dt>Assignee</dt><dd>thomas@atelier.example</dd></dl>`);
    expect(cues['camille.dubois@laposte.net']).toContain('label');
    expect(cues['marc.lefevre@orange.fr']).toContain('sender');
    expect(cues['julien.moreau@free.fr']).toContain('cc');
    expect(cues['contact@atelier.example']).toContain('to');
    expect(cues['thomas@atelier.example']).toContain('agent');
  });

  it('the same labels in Spanish, Italian and Dutch', () => {
    const cues = cuesOf(`
      <p>Solicitante: lucia.fernandez@gmail.com</p>
      <p>Van: Joris Van Damme &lt;joris.vandamme@telenet.be&gt;</p>
      <p>Aan: klantenservice@atelier.example</p>
      <p>Copia: marco.bianchi@libero.it</p>
      <dl><dt>Assegnato a</dt><dd>thomas@atelier.example</dd></dl>`);
    expect(cues['lucia.fernandez@gmail.com']).toContain('label');
    expect(cues['joris.vandamme@telenet.be']).toContain('sender');
    expect(cues['klantenservice@atelier.example']).toContain('to');
    expect(cues['marco.bianchi@libero.it']).toContain('cc');
    expect(cues['thomas@atelier.example']).toContain('agent');
  });

  it('"From" without a colon is a sender label only alone on its line, never inside a sentence', () => {
    const cues = cuesOf(`
      <div class="header-summary"><span>From <span><a href="mailto:camille.dubois@laposte.net">Camille Dubois</a></span> on 2026-11-10</span></div>
      <p>Je vous transfère un message reçu de marc.lefevre@orange.fr hier.</p>`);
    expect(cues['camille.dubois@laposte.net']).toEqual(['link', 'sender']);
    expect(cues['marc.lefevre@orange.fr']).not.toContain('sender');
  });

  it('quoted history: a blockquote, "> " lines, an Outlook header, an attribution line that runs over a link', () => {
    const cues = cuesOf(`
      <div class="pre">Bonjour,<br>\nMa lampe n'est pas arrivée.<br>\nCamille Dubois, camille.dubois@laposte.net<br>
      <br>\nLe 3 nov. 2026, Marc Lefèvre &lt;<a href="mailto:marc.lefevre@orange.fr">marc.lefevre@orange.fr</a>&gt; a écrit :<blockquote>Bonjour Camille,<br>\nMarc</blockquote></div>
      <div><blockquote>Écrivez à julien.moreau@free.fr</blockquote></div>
      <pre>Merci.\n> Le colis part lundi, helene.fontaine@gmail.com</pre>
      <div><p>Cordialement</p><p>De : Antoine Dubois antoine.dubois@laposte.net</p><p>Envoyé : lundi 2 novembre 2026</p></div>`);
    expect(cues['camille.dubois@laposte.net']).not.toContain('quoted');
    expect(cues['marc.lefevre@orange.fr']).toContain('quoted');
    expect(cues['julien.moreau@free.fr']).toContain('quoted');
    expect(cues['helene.fontaine@gmail.com']).toContain('quoted');
    expect(cues['antoine.dubois@laposte.net']).toContain('quoted');
  });

  it('an attribution-looking end of line after an ordinary sentence is not quoted history', () => {
    const cues = cuesOf(`<p>Voici ce que <a href="mailto:marc.lefevre@orange.fr">Marc</a> a écrit : merci.</p>`);
    expect(cues['marc.lefevre@orange.fr']).not.toContain('quoted');
  });

  it('regions: a customer card, the agent’s own reply, a row of an inbox list', () => {
    const rows = ['a', 'b', 'c']
      .map((name) => `<tr><td>${name}</td><td>${name}@list.example</td><td>12:00</td></tr>`)
      .join('');
    const cues = cuesOf(`
      <aside class="customer-card"><p>camille.dubois@laposte.net</p></aside>
      <article class="message agent-reply"><p>Thomas, thomas@atelier.example</p></article>
      <table><tbody>${rows}</tbody></table>`);
    expect(cues['camille.dubois@laposte.net']).toContain('card');
    expect(cues['thomas@atelier.example']).toContain('agent');
    expect(cues['a@list.example']).toContain('listed');
  });

  it('a mail header: a display name before the address under a "De" term is the sender', () => {
    const cues = cuesOf(`<dl class="MessageHeader"><dt>De</dt><dd>Agathe Marchand &lt;agathe.marchand@gmail.com&gt;</dd>
      <dt>Cc</dt><dd>Claire Mercier &lt;claire.mercier@gmail.com&gt;</dd></dl>`);
    expect(cues['agathe.marchand@gmail.com']).toContain('sender');
    expect(cues['claire.mercier@gmail.com']).toContain('cc');
  });

  it('a card whose fields are labelled by their own elements is one person, not a list; a list names rows', () => {
    const cues = cuesOf(`
      <aside><h3>Détails du client</h3>
        <div class="field"><label>Nom</label><span>Margaux Petit</span></div>
        <div class="field"><label>E-mail</label><span>margaux.petit@icloud.com</span></div>
        <div class="field"><label>Téléphone mobile</label><span>+33 6 23 90 56 14</span></div></aside>
      <section class="ticket-list">
        <a class="ticket-list-item active"><div><div class="contact-name">Camille Lefèvre</div><div class="contact-identifier">+33 6 12 45 78 91</div></div></a>
        <a class="ticket-list-item"><div><div class="contact-name">Hugo Blanchard</div><div class="contact-identifier">+33 6 71 82 93 04</div></div></a>
      </section>`);
    expect(cues['margaux.petit@icloud.com']).toEqual(['card']);
    expect(cues['+33 6 23 90 56 14']).toEqual(['card']);
    expect(cues['+33 6 12 45 78 91']).toContain('listed');
    expect(cues['+33 6 71 82 93 04']).toContain('listed');
  });

  it('rows of a list drawn with <div>s are listed; a labelled field of a card, or a long message, is not', () => {
    const cues = cuesOf(`
      <section class="contacts">
        <div class="contact-row"><span>Camille Lefèvre</span> <span>+33 6 12 45 78 91</span></div>
        <div class="contact-row"><span>Jan Peeters</span> <span>+32 470 58 21 93</span></div>
      </section>
      <div class="card"><div class="field">Email : lea@shop.example</div><div class="field">Téléphone : +33 6 62 14 80 37</div></div>
      <div class="msg"><p>${'Bonjour, '.repeat(30)} marc.lefevre@orange.fr</p></div>
      <div class="msg"><p>${'Merci, '.repeat(30)} julien.moreau@free.fr</p></div>`);
    expect(cues['+33 6 12 45 78 91']).toContain('listed');
    expect(cues['+32 470 58 21 93']).toContain('listed');
    expect(cues['lea@shop.example']).not.toContain('listed');
    expect(cues['marc.lefevre@orange.fr']).not.toContain('listed');
  });

  it("one record's boxes, each under its own title, are its fields; an agent app's layout names no side", () => {
    const cues = cuesOf(`
      <div class="ko-agent-content_layout__side-panel">
        <div class="info-item"><div class="info-item__header">Requester</div><div>eleanor@btinternet.example</div></div>
        <div class="info-item"><div class="info-item__header">Tracking</div><div>0791 2044 5617</div></div>
      </div>`);
    expect(cues['eleanor@btinternet.example']).toContain('card');
    for (const value of ['eleanor@btinternet.example', '0791 2044 5617']) {
      expect(cues[value]).not.toContain('listed');
      expect(cues[value]).not.toContain('agent');
    }
  });
});
