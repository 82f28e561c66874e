// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectSightings, type GenericOptions } from './generic';
import { identifiersOf } from './read-page';

const detectIdentifiers = (root: ParentNode, options?: GenericOptions) => identifiersOf(detectSightings(root, options));

function dom(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('detectIdentifiers', () => {
  it('reads mailto: and tel: links', () => {
    const found = detectIdentifiers(
      dom('<a href="mailto:claire.martin@orange.fr?subject=Hi">Claire</a> <a href="tel:+33612345678">appeler</a>'),
    );
    expect(found.emails).toEqual(['claire.martin@orange.fr']);
    expect(found.phones).toEqual(['+33612345678']);
  });

  it('reads the address a sender’s name keeps in its tooltip, with the label beside it', () => {
    const sightings = detectSightings(
      dom('<table><tr><td>Da:</td><td><span title="giulia.romano@libero.it">Giulia Romano</span></td></tr></table>'),
    );
    expect(sightings).toMatchObject([{ kind: 'email', value: 'giulia.romano@libero.it', cues: ['sender'] }]);
  });

  it('reads an address spelt out so that robots miss it, and not a time written the same way', () => {
    const found = detectIdentifiers(
      dom(
        `<p>Mon ancien compte : nadine.vasseur [at] orange [point] fr. Rappel (at) 10.30, ou paul (AT) mail.co.uk</p>`,
      ),
    );
    expect(found.emails).toEqual(['nadine.vasseur@orange.fr', 'paul@mail.co.uk']);
  });

  it('finds emails and phones in plain text, in the formats people type', () => {
    const found = detectIdentifiers(
      dom(`<p>Écrire à élodie.lefèvre@laposte.net ou appeler le 06 12 34 56 78 (Mobile),
        06.98.76.54.32, 01/23/45/67/89 ou +33 (0)4 78 12 34 56.</p>`),
    );
    expect(found.emails).toEqual(['élodie.lefèvre@laposte.net']);
    expect(found.phones).toEqual(['06 12 34 56 78', '06.98.76.54.32', '01/23/45/67/89', '+33 (0)4 78 12 34 56']);
  });

  it('ignores scripts and styles, and matches order numbers only with a pattern', () => {
    const root = dom('<script>var x = "bot@example.org"</script><p>Commande FR-1002345 expédiée</p>');
    expect(detectIdentifiers(root).emails).toEqual([]);
    expect(detectIdentifiers(root).orders).toEqual([]);
    expect(detectIdentifiers(root, { orderPattern: /FR-\d{7}/g }).orders).toEqual(['FR-1002345']);
  });

  it('caps what it reports so a page cannot flood the lookup', () => {
    const many = Array.from({ length: 50 }, (_, i) => `<p>user${i}@example.org</p>`).join('');
    expect(detectIdentifiers(dom(many)).emails).toHaveLength(20);
  });
});

describe('phone plausibility', () => {
  it('keeps numbers people write, drops dates, amounts and short references', () => {
    const found = detectIdentifiers(
      dom(`<p>Le 26/11/2026, commande 00001026 de 1234567890 €, rappeler le 06 12 34 56 78 ou +41 44 668 18 00,
        0044 20 7946 0958 ou 01.23.45.67.89.</p>`),
    );
    expect(found.phones).toEqual(['06 12 34 56 78', '+41 44 668 18 00', '0044 20 7946 0958', '01.23.45.67.89']);
  });
});
