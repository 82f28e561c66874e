// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import zendesk from './zendesk';

describeAdapter(zendesk);

describe('Zendesk ticket tabs', () => {
  it('reads only the selected tab, never the hidden one of another customer', () => {
    const doc = loadFixture('zendesk-ticket.html');
    const reading = readPage({
      url: new URL('https://maisonlumiere.zendesk.com/agent/tickets/4821'),
      doc,
      adapter: zendesk,
    });
    expect(reading.source).toBe('adapter');
    expect(identifiersOf(reading.sightings).emails).toEqual(['maelle.rousseau@free.fr']);
    expect(namesOf(reading.sightings)).not.toContain('Paul Sanchez');
  });
});
