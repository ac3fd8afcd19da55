import { describe, expect, it } from 'vitest';
import { resourceCache, SharedResource } from './shared-resource';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SharedResource', () => {
  it('fetches on the first subscriber only, and notifies every subscriber', async () => {
    let loads = 0;
    const resource = new SharedResource(async () => ++loads);
    let seenA = 0;
    let seenB = 0;
    resource.subscribe(() => seenA++);
    resource.subscribe(() => seenB++);
    await Promise.resolve();
    await Promise.resolve();
    expect(resource.getSnapshot()).toEqual({ data: 1, error: null, loading: false });
    expect(loads).toBe(1);
    seenA = 0;
    seenB = 0;
    await resource.refresh();
    expect(resource.getSnapshot().data).toBe(2);
    // Loading, then loaded: both subscribers hear both.
    expect([seenA, seenB]).toEqual([2, 2]);
  });

  it('lets a newer refresh win over an older one still in flight, and keeps data on error', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const resource = new SharedResource(() => answers[call++]!.promise);
    const older = resource.refresh();
    const newer = resource.refresh();
    answers[1]!.resolve('new');
    await newer;
    answers[0]!.resolve('old');
    await older;
    expect(resource.getSnapshot()).toEqual({ data: 'new', error: null, loading: false });

    const failing = new SharedResource<string>(() => Promise.reject(new Error('down')));
    failing.put('kept');
    await failing.refresh();
    expect(failing.getSnapshot()).toEqual({ data: 'kept', error: 'down', loading: false });
  });

  it('keeps one resource per key', () => {
    const of = resourceCache((key) => new SharedResource(async () => key));
    expect(of('a')).toBe(of('a'));
    expect(of('a')).not.toBe(of('b'));
  });
});
