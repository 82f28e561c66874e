// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapter, loadFixture } from '../../tests/describe-adapter';
import { readAdapter } from '../detect/adapter-read';
import { adapters } from '.';
import { pickAdapter } from './match';
import zammad from './zammad';

describeAdapter(zammad);

describe('Zammad ticket zoom', () => {
  it('is recognized on a self-hosted install by its markup alone', () => {
    const doc = loadFixture('zammad-ticket.html');
    expect(pickAdapter(adapters, new URL('https://support.maison-lumiere.fr/#ticket/zoom/84'), doc)).toEqual({
      adapter: zammad,
      by: 'fingerprint',
    });
  });

  it('reads the ticket on screen, not the tab kept hidden by the task manager', () => {
    const reading = readAdapter(zammad, loadFixture('zammad-ticket.html'));
    expect(reading.root?.id).toBe('content_permanent_Ticket-84');
    expect(reading.names).toEqual(['Inès Haddad']);
  });
});
