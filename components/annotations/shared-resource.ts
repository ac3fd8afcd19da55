/**
 * One fetched value shared by every component that reads it (the annotations of an incident are
 * read by the timeline strip, the findings badges, the event panel and the entity table at once):
 * fetched on first subscribe, fetched again on `refresh()` after a change, held while refreshing.
 */
import { errorMessage, isAbortError } from '../api/api-client';

export interface ResourceSnapshot<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export class SharedResource<T> {
  private snapshot: ResourceSnapshot<T> = { data: null, error: null, loading: false };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | null = null;
  private started = false;

  constructor(private readonly load: (signal: AbortSignal) => Promise<T>) {}

  getSnapshot = (): ResourceSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      void this.refresh();
    }
    return () => this.listeners.delete(listener);
  };

  /** Fetches again; a newer refresh wins over one still in flight. */
  refresh = async (): Promise<void> => {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.set({ ...this.snapshot, loading: true });
    try {
      const data = await this.load(controller.signal);
      if (this.controller === controller) this.set({ data, error: null, loading: false });
    } catch (cause) {
      if (isAbortError(cause) || this.controller !== controller) return;
      this.set({ ...this.snapshot, error: errorMessage(cause), loading: false });
    }
  };

  /** Replaces the value at once (an answer the server just gave), without a request. */
  put(data: T): void {
    this.set({ data, error: null, loading: this.snapshot.loading });
  }

  private set(next: ResourceSnapshot<T>): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** One resource per key (an incident id) for the page's lifetime. */
export function resourceCache<T>(make: (key: string) => SharedResource<T>): (key: string) => SharedResource<T> {
  const cache = new Map<string, SharedResource<T>>();
  return (key) => {
    let resource = cache.get(key);
    if (!resource) cache.set(key, (resource = make(key)));
    return resource;
  };
}
