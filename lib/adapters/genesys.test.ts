// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import genesys from './genesys';

describeAdapter(genesys);

describe('Genesys Cloud specifics', () => {
  const url = new URL('https://apps.mypurecloud.ie/directory/#/activity');

  it('reads the alerting call, not the hidden interaction in after-call work nor the roster', () => {
    const reading = readPage({ url, doc: loadFixture('genesys-incoming.html'), adapter: genesys });
    expect(identifiersOf(reading.sightings).phones).toEqual(['+49 151 23456789']);
    expect(namesOf(reading.sightings)).not.toContain('Lena Hoffmann');
  });

  it('ignores the DNIS (the company line) in generic detection too', () => {
    const broken = { ...genesys, customer: { phones: '.renamed-by-vendor' } };
    const reading = readPage({ url, doc: loadFixture('genesys-incoming.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['4915123456789']);
  });

  it('covers every region', () => {
    expect(genesys.hosts).toContain('https://*.pure.cloud/*');
    expect(genesys.pages.test('/directory/#/activity')).toBe(true);
    expect(genesys.pages.test('/directory/#/admin/integrations/oauth')).toBe(false);
  });
});
