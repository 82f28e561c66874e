// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import gmail from './gmail';
import { pageKey } from './match';

describeAdapter(gmail);

describe('Gmail thread', () => {
  const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGxyzKbTqWvMnLpSdRcHjBxN');

  it("reads the open thread, not the hidden inbox list nor the agent's own reply", () => {
    const reading = readPage({ url, doc: loadFixture('gmail-thread.html'), adapter: gmail });
    expect(reading.source).toBe('adapter');
    expect(identifiersOf(reading.sightings).emails).toEqual(['oceane.moreau@yahoo.fr']);
    expect(identifiersOf(reading.sightings).phones).toEqual(['06 93 47 20 58']);
    expect(namesOf(reading.sightings)).toEqual(['Océane Moreau']);
  });

  it('knows thread URLs from list URLs', () => {
    const key = (hash: string) => pageKey(new URL(`https://mail.google.com/mail/u/0/${hash}`));
    expect(gmail.pages.test(key('#label/SAV%2FCasse+transport/FMfcgzQXJGxyzKbTqWvMnLpSdRcHjBxN'))).toBe(true);
    expect(gmail.pages.test(key('#search/lampe+aube/18f76c2a9e1b4d30'))).toBe(true);
    expect(gmail.pages.test(key('#inbox/FMfcgzQXJGxyzKbTqWvMnLpSdRcHjBxN?compose=new'))).toBe(true);
    expect(gmail.pages.test(key('#inbox'))).toBe(false);
    expect(gmail.pages.test(key('#label/SAV'))).toBe(false);
  });
});
