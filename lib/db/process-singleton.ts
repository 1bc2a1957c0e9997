// The one home of process-wide state (the Prisma client, shared read connections, SQLite write
// gates, metrics): kept on globalThis so Next.js hot reloads and the several bundles of one
// server process share a single instance instead of opening more connections.
const store = globalThis as unknown as { spendsense?: Map<string, unknown> };

/** The process's one value for `key`, made by `make` on first use. */
export function processSingleton<T>(key: string, make: () => T): T {
  const map = (store.spendsense ??= new Map());
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

/** Forgets the process's value for `key` (a failed start, a closed client) and returns what it was. */
export function forgetProcessSingleton<T>(key: string): T | undefined {
  const map = store.spendsense;
  const v = map?.get(key) as T | undefined;
  map?.delete(key);
  return v;
}
