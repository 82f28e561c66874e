// The hub's puller: every HUB_SOURCES_POLL_SECONDS it pulls the sources that are due, one after another. Every hub
// process may run it; the lease (lease.ts) keeps a source to one pull at a time. Admins can also pull one at once.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import type { ScopeRules } from '../scopes/rules';
import type { Sealer } from '../secrets/sealer';
import { type PullOutcome, pullSource } from './pull';

export interface SourcePuller {
  /** Pulls one source now, whatever its schedule; `busy` when a pull of it is under way. */
  pullNow(id: string, log: FastifyBaseLogger): Promise<PullOutcome>;
  /** Pulls every source that is due (what each tick does). */
  pullDue(log: FastifyBaseLogger): Promise<void>;
  /** Pulls the due sources every `pollSeconds` (none when 0). */
  schedule(options: { log: FastifyBaseLogger; pollSeconds: number }): void;
  /** Stops the schedule and any pull under way (it resumes from its last page at the next start). */
  close(): Promise<void>;
}

export interface PullerOptions {
  db: Database;
  sealer: Sealer;
  rules: ScopeRules;
}

const errorKind = (error: unknown) => ({ type: error instanceof Error ? error.name : typeof error });

export function createPuller(options: PullerOptions): SourcePuller {
  const stop = new AbortController();
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => {});
    return work;
  };

  const pull = async (id: string, log: FastifyBaseLogger) => {
    const outcome = await pullSource({ ...options, id, signal: stop.signal });
    // Counts only: a connector's message about the failure is kept in the sources table for admins.
    if (outcome.status === 'done') log.info({ source: id, ...outcome }, 'source pulled');
    if (outcome.status === 'failed') {
      const { error: _message, ...counts } = outcome;
      log.warn({ source: id, ...counts }, 'source pull failed');
    }
    return outcome;
  };

  let ticking = false;
  const pullDue = async (log: FastifyBaseLogger) => {
    if (ticking || stop.signal.aborted) return;
    ticking = true;
    try {
      const { rows } = await options.db.query<{ id: string }>(
        `select id from sources where next_run_at <= now() and (lease_until is null or lease_until < now())
         order by next_run_at`,
      );
      for (const row of rows) {
        if (stop.signal.aborted) break;
        await pull(row.id, log);
      }
    } catch (error) {
      log.error({ err: errorKind(error) }, 'source schedule failed');
    } finally {
      ticking = false;
    }
  };

  let timer: NodeJS.Timeout | undefined;
  return {
    pullNow: (id, log) => track(pull(id, log)),
    pullDue: (log) => track(pullDue(log)),
    schedule({ log, pollSeconds }) {
      if (pollSeconds <= 0 || timer) return;
      timer = setInterval(() => void track(pullDue(log)), pollSeconds * 1000);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      stop.abort();
      await Promise.allSettled([...running]);
    },
  };
}
