// Serves saved pages on 127.0.0.1 for the end-to-end tests and the overlay benchmark. A fixture is reached under
// its name and then any path, so an adapter's page pattern sees the product's real path:
// /zendesk-ticket/agent/tickets/48213 → tests/fixtures/adapters/zendesk-ticket.html.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', 'tests', 'fixtures');
const FOLDERS = ['adapters', 'pages'];

export interface FixtureServer {
  origin: string;
  /** URL of a fixture file (without .html) served at `path`. */
  url(fixture: string, path?: string): string;
  /** Serves generated HTML at /inline/<name>, for pages a test writes itself. */
  setInline(name: string, html: string): string;
  /** Rewrites a fixture as it is served (e.g. a vendor renaming the classes an adapter relies on). */
  setTransform(fixture: string, transform: ((html: string) => string) | undefined): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const inline = new Map<string, string>();
  const transforms = new Map<string, (html: string) => string>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const [, first = '', second = ''] = path.split('/');
    let html: string | undefined;
    if (first === 'inline') html = inline.get(second);
    else {
      const folder = FOLDERS.find((name) => existsSync(join(ROOT, name, `${first}.html`)));
      if (folder && /^[\w.-]+$/.test(first)) html = readFileSync(join(ROOT, folder, `${first}.html`), 'utf8');
      const transform = transforms.get(first);
      if (html !== undefined && transform) html = transform(html);
    }
    if (html === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such fixture');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (fixture, path = '/') => `${origin}/${fixture}${path.startsWith('/') ? path : `/${path}`}`,
    setInline(name, html) {
      inline.set(name, html);
      return `${origin}/inline/${name}`;
    },
    setTransform(fixture, transform) {
      if (transform) transforms.set(fixture, transform);
      else transforms.delete(fixture);
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
