// What every connector and every site adapter must come with, checked against the files themselves so that none is
// merged without its tests, its recorded data and its row in the documentation. tests/meta/pieces.test.ts runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A read-only view of the repository; tests swap in one with a piece taken out to prove each rule can fail. */
export interface RepoView {
  /** Paths of the files under `dir` (relative to the repository), recursively; none when it does not exist. */
  files(dir: string): string[];
  /** The file's text, or null when it does not exist. */
  read(path: string): string | null;
}

export function repoAt(root: string): RepoView {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
  return {
    files: (dir) => (existsSync(join(root, dir)) ? walk(join(root, dir)) : []),
    read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null),
  };
}

export const CONNECTORS_DOC = 'docs/connectors.md';
export const ADAPTERS_DOC = 'docs/recognition.md';

/** The first cells of a Markdown document's table rows that are code, such as `vendure` in "| `vendure` | …". */
export function tableIds(markdown: string): string[] {
  return [...markdown.matchAll(/^\s*\| `([^`]+)`\s*\|/gm)].map((match) => match[1] ?? '');
}

const isTest = (path: string) => path.endsWith('.test.ts');

/**
 * What a connector lacks: its folder with `index.ts` and at least one `*.test.ts`; its recorded responses in
 * `tests/fixtures/<kind>/`, read by a test (some test code names `fixtures/<kind>/`); its row in docs/connectors.md.
 */
export function connectorGaps(kind: string, repo: RepoView): string[] {
  const gaps: string[] = [];
  const folder = `lib/connectors/${kind}`;
  const own = repo.files(folder);
  if (!own.includes(`${folder}/index.ts`)) gaps.push(`${folder}/index.ts, its definition`);
  if (!own.some(isTest)) gaps.push(`a *.test.ts in ${folder}/`);
  const fixtures = repo.files(`tests/fixtures/${kind}`).filter((path) => /\.(json|jsonl)$/.test(path));
  if (fixtures.length === 0) gaps.push(`recorded responses in tests/fixtures/${kind}/`);
  const testCode = [...own, ...repo.files('tests').filter((path) => path.endsWith('.ts'))];
  const reads = testCode.some((path) => repo.read(path)?.includes(`fixtures/${kind}/`));
  if (fixtures.length > 0 && !reads) gaps.push(`a test that reads tests/fixtures/${kind}/`);
  if (!tableIds(repo.read(CONNECTORS_DOC) ?? '').includes(kind)) gaps.push(`its row in ${CONNECTORS_DOC}`);
  return gaps;
}

/**
 * What a site adapter lacks: `lib/adapters/<id>.test.ts` calling describeAdapter; its cases in
 * `tests/fixtures/adapters/<id>.cases.json`, each naming a saved page that is there; its row in docs/recognition.md.
 */
export function adapterGaps(id: string, repo: RepoView): string[] {
  const gaps: string[] = [];
  const test = repo.read(`lib/adapters/${id}.test.ts`);
  if (!test?.includes('describeAdapter(')) gaps.push(`lib/adapters/${id}.test.ts calling describeAdapter`);
  const casesPath = `tests/fixtures/adapters/${id}.cases.json`;
  const cases = JSON.parse(repo.read(casesPath) ?? '[]') as { file?: string }[];
  if (cases.length === 0) gaps.push(`its cases in ${casesPath}`);
  for (const { file } of cases) {
    if (!file || repo.read(`tests/fixtures/adapters/${file}`) === null) {
      gaps.push(`tests/fixtures/adapters/${file}, a page its cases name`);
    }
  }
  if (!tableIds(repo.read(ADAPTERS_DOC) ?? '').includes(id)) gaps.push(`its row in ${ADAPTERS_DOC}`);
  return gaps;
}
