// CPU time spent by the hub, by PostgreSQL and by the benchmark's own clients over a phase, read from /proc (Linux):
// on two shared cores, whether a latency target is within reach is a matter of CPU per request.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

function processStat(pid: string): { parent: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: fields[1] as string, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch {
    return null; // exited meanwhile
  }
}

const pids = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));

/** CPU seconds of a process and its live descendants (the hub's CLI runs node under tsx). */
function treeSeconds(root: number): number {
  const children = new Map<string, string[]>();
  const seconds = new Map<string, number>();
  for (const pid of pids()) {
    const stat = processStat(pid);
    if (!stat) continue;
    seconds.set(pid, stat.seconds);
    children.set(stat.parent, [...(children.get(stat.parent) ?? []), pid]);
  }
  let total = 0;
  const stack = [String(root)];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    total += seconds.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU seconds of the PostgreSQL backends connected to `database` (their title names it). */
function backendSeconds(database: string): number {
  let total = 0;
  for (const pid of pids()) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`postgres: postgres ${database} `)) continue;
    } catch {
      continue;
    }
    total += processStat(pid)?.seconds ?? 0;
  }
  return total;
}

export interface CpuMeter {
  /** Milliseconds of CPU per unit of work since the meter started, for the hub, PostgreSQL and the clients. */
  per(units: number): { hubMs: number; postgresMs: number; clientsMs: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Starts counting; `database` is the PostgreSQL database's name, absent for PGlite (inside the hub's process). */
export function cpuMeter(hubPid: number, database?: string): CpuMeter {
  const clients = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const read = () => ({
    hub: treeSeconds(hubPid),
    postgres: database ? backendSeconds(database) : 0,
    clients: clients(),
  });
  const start = read();
  return {
    per(units) {
      const end = read();
      const ms = (key: keyof typeof start) => round2(((end[key] - start[key]) * 1000) / units);
      return { hubMs: ms('hub'), postgresMs: ms('postgres'), clientsMs: ms('clients') };
    },
  };
}
