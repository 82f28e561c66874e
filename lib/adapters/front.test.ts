// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, namesOf, readPage } from '../detect/read-page';
import front from './front';

describeAdapter(front);

describe('Front specifics', () => {
  const url = new URL('https://app.frontapp.com/open/cnv_5k9d3ft');

  it('ignores the hidden conversation still mounted from before', () => {
    const reading = readPage({ url, doc: loadFixture('front-conversation.html'), adapter: front });
    expect(identifiersOf(reading.sightings).emails).toEqual(['emile.fournier@protonmail.com']);
    expect(namesOf(reading.sightings)).not.toContain('Julie Bernard');
  });

  it('ignores it in generic detection too', () => {
    const broken = { ...front, customer: { emails: '.renamed', phones: '.renamed' } };
    const reading = readPage({ url, doc: loadFixture('front-conversation.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).emails).toEqual(['emile.fournier@protonmail.com']);
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['0640972861']);
  });

  it('matches conversations opened from an inbox', () => {
    expect(front.pages.test('/inboxes/teammates/4918273/inbox/t/cnv_5k9d3ft')).toBe(true);
    expect(front.pages.test('/inboxes/shared/support/unassigned')).toBe(false);
  });
});
