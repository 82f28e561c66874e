// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { pageHeading } from './heading';
import { HEADING_LIMIT } from './limits';

it('reads the title and the first main heading, in one line and bounded', () => {
  document.title = 'People · Twenty';
  document.body.innerHTML = '<main><h1>Joris\n  Van Damme</h1></main><h1>Other</h1>';
  expect(pageHeading(document)).toBe('People · Twenty · Joris Van Damme');
  document.body.innerHTML = `<h1>${'x'.repeat(500)}</h1>`;
  expect(pageHeading(document)).toHaveLength(HEADING_LIMIT);
});
