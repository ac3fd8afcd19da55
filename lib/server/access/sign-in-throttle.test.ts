import { describe, expect, it } from 'vitest';
import { ALL_FAILURES, CLIENT_FAILURES, SignInThrottle, signInClient, WINDOW_MS } from './sign-in-throttle';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SignInThrottle', () => {
  it('lets a client fail CLIENT_FAILURES times in the window, then makes it wait until the oldest failure leaves it', () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 0; i < CLIENT_FAILURES; i++) {
      expect(throttle.retryAfterMs('a')).toBe(0);
      throttle.failed('a');
      time.advance(1000);
    }
    expect(throttle.retryAfterMs('a')).toBe(WINDOW_MS - CLIENT_FAILURES * 1000);
    expect(throttle.retryAfterMs('b')).toBe(0);
    time.advance(WINDOW_MS - CLIENT_FAILURES * 1000);
    expect(throttle.retryAfterMs('a')).toBe(0);
  });

  it('forgets a client’s failures when it succeeds', () => {
    const throttle = new SignInThrottle(clock().now);
    for (let i = 0; i < CLIENT_FAILURES - 1; i++) throttle.failed('a');
    throttle.succeeded('a');
    throttle.failed('a');
    expect(throttle.retryAfterMs('a')).toBe(0);
  });

  it('stops everyone after ALL_FAILURES failures from clients that each stay under their own limit', () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 0; i < ALL_FAILURES; i++) throttle.failed(`rotating-${i}`);
    expect(throttle.retryAfterMs('fresh')).toBe(WINDOW_MS);
    time.advance(WINDOW_MS);
    expect(throttle.retryAfterMs('fresh')).toBe(0);
  });
});

describe('signInClient', () => {
  it('is the first forwarded address, else one key for direct connections', () => {
    expect(signInClient(new Request('http://x/', { headers: { 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1' } }))).toBe('forwarded:203.0.113.9');
    expect(signInClient(new Request('http://x/'))).toBe('direct');
  });
});
