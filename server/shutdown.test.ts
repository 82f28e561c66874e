// Graceful shutdown: a request in flight when the hub starts closing is answered whole, and its connection is closed
// with it, so that closing does not wait for the client's keep-alive to time out.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open';
import { startTestHub } from './test/hub-fixture';

describe('closing the hub', () => {
  it('answers the request in flight and closes its connection', async () => {
    const db = await openDatabase({});
    const hub = await startTestHub(db);
    // The embedded database is one connection: while this transaction holds it, the request waits inside the hub.
    let release = () => {};
    const held = db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    const inFlight = hub.request('/v1/me', { as: 'agent' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const closed = hub.hub.close();
    // Closing has begun once new requests are turned away (503, or refused once the port is closed).
    await expect
      .poll(() =>
        fetch(`${hub.hub.url}/healthz`).then(
          (answer) => answer.status,
          () => 'refused',
        ),
      )
      .not.toBe(200);
    release();
    await held;
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'agent' });
    expect(response.headers.get('connection')).toBe('close');
    await closed;
    await db.close();
  });
});
