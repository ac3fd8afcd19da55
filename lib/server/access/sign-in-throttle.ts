/**
 * Failed sign-ins slow a guesser down: one shared workspace password is all that stands between
 * the network and the evidence. Per client (the first X-Forwarded-For address, which a proxy
 * in front sets, else one key for direct connections) at most CLIENT_FAILURES failed attempts
 * per WINDOW_MS; and, because a client can rotate forwarded addresses when nothing in front
 * overwrites them, at most ALL_FAILURES from all clients together. Over a limit, sign-in
 * answers 429 with Retry-After until the oldest counted failure leaves the window, even with
 * the right password (otherwise the limit would tell a guesser when they guessed right). A
 * success clears that client's failures.
 *
 * Kept in memory: with several instances each counts its own, so the limits are per instance
 * (README). A restart clears them.
 */
export const WINDOW_MS = 15 * 60_000;
export const CLIENT_FAILURES = 10;
export const ALL_FAILURES = 100;

export class SignInThrottle {
  private readonly byClient = new Map<string, number[]>();
  private all: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until this client may try again; 0 when it may now. */
  retryAfterMs(client: string): number {
    const now = this.now();
    this.all = recent(this.all, now);
    const mine = recent(this.byClient.get(client) ?? [], now);
    if (mine.length === 0) this.byClient.delete(client);
    else this.byClient.set(client, mine);
    return Math.max(0, waitFor(mine, CLIENT_FAILURES, now), waitFor(this.all, ALL_FAILURES, now));
  }

  failed(client: string): void {
    const now = this.now();
    this.all.push(now);
    const mine = this.byClient.get(client) ?? [];
    mine.push(now);
    this.byClient.set(client, mine);
  }

  succeeded(client: string): void {
    this.byClient.delete(client);
  }
}

/** Until the `limit`-th latest failure leaves the window, when there are that many; else 0. */
function waitFor(times: readonly number[], limit: number, now: number): number {
  return times.length >= limit ? times[times.length - limit]! + WINDOW_MS - now : 0;
}

/** Failure times still inside the window, oldest first. */
function recent(times: number[], now: number): number[] {
  let first = 0;
  while (first < times.length && times[first]! <= now - WINDOW_MS) first++;
  return first === 0 ? times : times.slice(first);
}

/** The client a request comes from, as far as the server can tell (see above). */
export function signInClient(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded ? `forwarded:${forwarded}` : 'direct';
}
