// Test-only control API: mutate the data set, inject faults, read the truth and request counts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Customer } from '../../lib/feed/schema';
import type { ChangeLog, MutationRequest, MutationResult } from './changes-log';
import { type FaultSettings, type Faults, parseFaultSettings } from './faults';
import { type HostileCase, hostileCases } from './hostile';
import { corsHeaders, HttpError, isPlainObject, JSON_TYPE, type RequestStats, readJson, sendJson } from './http';

export interface FeedControl {
  /** Applies updates, then deletions, then additions; unknown or already deleted ids are ignored. */
  mutate(request: MutationRequest): MutationResult;
  /** Adds or replaces customers given whole (ids must not look generated: not "cus_" + digits). */
  put(records: readonly Customer[]): string[];
  /** Adds the hostile records (see hostile.ts) among the others and says what must become of each. */
  putHostile(): Omit<HostileCase, 'json'>[];
  /** Replaces all fault settings; {} turns every fault off. */
  setFaults(settings: FaultSettings): FaultSettings;
  /** Every live customer as [id, version], in id order. */
  truth(): AsyncIterable<[string, number]>;
  liveCount(): number;
  stats(): Record<string, Record<string, number>>;
  auditEntries(): unknown[];
}

const MAX_MUTATION = 1_000_000;

/** Validates a POST /__control/mutate body; returns an error message or the request. */
export function parseMutation(body: unknown): MutationRequest | string {
  if (!isPlainObject(body)) return 'the body must be a JSON object';
  const request: MutationRequest = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'update' || key === 'delete' || key === 'add') {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_MUTATION) {
        return `${key} must be an integer between 0 and ${MAX_MUTATION}`;
      }
      request[key] = value as number;
    } else if (key === 'updateIds' || key === 'deleteIds') {
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) return `${key} must be a string array`;
      request[key] = value as string[];
    } else {
      return `unknown field "${key}"`;
    }
  }
  return request;
}

export function createControl(log: ChangeLog, faults: Faults, stats: RequestStats, audit: unknown[]): FeedControl {
  return {
    mutate(request) {
      const parsed = parseMutation(request);
      if (typeof parsed === 'string') throw new TypeError(parsed);
      return log.mutate(parsed);
    },
    put: (records) => log.put(records),
    putHostile: () => putHostile(log),
    setFaults(settings) {
      const parsed = isPlainObject(settings) ? parseFaultSettings(settings) : 'the faults must be an object';
      if (typeof parsed === 'string') throw new TypeError(parsed);
      return faults.set(parsed);
    },
    async *truth() {
      yield* log.live();
    },
    liveCount: () => log.liveCount,
    stats: () => stats.snapshot(),
    auditEntries: () => audit.slice(),
  };
}

export async function handleControl(
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
  context: { log: ChangeLog; faults: Faults; stats: RequestStats; audit: unknown[] },
): Promise<void> {
  const send = (body: unknown) => sendJson(request, response, 200, body);
  switch (path) {
    case '/__control/mutate': {
      const parsed = parseMutation(await readJson(request));
      if (typeof parsed === 'string') throw new HttpError(400, 'bad_request', parsed);
      return send(context.log.mutate(parsed));
    }
    case '/__control/faults': {
      const body = await readJson(request);
      const parsed = isPlainObject(body) ? parseFaultSettings(body) : 'the body must be a JSON object';
      if (typeof parsed === 'string') throw new HttpError(400, 'bad_request', parsed);
      return send({ faults: context.faults.set(parsed) });
    }
    case '/__control/hostile':
      return send({ cases: putHostile(context.log) });
    case '/__control/truth':
      return streamTruth(response, context.log);
    case '/__control/stats':
      return send(context.stats.snapshot());
    case '/__control/audit':
      return send({ entries: context.audit });
  }
  throw new HttpError(404, 'not_found', `No control route ${path}.`);
}

function putHostile(log: ChangeLog): Omit<HostileCase, 'json'>[] {
  const cases = hostileCases();
  log.putRaw(cases);
  return cases.map(({ json: _json, ...expectation }) => expectation);
}

/** Streams {"count": n, "customers": [[id, version], …]} in batches, honouring backpressure (works for millions). */
async function streamTruth(response: ServerResponse, log: ChangeLog): Promise<void> {
  response.writeHead(200, { ...corsHeaders, 'Content-Type': JSON_TYPE });
  let chunk = `{"count":${log.liveCount},"customers":[`;
  let first = true;
  let inChunk = 0;
  for (const [id, version] of log.live()) {
    chunk += `${first ? '' : ','}[${JSON.stringify(id)},${version}]`;
    first = false;
    if (++inChunk === 5000) {
      if (!response.write(chunk)) await drained(response);
      if (response.destroyed) return;
      chunk = '';
      inChunk = 0;
    }
  }
  response.end(`${chunk}]}`);
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
