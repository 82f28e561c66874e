// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import twilioflex from './twilioflex';

describeAdapter(twilioflex);

describe('Twilio Flex specifics', () => {
  const url = new URL('https://flex.twilio.com/agent-desktop/');

  it("reads the selected task's caller, not the other tasks of the list nor the dialled company line", () => {
    const broken = { ...twilioflex, customer: { phones: '.renamed-by-vendor' } };
    const reading = readPage({ url, doc: loadFixture('twilioflex-incoming.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['32470123456']);
  });

  it('shows no name for a caller no CRM knows', () => {
    const reading = readPage({ url, doc: loadFixture('twilioflex-incoming.html'), adapter: twilioflex });
    expect(namesOf(reading.sightings)).toEqual([]);
  });
});
