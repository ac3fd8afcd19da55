/**
 * One computation per key at a time within this process: a caller asking for a key that is
 * already being computed waits for the same promise instead of starting a second analysis of
 * a million events. The entry is removed once the promise settles (a failure is not cached).
 */
const inFlight = new Map<string, Promise<unknown>>();

export interface Shared<T> {
  value: T;
  /** True when this caller joined a computation another caller had started. */
  joined: boolean;
}

export async function shareInFlight<T>(key: string, compute: () => Promise<T>): Promise<Shared<T>> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return { value: await running, joined: true };
  const promise = compute().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return { value: await promise, joined: false };
}
