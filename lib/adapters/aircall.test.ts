// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { identifiersOf, readPage } from '../detect/read-page';
import aircall from './aircall';

describeAdapter(aircall);

describe('Aircall specifics', () => {
  const url = new URL('https://workspace.aircall.io/inbox');

  it('reads the caller, not the line the call came in on nor the inbox behind the ring pop-up', () => {
    const broken = { ...aircall, customer: { phones: '.renamed-by-vendor' } };
    const reading = readPage({ url, doc: loadFixture('aircall-incoming.html'), adapter: broken });
    expect(identifiersOf(reading.sightings).phones.map((phone) => phone.replace(/\D/g, ''))).toEqual(['33612843759']);
  });

  it('covers the routes where a call rings', () => {
    expect(aircall.pages.test('/incall')).toBe(true);
    expect(aircall.pages.test('/inbox/conversations/5823104')).toBe(true);
    expect(aircall.pages.test('/settings/preferences')).toBe(false);
  });
});
