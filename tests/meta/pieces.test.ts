import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../lib/adapters';
import { connectorDefinitions } from '../../lib/connectors/registry';
import { ADAPTERS_DOC, adapterGaps, CONNECTORS_DOC, connectorGaps, type RepoView, repoAt, tableIds } from './pieces';

const repo = repoAt(resolve(import.meta.dirname, '../..'));
const kinds = connectorDefinitions().map((definition) => definition.kind);
const adapterIds = adapters.map((adapter) => adapter.id);

/** The repository with some files gone, to show that each rule notices. */
function without(gone: (path: string) => boolean): RepoView {
  return {
    files: (dir) => repo.files(dir).filter((path) => !gone(path)),
    read: (path) => (gone(path) ? null : repo.read(path)),
  };
}

/** The repository with one file's text changed. */
function edited(path: string, change: (text: string) => string): RepoView {
  return { ...repo, read: (file) => (file === path ? change(repo.read(file) ?? '') : repo.read(file)) };
}

describe('every connector comes with its pieces', () => {
  it.each(kinds)('%s has its definition, tests, recorded responses and documentation row', (kind) => {
    expect(connectorGaps(kind, repo)).toEqual([]);
  });

  it('lists every connector folder in the registry, and documents no connector that is not there', () => {
    const folders = new Set(
      repo.files('lib/connectors').flatMap((path) => /^lib\/connectors\/([^/]+)\//.exec(path)?.[1] ?? []),
    );
    expect([...folders].sort()).toEqual([...kinds].sort());
    expect(tableIds(repo.read(CONNECTORS_DOC) ?? '').sort()).toEqual([...kinds].sort());
  });

  it('notices a connector without its row, its tests or its recorded responses', () => {
    const noRow = edited(CONNECTORS_DOC, (text) => text.replace('| `vendure`', '| vendure '));
    expect(connectorGaps('vendure', noRow)).toEqual([`its row in ${CONNECTORS_DOC}`]);
    const noTests = without((path) => path.startsWith('lib/connectors/feed/') && path.endsWith('.test.ts'));
    expect(connectorGaps('feed', noTests)).toEqual(['a *.test.ts in lib/connectors/feed/']);
    const noFixtures = without((path) => path.startsWith('tests/fixtures/feed/'));
    expect(connectorGaps('feed', noFixtures)).toEqual(['recorded responses in tests/fixtures/feed/']);
  });
});

describe('every site adapter comes with its pieces', () => {
  it.each(adapterIds)('%s has its test, saved pages with their cases and documentation row', (id) => {
    expect(adapterGaps(id, repo)).toEqual([]);
  });

  it('documents no adapter that is not listed', () => {
    expect(tableIds(repo.read(ADAPTERS_DOC) ?? '').sort()).toEqual([...adapterIds].sort());
  });

  it('notices an adapter without its row, its test or a saved page its cases name', () => {
    const noRow = edited(ADAPTERS_DOC, (text) => text.replace('| `zendesk` ', '| zendesk '));
    expect(adapterGaps('zendesk', noRow)).toEqual([`its row in ${ADAPTERS_DOC}`]);
    expect(
      adapterGaps(
        'zendesk',
        without((path) => path === 'lib/adapters/zendesk.test.ts'),
      ),
    ).toEqual(['lib/adapters/zendesk.test.ts calling describeAdapter']);
    const noPage = without((path) => path === 'tests/fixtures/adapters/zendesk-ticket.html');
    expect(adapterGaps('zendesk', noPage)).toEqual([
      'tests/fixtures/adapters/zendesk-ticket.html, a page its cases name',
    ]);
  });
});
