// Routes of the empowerment policy and gestures, and their test controls.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Me } from '../../lib/feed/schema';
import { gestureRecordSchema, policySchema } from '../../lib/policy/schema';
import type { GestureStore } from './gestures';
import { HttpError, isPlainObject, readJson, sendJson } from './http';
import type { PolicyPublisher, PolicyServing } from './policy';

interface Context {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  user: Me;
  /** The feed's origin as its clients know it: the policy is issued for it. */
  origin: string;
  policy: PolicyPublisher;
  gestures: GestureStore;
}

/** Handles the request if it is one of these routes (method already checked); returns false otherwise. */
export async function routePolicyAndGestures(context: Context): Promise<boolean> {
  const { request, response, url, user, origin, policy, gestures } = context;
  const send = (body: unknown, headers?: Record<string, string>) => sendJson(request, response, 200, body, headers);
  const path = url.pathname;
  if (path === '/v1/policy') {
    await send(await policy.token(origin), { 'Content-Type': 'application/jose' });
    return true;
  }
  if (path === '/v1/gestures') {
    if (request.method === 'GET') await send(gestures.list(user, url.searchParams));
    else {
      const key = request.headers['idempotency-key'];
      await send(gestures.grant(await readJson(request), user, Array.isArray(key) ? key[0] : key));
    }
    return true;
  }
  const decision = /^\/v1\/gestures\/([^/]+)\/(approve|reject)$/.exec(path);
  if (decision) {
    const [, id, verdict] = decision as unknown as [string, string, 'approve' | 'reject'];
    await send(gestures.decide(decodeURIComponent(id), verdict, await readJson(request), user));
    return true;
  }
  if (path === '/__control/policy') {
    const body = await readJson(request);
    if (!isPlainObject(body)) throw new HttpError(400, 'bad_request', 'the body must be a JSON object');
    if (body.policy !== undefined) {
      const parsed = policySchema.safeParse(body.policy);
      if (!parsed.success)
        throw new HttpError(400, 'bad_request', `invalid policy: ${parsed.error.issues[0]?.message}`);
      policy.replace(parsed.data);
    }
    if (body.serve !== undefined) policy.serve(body.serve as PolicyServing);
    await send({ publicKey: policy.publicKey, policy: policy.current() });
    return true;
  }
  if (path === '/__control/gestures') {
    const parsed = gestureRecordSchema.safeParse(await readJson(request));
    if (!parsed.success) throw new HttpError(400, 'bad_request', `invalid gesture: ${parsed.error.issues[0]?.message}`);
    gestures.record(parsed.data);
    await send({ recorded: parsed.data.id });
    return true;
  }
  return false;
}
