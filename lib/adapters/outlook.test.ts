// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import { pageKey } from './match';
import outlook from './outlook';

describeAdapter(outlook);

describe('Outlook reading pane', () => {
  it("ignores the quoted history (the agent's earlier reply and signature), recipients and timestamps", () => {
    const reading = readPage({
      url: new URL(
        'https://outlook.office.com/mail/inbox/id/AAQkAGI2ZjRlNDMwLTk4NTUtNDI0Zi1hMjE3LWNlNGE3MTMwYTc1NwAQAJKQ9X8xjR5Ht%2FUuK9aW1zE%3D',
      ),
      doc: loadFixture('outlook-message.html'),
      adapter: outlook,
    });
    expect(reading.source).toBe('adapter');
    expect(identifiersOf(reading.sightings).emails).toEqual(['remi.faure@bbox.fr']);
    expect(identifiersOf(reading.sightings).phones).toEqual(['+33 6 21 74 39 80']);
    expect(namesOf(reading.sightings)).toEqual(['Rémi Faure']);
  });

  it('knows opened-message URLs from folder URLs', () => {
    const key = (url: string) => pageKey(new URL(url));
    expect(
      outlook.pages.test(
        key('https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS0xN2Q5LTRkNmEtMDACLTAwCgAQAJKQ9X8'),
      ),
    ).toBe(true);
    expect(outlook.pages.test(key('https://outlook.office.com/mail/deeplink/read/AAMkAGI2ZjRlNDMw%3D?ItemID=x'))).toBe(
      true,
    );
    expect(outlook.pages.test(key('https://outlook.cloud.microsoft/mail/id/AAQkAGI2ZjRlNDMw'))).toBe(true);
    expect(outlook.pages.test(key('https://outlook.office.com/mail/inbox'))).toBe(false);
    expect(outlook.pages.test(key('https://outlook.office.com/mail/'))).toBe(false);
  });
});
