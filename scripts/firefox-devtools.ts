// A small client of Firefox's Remote Debugging Protocol (the DevTools server), for what WebDriver BiDi does not reach:
// Firefox's BiDi skips every extension context (its options, side panel and console pages, and the panel's frame in
// a host page), so the tests read and drive those pages through the DevTools server instead, as about:debugging does.
import { connect, type Socket } from 'node:net';

type Packet = Record<string, unknown> & { from?: string; type?: string; error?: string; message?: string };

/** A page or frame the DevTools server can evaluate code in. */
export interface DevToolsTarget {
  url: string;
  /**
   * Runs `fn(...args)` in the page's own window (its `browser` API included) and answers its JSON result. `fn` is
   * sent as source: it may use nothing from the test's scope but its arguments.
   */
  evaluate<Args extends unknown[], Result>(fn: (...args: Args) => Result, ...args: Args): Promise<Awaited<Result>>;
}

export interface DevTools {
  /** The open tab whose URL starts with `prefix`, once there is one. */
  tab(prefix: string, options?: { timeout?: number }): Promise<DevToolsTarget>;
  /** A frame of the tab whose URL starts with `tabPrefix`, whose URL matches `frameUrl`, once there is one. */
  frame(tabPrefix: string, frameUrl: RegExp, options?: { timeout?: number }): Promise<DevToolsTarget>;
  close(): void;
}

interface TargetForm {
  actor: string;
  url: string;
  consoleActor: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Packets are `<byte length>:<JSON>`; replies come back from each actor in the order it was asked. */
class Connection {
  #buffer = Buffer.alloc(0);
  #replies = new Map<string, ((packet: Packet) => void)[]>();
  #listeners = new Set<(packet: Packet) => void>();

  constructor(readonly socket: Socket) {
    socket.on('data', (data) => this.#receive(data));
  }

  #receive(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      const colon = this.#buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      // Events carry a type; replies do not.
      if (packet.type) for (const listener of this.#listeners) listener(packet);
      else this.#replies.get(packet.from ?? '')?.shift()?.(packet);
    }
  }

  /** The next reply from `from`, asked for or not (the root actor's greeting). */
  reply(from: string, what: string): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const waiting = this.#replies.get(from) ?? [];
      waiting.push((packet) =>
        packet.error ? reject(new Error(`${what}: ${packet.message ?? packet.error}`)) : resolve(packet),
      );
      this.#replies.set(from, waiting);
    });
  }

  request(to: string, type: string, body: Record<string, unknown> = {}): Promise<Packet> {
    const reply = this.reply(to, type);
    const json = Buffer.from(JSON.stringify({ to, type, ...body }));
    this.socket.write(`${json.length}:`);
    this.socket.write(json);
    return reply;
  }

  /** The first event for which `pick` answers something, once `send` asked for them; rejects after `timeout` ms. */
  async event<T>(pick: (packet: Packet) => T | undefined, send: () => Promise<unknown>, timeout: number): Promise<T> {
    let listener: (packet: Packet) => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const found = new Promise<T>((resolve, reject) => {
      listener = (packet) => {
        const value = pick(packet);
        if (value !== undefined) resolve(value);
      };
      this.#listeners.add(listener);
      timer = setTimeout(() => reject(new Error(`No such event within ${timeout} ms.`)), timeout);
    });
    try {
      await send();
      return await found;
    } finally {
      clearTimeout(timer);
      this.#listeners.delete(listener);
    }
  }
}

function target(connection: Connection, form: TargetForm): DevToolsTarget {
  return {
    url: form.url,
    async evaluate(fn, ...args) {
      // tsx compiles with keepNames, which wraps inner functions in a `__name` helper pages lack.
      const text = `(async () => { globalThis.__name ??= (f) => f; return JSON.stringify(await (${fn.toString()})(...${JSON.stringify(args)})) ?? 'null'; })()`;
      const answer = await connection.event(
        (packet) => (packet.type === 'evaluationResult' && packet.from === form.consoleActor ? packet : undefined),
        () => connection.request(form.consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } }),
        60_000,
      );
      if (answer.hasException) throw new Error(`In ${form.url}: ${String(answer.exceptionMessage)}`);
      let result = answer.result as string | { type: string; actor: string; length: number };
      if (typeof result === 'object' && result.type === 'longString') {
        const full = await connection.request(result.actor, 'substring', { start: 0, end: result.length });
        result = full.substring as string;
      }
      if (typeof result !== 'string') throw new Error(`In ${form.url}: no JSON result (${JSON.stringify(result)})`);
      return JSON.parse(result);
    },
  };
}

/** Connects to the DevTools server Firefox was started with (`--start-debugger-server <port>`). */
export async function connectDevTools(port: number): Promise<DevTools> {
  const socket = connect(port, '127.0.0.1');
  const connection = new Connection(socket);
  // The root actor greets first; its greeting is the reply to no request.
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    connection.reply('root', 'greeting').then(() => resolve(), reject);
  });

  const findTab = async (prefix: string, timeout: number) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const { tabs } = (await connection.request('root', 'listTabs')) as unknown as {
        tabs: { actor: string; url: string }[];
      };
      const tab = tabs.find((candidate) => candidate.url.startsWith(prefix));
      if (tab) return tab;
      if (Date.now() > deadline) throw new Error(`No tab at ${prefix}: ${tabs.map((one) => one.url).join(', ')}`);
      await sleep(200);
    }
  };

  return {
    async tab(prefix, { timeout = 15_000 } = {}) {
      const tab = await findTab(prefix, timeout);
      const { frame } = (await connection.request(tab.actor, 'getTarget')) as unknown as { frame: TargetForm };
      return target(connection, frame);
    },
    async frame(tabPrefix, frameUrl, { timeout = 15_000 } = {}) {
      const tab = await findTab(tabPrefix, timeout);
      const watcher = (await connection.request(tab.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true }))
        .actor as string;
      // Frames in other processes (the panel's, in the extension's) are targets of their own.
      const form = await connection.event(
        (packet) => {
          const form = packet.type === 'target-available-form' ? (packet.target as TargetForm) : undefined;
          return form && frameUrl.test(form.url) ? form : undefined;
        },
        () => connection.request(watcher, 'watchTargets', { targetType: 'frame' }),
        timeout,
      );
      return target(connection, form);
    },
    close: () => socket.destroy(),
  };
}
