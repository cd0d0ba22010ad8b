// What /proc says about processes a test started: their descendants, and whether one
// still runs (a zombie waiting for its parent counts as gone).
import { readdirSync, readFileSync } from 'node:fs';

/** `[pid, ppid, state]` of a process, or undefined once it is gone. */
function stat(pid: number): [number, number, string] | undefined {
  try {
    // The command name, in parentheses, may hold spaces: the fields after it are fixed.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [pid, Number(ppid), state!];
  } catch {
    return undefined;
  }
}

/** Every process below `pid` (children, their children …). */
export function descendantPids(pid: number): number[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => stat(Number(name)))
    .filter((s) => s !== undefined);
  const found: number[] = [];
  let parents = [pid];
  while (parents.length) {
    const children = all.filter(([, ppid]) => parents.includes(ppid)).map(([child]) => child);
    found.push(...children);
    parents = children;
  }
  return found;
}

export const isRunning = (pid: number): boolean => {
  const state = stat(pid)?.[2];
  return state !== undefined && state !== 'Z' && state !== 'X';
};
