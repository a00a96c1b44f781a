// CPU seconds taken during a load run, read from /proc (Linux): a PostgreSQL cluster (its
// postmaster and every child: backends, WAL writer, checkpointer...) and the whole machine, so a
// benchmark can say how the cores were shared between the database, the server, the load
// generator and everything else running at the time.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process in seconds, and its parent; null when it is gone. */
function processTimes(pid: number): { seconds: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), seconds: (Number(rest[11]) + Number(rest[12])) / ticksPerSecond };
  } catch {
    return null;
  }
}

/** Seconds of CPU used so far by a process and all its direct children (per pid). */
function treeTimes(root: number): Map<number, number> {
  const out = new Map<number, number>();
  const own = processTimes(root);
  if (!own) return out;
  out.set(root, own.seconds);
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === root) continue;
    const t = processTimes(pid);
    if (t && t.ppid === root) out.set(pid, t.seconds);
  }
  return out;
}

/** All cores' busy and total time in seconds (/proc/stat's first line). */
function machineTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: (total - idle) / ticksPerSecond, total: total / ticksPerSecond };
}

/** CPU seconds used so far by one process (utime + stime), or null when it is gone. */
export function processCpuSeconds(pid: number): number | null {
  return processTimes(pid)?.seconds ?? null;
}

/** CPU seconds used so far by a PostgreSQL cluster: the postmaster and its children. */
export function clusterCpuSeconds(postmaster: number): number {
  let sum = 0;
  for (const seconds of treeTimes(postmaster).values()) sum += seconds;
  return sum;
}

export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

export type CpuWindow = { wallSeconds: number; serverSeconds: number; databaseSeconds: number | null; machineBusySeconds: number; machineCoreSeconds: number };

/**
 * Starts counting; stop() gives the CPU seconds taken since by this process (the server), the
 * PostgreSQL cluster under `postmaster` (processes started meanwhile count from zero; one that
 * ended meanwhile is missed) and the whole machine.
 */
export function startCpuWindow(postmaster: number | null): { stop: () => CpuWindow } {
  const wall = performance.now();
  const server = process.cpuUsage();
  const db = postmaster ? treeTimes(postmaster) : null;
  const machine = machineTimes();
  return {
    stop: () => {
      const s = process.cpuUsage(server);
      let databaseSeconds: number | null = null;
      if (postmaster && db) {
        databaseSeconds = 0;
        for (const [pid, seconds] of treeTimes(postmaster)) databaseSeconds += seconds - (db.get(pid) ?? 0);
      }
      const m = machineTimes();
      return {
        wallSeconds: (performance.now() - wall) / 1000,
        serverSeconds: (s.user + s.system) / 1e6,
        databaseSeconds,
        machineBusySeconds: m.busy - machine.busy,
        machineCoreSeconds: m.total - machine.total,
      };
    },
  };
}
