// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { readAdapter } from '../detect/adapter-read';
import helpscout from './helpscout';

describeAdapter(helpscout);

describe('Help Scout specifics', () => {
  it('reads the whole email from the field input, not the mask that splits it at "@"', () => {
    const reading = readAdapter(helpscout, loadFixture('helpscout-conversation.html'));
    expect(reading.identifiers.emails).toEqual(['kevin.lambert@hotmail.fr']);
  });

  it('matches conversation links with a folder', () => {
    expect(helpscout.pages.test('/conversation/2874561093/18342?folderId=1781329')).toBe(true);
    expect(helpscout.pages.test('/mailbox/6c1f0e2a9b/2/')).toBe(false);
  });
});
