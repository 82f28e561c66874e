// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, readPage } from '../detect/read-page';
import gorgias from './gorgias';

describeAdapter(gorgias);

describe('Gorgias specifics', () => {
  it("reads the order number from the Shopify widget, without the '#'", () => {
    const url = new URL('https://maison-lumiere.gorgias.com/app/ticket/48213957');
    const reading = readPage({ url, doc: loadFixture('gorgias-ticket.html'), adapter: gorgias });
    expect(reading.source).toBe('adapter');
    expect(identifiersOf(reading.sightings).orders).toEqual(['MLF-204518']);
  });

  it('also matches tickets opened from a view', () => {
    expect(gorgias.pages.test('/app/views/118200/48213957')).toBe(true);
    expect(gorgias.pages.test('/app/views/118200')).toBe(false);
  });
});
