/**
 * An inter-process lock on one file: `<file>.lock`, created with O_EXCL. Any program that follows the same
 * protocol (create the lock file exclusively, rewrite the target, remove the lock) can write beside CIS Lens.
 *
 * The lock file holds `{"pid", "host", "time", "token"}`. A lock is stale, and is broken, when its holder is a
 * process on this host that no longer exists, or when it is older than `staleMs` (a holder on another host, or
 * one that hung). Breaking renames the lock away first, so of several waiters only one can break a given
 * lock; a waiter that finds it renamed a fresh lock by mistake puts it back.
 *
 * The critical sections that take this lock are short and synchronous (read, merge, write one JSON file), so the
 * holder does not refresh the lock while it holds it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface LockOptions {
  /** How long to wait for the lock before giving up (ms). */
  readonly timeoutMs?: number;
  /** A lock older than this is taken to be left behind by a hung or crashed writer (ms). */
  readonly staleMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5000;
export const DEFAULT_STALE_MS = 10000;
const FIRST_RETRY_MS = 2;
const MAX_RETRY_MS = 50;

/** The lock could not be had in time; says who holds it. */
export class LockTimeoutError extends Error {
  constructor(readonly lockFile: string, readonly holder: string) {
    super(`${lockFile} is held by ${holder}`);
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

/** Runs `fn` while holding the lock on `file`. Throws LockTimeoutError, or the file-system error that stopped it. */
export async function withFileLock<T>(file: string, fn: () => T, options: LockOptions = {}): Promise<T> {
  const lockFile = lockPathFor(file);
  const token = await acquire(lockFile, options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, options.staleMs ?? DEFAULT_STALE_MS);
  try {
    return fn();
  } finally {
    release(lockFile, token);
  }
}

interface Holder {
  readonly pid?: number;
  readonly host?: string;
  readonly time?: string;
  readonly token?: string;
}

async function acquire(lockFile: string, timeoutMs: number, staleMs: number): Promise<string> {
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const deadline = Date.now() + timeoutMs;
  let wait = FIRST_RETRY_MS;
  for (;;) {
    if (tryCreate(lockFile, token)) return token;
    if (breakIfStale(lockFile, staleMs)) continue;
    if (Date.now() >= deadline) throw new LockTimeoutError(lockFile, describeHolder(readHolder(lockFile)));
    // Jittered backoff: two waiters that collided should not collide again in step.
    await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
    wait = Math.min(MAX_RETRY_MS, wait * 2);
  }
}

function tryCreate(lockFile: string, token: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), time: new Date().toISOString(), token }));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readHolder(lockFile: string): Holder | undefined {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    return typeof raw === 'object' && raw !== null ? (raw as Holder) : {};
  } catch (e) {
    // Missing: released meanwhile. Unparseable: being written, or another tool's format; judged by age alone.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : {};
  }
}

function describeHolder(holder: Holder | undefined): string {
  if (!holder) return 'another writer (released just now)';
  const who = holder.pid ? `process ${holder.pid}${holder.host && holder.host !== os.hostname() ? ` on ${holder.host}` : ''}` : 'another program';
  return holder.time ? `${who} since ${holder.time}` : who;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** True when the lock was stale and is gone now (broken by us or someone else), so creating it may be tried again. */
function breakIfStale(lockFile: string, staleMs: number): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(lockFile);
  } catch {
    return true; // released meanwhile
  }
  const holder = readHolder(lockFile);
  if (!holder) return true;
  const deadHere = holder.host === os.hostname() && typeof holder.pid === 'number' && holder.pid !== process.pid && processGone(holder.pid);
  if (!deadHere && Date.now() - stat.mtimeMs < staleMs) return false;
  const aside = `${lockFile}.stale-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return true; // someone else broke or released it
  }
  const moved = readHolder(aside);
  if (moved?.token !== holder.token) {
    // Between our look and the rename the stale lock was replaced by a live one: give it back.
    try { fs.linkSync(aside, lockFile); } catch { /* a third writer has the lock now; ours to wait for */ }
  }
  try { fs.unlinkSync(aside); } catch { /* already gone */ }
  return true;
}

function release(lockFile: string, token: string): void {
  // Remove only our own lock: if ours was broken as stale, the file now belongs to someone else.
  if (readHolder(lockFile)?.token === token) {
    try { fs.unlinkSync(lockFile); } catch { /* already gone */ }
  }
}
