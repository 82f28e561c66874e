// A TCP relay in front of the hub that a test can cut and restore at the same address: the hub unreachable for a
// while (its state intact), as a network outage is, where the reference feed was stopped and restarted on its port.

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface NetworkCut {
  /** The relay's URL: give it to the extension instead of the hub's. */
  url: string;
  /** Refuses connections and drops the open ones (a keep-alive connection would otherwise outlive the cut). */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startNetworkCut(target: string): Promise<NetworkCut> {
  const { hostname, port: targetPort } = new URL(target);
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    const upstream = connect(Number(targetPort), hostname);
    for (const end of [socket, upstream]) {
      open.add(end);
      end.on('close', () => open.delete(end));
      end.on('error', () => {
        socket.destroy();
        upstream.destroy();
      });
    }
    socket.pipe(upstream).pipe(socket);
  });
  const listen = (port: number) =>
    new Promise<void>((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => done()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const cut = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      for (const socket of open) socket.destroy();
    });
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    restore: () => listen(port),
    close: () => (server.listening ? cut() : Promise.resolve()),
  };
}
