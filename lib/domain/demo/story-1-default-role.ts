/**
 * Story 1: a retry re-creates the "default role" from a stale read.
 *
 * The admin creates the org "Acme Robotics", then clicks "Create default role". roles-api reads
 * "is there a default role?" from a read replica, finds none, inserts one (r1) and then waits on
 * a slow audit webhook; the edge gateway gives up after 3 s and answers 504. The browser
 * retries the POST with the same X-Correlation-Id. The second attempt reads the replica again,
 * which lags 2.6 s behind the primary and does not show r1 yet: it inserts a second default
 * role (r2). The org now has two default roles.
 *
 * Files: admin-console-roles.har (browser, reference clock), roles-api.jsonl (pino, clock
 * +4000 ms), roles-db-audit.log (PostgreSQL pgaudit text lines, clock -2500 ms).
 *
 * Expected first divergence, and why:
 * - invariant "one default role per org" (unique is_default=true per org_id) becomes false at
 *   the first observation of r2.is_default=true. The earliest is the database's audit line of
 *   attempt 2's `INSERT INTO roles` (it logs role_id, org_id and is_default). roles-api logs
 *   "role inserted" ~116 ms later (after the role_permissions batch), far more than the
 *   alignment error (a few ms). The HAR's POST response deliberately carries no is_default
 *   (only role_id, org_id, name), so no HAR observation can precede the database's, whether
 *   the analysis dates a HAR observation at the entry's start or its end. The roles list the
 *   admin loads afterwards does show both roles as default, later.
 * - duplicate_effect "role inserted" (op=INSERT, table=roles; sameWhen correlation_id, org_id):
 *   only roles-api's "role inserted" lines carry op/table (the audit lines speak pgaudit:
 *   `WRITE,INSERT,TABLE,public.roles`), one per attempt, both with the same correlation id
 *   and org: the second one (attempt 2's) is the duplicate, ~116 ms after the invariant.
 *   It concerns the retried request (both attempts are one request group: they share the
 *   correlation id).
 * - No conflict: every witness of role.is_default says true for r1 and r2.
 * Other orgs: each has exactly one default role; custom roles are is_default=false.
 */
import { Evidence, HarLog, LineLog, logfmt, pgTime } from './evidence-files';
import { exchange, gatewayLine, uuid, within, type Exchange } from './exchange';
import { finding, type StoryContext } from './story-context';
import type { StoryExpectation } from './types';

export const STORY_1_FILES = {
  har: 'admin-console-roles.har',
  api: 'roles-api.jsonl',
  db: 'roles-db-audit.log',
} as const;

export const STORY_1_SKEWS = { api: 4000, db: -2500 } as const;

type Stmt = { cls: 'READ' | 'WRITE' | 'MISC'; cmd: string; table: string; fields?: Array<[string, unknown]>; sql: string };

export function generateStory1(ctx: StoryContext): StoryExpectation {
  const { rng, t0, gateway } = ctx;
  const ev: Evidence = ctx.evidence;
  const host = 'admin.shopwave.example';
  const api = new LineLog(STORY_1_FILES.api, 1, 'jsonl', STORY_1_SKEWS.api);
  const db = new LineLog(STORY_1_FILES.db, 1, 'text', STORY_1_SKEWS.db);
  const har = new HarLog(STORY_1_FILES.har, 1, 0, { title: 'Acme Robotics · Roles — Shopwave Admin', startTrue: t0 - 53_000 });
  const podName = `roles-api-6d8f7c9b5-${rng.token(5)}`;
  let stmtNo = 100 + rng.int(0, 50);

  const log = (t: number, level: number, fields: Record<string, unknown>, mark?: string): void =>
    api.add(t, (h) => JSON.stringify({ level, time: h, pid: 1, hostname: podName, service: 'roles-api', ...fields }), mark);

  const pid = (): number => rng.int(41000, 49999);
  const sql = (t: number, requestId: string | null, s: Stmt, mark?: string): void => {
    stmtNo++;
    const n = stmtNo;
    const p = pid();
    db.add(
      t,
      (h) =>
        `${pgTime(h)} [${p}] roles_api@iam LOG:  AUDIT: SESSION,${n},1,${s.cls},${s.cmd},TABLE,public.${s.table} ` +
        logfmt([['request_id', requestId ?? undefined], ...(s.fields ?? []), ['stmt', s.sql]]),
      mark,
    );
  };

  /** roles-api's work for one request: statements spread inside it, then the completion line. */
  const serve = (
    ex: Exchange,
    r: { method: string; path: string; requestId: string; correlationId?: string; orgId?: string; status: number; msg?: string; stmts: Stmt[] },
  ): void => {
    const ids: Record<string, unknown> = { request_id: r.requestId };
    if (r.correlationId) ids.correlation_id = r.correlationId;
    if (r.orgId) ids.org_id = r.orgId;
    if (r.msg) log(ex.server.start + 1, 30, { ...ids, msg: r.msg });
    const times = r.stmts.map(() => within(rng, ex.server, 2)).sort((a, b) => a - b);
    r.stmts.forEach((s, i) => sql(times[i] as number, r.requestId, s));
    log(ex.server.end, r.status >= 500 ? 50 : 30, {
      ...ids,
      msg: 'request completed',
      method: r.method,
      url: r.path,
      statusCode: r.status,
      responseTime: ex.server.end - ex.server.start,
    });
  };

  const selectRoles = (orgId: string): Stmt => ({
    cls: 'READ',
    cmd: 'SELECT',
    table: 'roles',
    fields: [['org_id', orgId]],
    sql: 'SELECT id, name, is_default FROM roles WHERE org_id = $1',
  });

  /** A browser request from the admin console: HAR entry + gateway line + roles-api work. */
  const adminCall = (
    start: number,
    r: {
      method: string;
      path: string;
      status: number;
      body?: unknown;
      requestBody?: unknown;
      serverMs: number;
      stmts: Stmt[];
      orgId?: string;
      msg?: string;
    },
    mark?: string,
  ): Exchange => {
    const ex = exchange(rng, start, r.serverMs);
    const requestId = uuid(rng);
    har.add(
      {
        start: ex.client.start,
        end: ex.client.end,
        method: r.method,
        url: `https://${host}${r.path}`,
        headers: [
          ['accept', 'application/json'],
          ['x-request-id', requestId],
        ],
        requestBody: r.requestBody,
        status: r.status,
        statusText: r.status === 201 ? 'Created' : 'OK',
        responseBody: r.body,
      },
      mark,
    );
    gatewayLine(gateway, rng, ex.gateway, { method: r.method, path: r.path, requestId, code: r.status, upstream: 'roles-api' });
    serve(ex, { method: r.method, path: r.path, requestId, orgId: r.orgId, status: r.status, msg: r.msg, stmts: r.stmts });
    return ex;
  };

  // ---- the admin's session -------------------------------------------------------------------
  const orgId = `org_${rng.token(8)}`;
  const r1 = `rol_${rng.token(10)}`;
  const r2 = `rol_${rng.token(10)}`;
  const correlationId = uuid(rng);
  const adminUser = `usr_${rng.token(8)}`;

  adminCall(t0 - 52_000, {
    method: 'GET',
    path: '/api/me',
    status: 200,
    body: { user_id: adminUser, email: 'dana.ops@shopwave.example', staff: true },
    serverMs: rng.int(6, 14),
    stmts: [{ cls: 'READ', cmd: 'SELECT', table: 'users', sql: 'SELECT * FROM users WHERE id = $1' }],
  });
  adminCall(t0 - 50_000, {
    method: 'POST',
    path: '/api/orgs',
    status: 201,
    requestBody: { name: 'Acme Robotics' },
    body: { org_id: orgId, name: 'Acme Robotics', plan: 'growth' },
    serverMs: rng.int(35, 60),
    orgId,
    msg: 'org created',
    stmts: [
      { cls: 'MISC', cmd: 'BEGIN', table: 'orgs', sql: 'BEGIN' },
      { cls: 'WRITE', cmd: 'INSERT', table: 'orgs', fields: [['org_id', orgId]], sql: 'INSERT INTO orgs (id, name, plan) VALUES ($1, $2, $3)' },
      { cls: 'WRITE', cmd: 'INSERT', table: 'org_members', fields: [['org_id', orgId]], sql: 'INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3)' },
      { cls: 'MISC', cmd: 'COMMIT', table: 'orgs', sql: 'COMMIT' },
    ],
  });
  adminCall(t0 - 49_200, {
    method: 'GET',
    path: `/api/orgs/${orgId}`,
    status: 200,
    body: { org_id: orgId, name: 'Acme Robotics', plan: 'growth', members: 1 },
    serverMs: rng.int(8, 18),
    orgId,
    stmts: [{ cls: 'READ', cmd: 'SELECT', table: 'orgs', fields: [['org_id', orgId]], sql: 'SELECT * FROM orgs WHERE id = $1' }],
  });
  adminCall(t0 - 48_600, {
    method: 'GET',
    path: `/api/orgs/${orgId}/roles`,
    status: 200,
    body: { org_id: orgId, roles: [] },
    serverMs: rng.int(8, 18),
    orgId,
    stmts: [selectRoles(orgId)],
  });
  adminCall(t0 - 47_900, {
    method: 'GET',
    path: `/api/orgs/${orgId}/members`,
    status: 200,
    body: { org_id: orgId, members: [{ user_id: adminUser, email: 'dana.ops@shopwave.example' }] },
    serverMs: rng.int(8, 20),
    orgId,
    stmts: [{ cls: 'READ', cmd: 'SELECT', table: 'org_members', fields: [['org_id', orgId]], sql: 'SELECT * FROM org_members WHERE org_id = $1' }],
  });
  adminCall(t0 - 21_000, {
    method: 'POST',
    path: `/api/orgs/${orgId}/invites`,
    status: 201,
    requestBody: { email: 'lee@acme-robotics.example' },
    body: { invite_id: `inv_${rng.token(8)}`, org_id: orgId, email: 'lee@acme-robotics.example' },
    serverMs: rng.int(30, 55),
    orgId,
    msg: 'invite created',
    stmts: [{ cls: 'WRITE', cmd: 'INSERT', table: 'invites', fields: [['org_id', orgId]], sql: 'INSERT INTO invites (org_id, email) VALUES ($1, $2)' }],
  });

  // ---- attempt 1: inserts r1, then hangs on the audit webhook; the gateway answers 504 --------
  const path = `/api/orgs/${orgId}/roles/default`;
  const req1 = uuid(rng);
  const req2 = uuid(rng);
  const insertRole = (roleId: string): Stmt => ({
    cls: 'WRITE',
    cmd: 'INSERT',
    table: 'roles',
    fields: [
      ['role_id', roleId],
      ['org_id', orgId],
      ['name', 'Member'],
      ['is_default', true],
    ],
    sql: 'INSERT INTO roles (id, org_id, name, is_default) VALUES ($1, $2, $3, $4)',
  });
  const permissionStmt: Stmt = {
    cls: 'WRITE',
    cmd: 'INSERT',
    table: 'role_permissions',
    sql: 'INSERT INTO role_permissions (role_id, permission) VALUES ($1, $2)',
  };

  /** One attempt of "ensure default role": stale replica read, INSERT, permissions, webhook, COMMIT. */
  const attempt = (
    s: number,
    requestId: string,
    roleId: string,
    webhookMs: number,
    replicaLagMs: number,
    marks: { insert: string; effect: string },
  ): { insertAt: number; effectAt: number; end: number } => {
    const ids = { request_id: requestId, correlation_id: correlationId, org_id: orgId };
    log(s + 1, 30, { ...ids, msg: 'ensuring default role' });
    log(s + 4, 30, { ...ids, msg: 'default role lookup', read_from: 'replica', found: false, replica_lag_ms: replicaLagMs });
    sql(s + 9, requestId, { cls: 'MISC', cmd: 'BEGIN', table: 'roles', sql: 'BEGIN' });
    const insertAt = s + 14;
    sql(insertAt, requestId, insertRole(roleId), marks.insert);
    for (let i = 0; i < 8; i++) sql(s + 22 + i * 9, requestId, permissionStmt);
    const effectAt = s + 130;
    log(
      effectAt,
      30,
      { ...ids, msg: 'role inserted', op: 'INSERT', table: 'roles', role_id: roleId, name: 'Member', is_default: true, permissions: 8 },
      marks.effect,
    );
    log(s + 132, 30, { ...ids, msg: 'calling audit webhook', target: 'https://hooks.acme-robotics.example/audit' });
    const webhookDone = s + 132 + webhookMs;
    log(webhookDone, webhookMs > 1000 ? 40 : 30, { ...ids, msg: 'audit webhook responded', webhook_ms: webhookMs });
    sql(webhookDone + 3, requestId, { cls: 'MISC', cmd: 'COMMIT', table: 'roles', sql: 'COMMIT' });
    return { insertAt, effectAt, end: webhookDone + 12 };
  };

  // Attempt 1 (client start t0). The gateway's upstream timeout is 3000 ms.
  const c1 = t0;
  const g1 = c1 + rng.int(3, 7);
  const s1 = g1 + 2;
  const a1 = attempt(s1, req1, r1, 2_930, rng.int(30, 60), { insert: 'insert-r1', effect: 'effect-r1' });
  const gw1End = g1 + 3_000;
  const c1End = gw1End + rng.int(3, 7);
  log(a1.end, 30, {
    request_id: req1,
    correlation_id: correlationId,
    org_id: orgId,
    msg: 'request completed',
    method: 'POST',
    url: path,
    statusCode: 201,
    responseTime: a1.end - s1,
  });
  har.add(
    {
      start: c1,
      end: c1End,
      method: 'POST',
      url: `https://${host}${path}`,
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
        ['x-request-id', req1],
        ['x-correlation-id', correlationId],
      ],
      requestBody: { name: 'Member' },
      status: 504,
      statusText: 'Gateway Timeout',
      responseBody: { error: 'upstream_timeout', message: 'roles-api did not answer within 3000 ms' },
    },
    'attempt-1',
  );
  gatewayLine(gateway, rng, { start: g1, end: gw1End }, { method: 'POST', path, requestId: req1, code: 504, upstream: 'roles-api' });

  // Attempt 2: the admin console retries after 800 ms with the same correlation id.
  const c2 = c1End + 800;
  const ex2 = exchange(rng, c2, 0);
  const s2 = ex2.server.start;
  const a2 = attempt(s2, req2, r2, rng.int(110, 140), 2_600 + rng.int(0, 40), { insert: 'insert-r2', effect: 'effect-r2' });
  const srv2End = a2.end;
  const gw2End = srv2End + 2;
  const c2End = gw2End + rng.int(3, 7);
  log(srv2End, 30, {
    request_id: req2,
    correlation_id: correlationId,
    org_id: orgId,
    msg: 'request completed',
    method: 'POST',
    url: path,
    statusCode: 201,
    responseTime: srv2End - s2,
  });
  har.add(
    {
      start: c2,
      end: c2End,
      method: 'POST',
      url: `https://${host}${path}`,
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
        ['x-request-id', req2],
        ['x-correlation-id', correlationId],
      ],
      requestBody: { name: 'Member' },
      status: 201,
      statusText: 'Created',
      // No is_default here on purpose: see the header comment.
      responseBody: { role_id: r2, org_id: orgId, name: 'Member' },
    },
    'attempt-2',
  );
  gatewayLine(gateway, rng, { start: ex2.gateway.start, end: gw2End }, { method: 'POST', path, requestId: req2, code: 201, upstream: 'roles-api' });

  // The admin looks at the roles page: two default roles.
  adminCall(c2End + 1_400, {
    method: 'GET',
    path: `/api/orgs/${orgId}/roles`,
    status: 200,
    body: {
      org_id: orgId,
      roles: [
        { role_id: r1, name: 'Member', is_default: true },
        { role_id: r2, name: 'Member', is_default: true },
      ],
    },
    serverMs: rng.int(8, 18),
    orgId,
    stmts: [selectRoles(orgId)],
  });
  adminCall(c2End + 7_800, {
    method: 'GET',
    path: `/api/orgs/${orgId}/audit-events`,
    status: 200,
    body: { org_id: orgId, count: 14 },
    serverMs: rng.int(10, 30),
    orgId,
    stmts: [{ cls: 'READ', cmd: 'SELECT', table: 'audit_events', fields: [['org_id', orgId]], sql: 'SELECT * FROM audit_events WHERE org_id = $1' }],
  });

  // ---- normal traffic: other orgs, other clients, housekeeping --------------------------------
  const otherOrgs = Array.from({ length: 6 }, () => `org_${rng.token(8)}`);
  for (let t = t0 - 60_000 + rng.int(0, 2_000); t < t0 + 60_000; t += rng.int(1_500, 4_000)) {
    const org = rng.pick(otherOrgs);
    const ex = exchange(rng, t, rng.int(6, 25));
    const requestId = uuid(rng);
    const p = `/api/orgs/${org}/roles`;
    gatewayLine(gateway, rng, ex.gateway, { method: 'GET', path: p, requestId, code: 200, upstream: 'roles-api', client: 'admin-sdk' });
    serve(ex, { method: 'GET', path: p, requestId, orgId: org, status: 200, stmts: [selectRoles(org)] });
  }
  // A custom (non-default) role and a normal, single-attempt default role for a new org.
  {
    const org = rng.pick(otherOrgs);
    const roleId = `rol_${rng.token(10)}`;
    const ex = exchange(rng, t0 - 33_000, rng.int(40, 70));
    const requestId = uuid(rng);
    const corr = uuid(rng);
    const p = `/api/orgs/${org}/roles`;
    gatewayLine(gateway, rng, ex.gateway, { method: 'POST', path: p, requestId, code: 201, upstream: 'roles-api', client: 'admin-sdk' });
    const ids = { request_id: requestId, correlation_id: corr, org_id: org };
    sql(ex.server.start + 5, requestId, {
      cls: 'WRITE',
      cmd: 'INSERT',
      table: 'roles',
      fields: [
        ['role_id', roleId],
        ['org_id', org],
        ['name', 'Billing'],
        ['is_default', false],
      ],
      sql: 'INSERT INTO roles (id, org_id, name, is_default) VALUES ($1, $2, $3, $4)',
    });
    log(ex.server.start + 20, 30, { ...ids, msg: 'role inserted', op: 'INSERT', table: 'roles', role_id: roleId, name: 'Billing', is_default: false, permissions: 3 });
    log(ex.server.end, 30, { ...ids, msg: 'request completed', method: 'POST', url: p, statusCode: 201, responseTime: ex.server.end - ex.server.start });
  }
  {
    const org = `org_${rng.token(8)}`;
    const roleId = `rol_${rng.token(10)}`;
    const ex = exchange(rng, t0 + 41_000, rng.int(60, 90));
    const requestId = uuid(rng);
    const corr = uuid(rng);
    const p = `/api/orgs/${org}/roles/default`;
    gatewayLine(gateway, rng, ex.gateway, { method: 'POST', path: p, requestId, code: 201, upstream: 'roles-api', client: 'onboarding-worker' });
    const ids = { request_id: requestId, correlation_id: corr, org_id: org };
    log(ex.server.start + 1, 30, { ...ids, msg: 'ensuring default role' });
    log(ex.server.start + 3, 30, { ...ids, msg: 'default role lookup', read_from: 'replica', found: false, replica_lag_ms: rng.int(20, 60) });
    sql(ex.server.start + 8, requestId, {
      cls: 'WRITE',
      cmd: 'INSERT',
      table: 'roles',
      fields: [
        ['role_id', roleId],
        ['org_id', org],
        ['name', 'Member'],
        ['is_default', true],
      ],
      sql: 'INSERT INTO roles (id, org_id, name, is_default) VALUES ($1, $2, $3, $4)',
    });
    log(ex.server.start + 40, 30, { ...ids, msg: 'role inserted', op: 'INSERT', table: 'roles', role_id: roleId, name: 'Member', is_default: true, permissions: 8 });
    log(ex.server.end, 30, { ...ids, msg: 'request completed', method: 'POST', url: p, statusCode: 201, responseTime: ex.server.end - ex.server.start });
  }
  for (let t = t0 - 58_000; t < t0 + 60_000; t += 15_000) {
    log(t + rng.int(0, 500), 30, { msg: 'db pool stats', pool: 'primary', active: rng.int(2, 9), idle: rng.int(3, 12), waiting: 0 });
    log(t + rng.int(600, 900), 30, { msg: 'db pool stats', pool: 'replica', active: rng.int(1, 5), idle: rng.int(5, 14), waiting: 0 });
  }
  log(t0 - 45_000, 30, { msg: 'jwks refreshed', keys: 3 });
  log(c1 + 1_900, 40, { msg: 'replica lag high', replica: 'iam-replica-1', lag_ms: 2_450 });
  db.add(t0 - 40_000, (h) => `${pgTime(h)} [27] LOG:  checkpoint starting: time`);
  db.add(t0 - 38_700, (h) => `${pgTime(h)} [27] LOG:  checkpoint complete: wrote 412 buffers (2.5%); write=1.203 s, sync=0.004 s, total=1.291 s`);
  db.add(t0 + 12_000, (h) => `${pgTime(h)} [53122] LOG:  automatic vacuum of table "iam.public.sessions": index scans: 1`);

  ev.add(har.build());
  ev.add(api.build());
  ev.add(db.build());
  ev.domain(STORY_1_FILES.har, STORY_1_FILES.har, 1, 0);
  ev.domain(STORY_1_FILES.api, 'roles-api', 1, STORY_1_SKEWS.api);
  ev.domain(STORY_1_FILES.db, STORY_1_FILES.db, 1, STORY_1_SKEWS.db);

  const invariant = finding({
    kind: 'invariant',
    entity: `role:${r2}`,
    field: 'is_default',
    requestIds: [req1, req2, correlationId],
    source: STORY_1_FILES.db,
    locator: ev.locate(STORY_1_FILES.db, 'insert-r2'),
    at: a2.insertAt,
    says: { role_id: r2, org_id: orgId, is_default: 'true' },
    why: `the second INSERT of a default role for ${orgId} (${r2}, the retry) while ${r1} is default: two default roles in one org`,
  });
  const duplicate = finding({
    kind: 'duplicate_effect',
    entity: null,
    field: null,
    requestIds: [req1, req2, correlationId],
    source: STORY_1_FILES.api,
    locator: ev.locate(STORY_1_FILES.api, 'effect-r2'),
    at: a2.effectAt,
    says: { op: 'INSERT', table: 'roles', correlation_id: correlationId, org_id: orgId, role_id: r2 },
    why: `"role inserted" again for correlation ${correlationId} and ${orgId}: the retry repeated the side effect of attempt 1`,
  });
  return {
    story: 1,
    title: 'A retry re-creates the default role from a stale read',
    files: [STORY_1_FILES.har, STORY_1_FILES.api, STORY_1_FILES.db],
    firstDivergence: invariant,
    alsoExpected: [duplicate],
    quietEntities: [],
  };
}
