// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import ringover from './ringover';

describeAdapter(ringover);

describe('Ringover specifics', () => {
  const url = new URL('https://app.ringover.com/call-logs');

  it('reads the caller of the call box, not the call logs nor the Ringover line', () => {
    const broken = { ...ringover, customer: { phones: '.renamed-by-vendor' } };
    const reading = readPage({ url, doc: loadFixture('ringover-incoming.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['393471234567']);
  });

  it('gives no name for an unknown number', () => {
    const reading = readPage({ url, doc: loadFixture('ringover-incoming.html'), adapter: ringover });
    expect(namesOf(reading.sightings)).toEqual([]);
  });
});
