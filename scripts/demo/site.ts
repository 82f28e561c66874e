import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** What a demo page shows about one customer; every value is HTML-escaped before it is inserted. */
export type PageValues = Record<string, string>;

export interface DemoSite {
  url: string;
  /** Registers a page at /{path} rendered from a template in scripts/demo/pages with these values. */
  page(path: string, template: 'ticket' | 'softphone' | 'store', values: PageValues): string;
  /** Serves raw HTML at /{path} (fixtures, benchmark pages). */
  raw(path: string, html: string): string;
  close(): Promise<void>;
}

const templates = new Map<string, string>();

function template(name: string): string {
  let html = templates.get(name);
  if (html === undefined) {
    html = readFileSync(fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url)), 'utf8');
    templates.set(name, html);
  }
  return html;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function renderPage(name: string, values: PageValues): string {
  return template(name).replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(values[key] ?? ''));
}

/** A local web server for the demo's and tests' host pages, on 127.0.0.1. */
export async function startDemoSite(port = 0): Promise<DemoSite> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const raw = (path: string, html: string) => {
    pages.set(`/${path}`, html);
    return `${url}/${path}`;
  };
  return {
    url,
    raw,
    page: (path, name, values) => raw(path, renderPage(name, values)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // browsers keep connections alive; do not wait for them
      }),
  };
}
