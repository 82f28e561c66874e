// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { readAdapter } from '../detect/adapter-read';
import hubspot from './hubspot';

describeAdapter(hubspot);

describe('HubSpot views', () => {
  it('reads the Help Desk requester, not the agent who replied in the thread', () => {
    const reading = readAdapter(hubspot, loadFixture('hubspot-ticket.html'));
    expect(reading.identifiers.emails).toEqual(['agathe.perrin@sfr.fr']);
    expect(reading.names).toEqual(['Agathe Perrin']);
  });

  it("reads a contact record's own properties, not the ticket or deal chicklets", () => {
    const reading = readAdapter(hubspot, loadFixture('hubspot-contact.html'));
    expect(reading.identifiers.emails).toEqual(['j.vasseur@wanadoo.fr']);
    expect(reading.names).toEqual(['Jérôme Vasseur']);
  });
});
