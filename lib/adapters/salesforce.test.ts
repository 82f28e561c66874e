// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { readAdapter } from '../detect/adapter-read';
import { identifiersOf, readPage } from '../detect/read-page';
import salesforce from './salesforce';

describeAdapter(salesforce);

describe('Salesforce console workspace tabs', () => {
  it('reads only the focused workspace tab, never the hidden Case of another contact', () => {
    const reading = readAdapter(salesforce, loadFixture('salesforce-case.html'));
    expect(reading.identifiers.emails).toEqual(['benoit.charpentier@outlook.fr']);
    expect(reading.identifiers.phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['33633901427']);
    expect(reading.names).not.toContain('Paul Sanchez');
  });

  it('keeps the hidden tab out of generic fallback detection too', () => {
    const broken = { ...salesforce, customer: { emails: '.renamed-by-vendor' } };
    const url = new URL('https://maisonlumiere.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAV/view');
    const reading = readPage({ url, doc: loadFixture('salesforce-case.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).emails).not.toContain('paul.sanchez@gmail.com');
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).not.toContain(
      '0611223344',
    );
  });
});
