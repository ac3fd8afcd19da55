/**
 * Whether the workspace requires sign-in, read from the environment on every call (not once at
 * start): the operator's setting is the only switch, and tests flip it per case.
 *
 *   WITNESS_ACCESS_PASSWORD  the shared password; unset or empty = an open workspace
 *   WITNESS_SESSION_HOURS    how long a sign-in lasts (default 168 = one week)
 */
export const DEFAULT_SESSION_HOURS = 168;

export interface AccessConfig {
  /** null: no sign-in (anyone who reaches the server may read and change everything). */
  password: string | null;
  sessionHours: number;
}

export function accessConfig(env: NodeJS.ProcessEnv = process.env): AccessConfig {
  const password = env.WITNESS_ACCESS_PASSWORD ?? '';
  const hours = Number(env.WITNESS_SESSION_HOURS);
  return {
    password: password === '' ? null : password,
    // A typo must not become "sessions never expire" or "expire at once": fall back to the default.
    sessionHours: Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SESSION_HOURS,
  };
}

export function accessConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return accessConfig(env).password !== null;
}
