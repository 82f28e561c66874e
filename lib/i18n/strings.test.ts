import { describe, expect, it } from 'vitest';
import { feedNotice } from '../sync/status';
import { strings } from './strings';

describe('sync notices', () => {
  it('words what went wrong in each language, from what the engine knows', () => {
    const unauthorized = feedNotice({ offline: false, status: 401 });
    expect(strings('en').notice(unauthorized)).toBe('The feed answered 401: check the access token');
    expect(strings('fr').notice(unauthorized)).toBe('Le flux a répondu 401 : vérifiez le jeton d’accès');
    expect(strings('fr').notice(feedNotice({ offline: true, status: null }))).toBe('Le flux est injoignable');
    expect(strings('fr').notice(feedNotice({ offline: false, status: 200 }))).toBe(
      'Le flux a envoyé des données mal formées',
    );
    expect(strings('en').notice({ code: 'other' })).toBeNull(); // the English message is shown as it is
  });
});
