/**
 * `npm run bench:timeline`: frame times of the timeline while zooming and panning a large
 * incident in Chromium. Generates N JSON-lines records (scripts/bench-data.ts, 1,000,000 by
 * default: five services, one lane each), ingests them into a temporary SQLite database, starts
 * the built app on a free port against it, opens the incident's timeline, then wheel-zooms and
 * drag-pans for a few seconds while the page records every requestAnimationFrame. Prints
 * p50/p95/p99/max frame time, frames over budget and dropped frames against the 16.7 ms of
 * 60 fps, and the canvas draw cost alone.
 *
 * Target (../shared/guides/performance.md): 60 fps pan and zoom with 1M events.
 *
 * It runs the production build (`next start`), so build first (`npm run build`): next.config.js
 * has no separate output directory, and a build here would replace the one in `.next`. With
 * `--server URL` it uses a running server instead (a dev server is slower: React's development
 * build), and then `--database-url` / `--blob-dir` must name that server's database.
 *
 *   npm run bench:timeline [-- --events N] [-- --seconds S] [-- --keep]
 *   npm run bench:timeline -- --server http://localhost:3201 --database-url file:/tmp/x.db --blob-dir /tmp/x-blobs
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { toJsonLine, writeBenchFile } from './bench-data';
import { argValue } from './script-args';

// npm runs scripts from the package root.
const ROOT = process.cwd();
const FRAME_BUDGET_MS = 1000 / 60;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'generated' || entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Refuses to measure without a build; warns when the build is older than the sources (as scripts/start.mjs checks). */
function checkBuild(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) throw new Error('No production build in .next: run `npm run build` first (or pass --server URL).');
  const changed = Math.max(...['app', 'components', 'lib'].map((p) => newestMtime(path.join(ROOT, p))));
  if (statSync(buildId).mtimeMs < changed) console.error('bench:timeline: warning: the build in .next is older than the sources; `npm run build` to measure this code.');
}

async function ingest(file: string, dbUrl: string, blobDir: string): Promise<{ id: string; events: number; seconds: number }> {
  process.env.DATABASE_URL = dbUrl;
  process.env.BLOB_DIR = blobDir;
  const { createIncident } = await import('@/lib/server/queries/create-incident');
  const { ingestUpload } = await import('@/lib/server/ingest/ingest-upload');
  const { closeDb } = await import('@/lib/server/db/client');
  const incident = await createIncident({ name: 'bench timeline' });
  const started = performance.now();
  const result = await ingestUpload({ incidentId: incident.id, name: path.basename(file), body: createReadStream(file, { highWaterMark: 1 << 20 }) });
  if (!result.ok) throw new Error(`ingest failed: ${result.error.message}`);
  const seconds = (performance.now() - started) / 1000;
  await closeDb();
  return { id: incident.id, events: result.source.events, seconds };
}

async function startServer(dbUrl: string, blobDir: string): Promise<{ url: string; child: ChildProcess }> {
  checkBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, BLOB_DIR: blobDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/incidents`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('next start did not answer within 30 s');
}

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  over: number;
  dropped: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function frameStats(deltas: number[], overMs: number): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    over: deltas.filter((d) => d > overMs).length,
    // The vsyncs each frame interval missed.
    dropped: deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_BUDGET_MS) - 1), 0),
  };
}

/** Wheel-zooms in and out around moving points and drag-pans, for `seconds`, at about 60 input events a second (a wheel notch zooms about 1.13x). */
async function gestures(page: Page, seconds: number): Promise<void> {
  const box = (await page.locator('.timeline__plot').boundingBox())!;
  const y = box.y + Math.min(box.height / 2, 120);
  const end = Date.now() + seconds * 1000;
  let round = 0;
  while (Date.now() < end) {
    const x = box.x + box.width * (0.3 + 0.4 * ((round * 0.37) % 1));
    await page.mouse.move(x, y);
    // Zoom in, in wheel notches: 36x, or every other round about 1,300x (down to events drawn one by one).
    const notches = round % 2 === 0 ? 30 : 60;
    for (let i = 0; i < notches && Date.now() < end; i++) {
      await page.mouse.wheel(0, -60);
      await page.waitForTimeout(16);
    }
    // Drag-pan right then left.
    await page.mouse.down();
    for (let i = 1; i <= 30 && Date.now() < end; i++) {
      await page.mouse.move(x + i * 12, y);
      await page.waitForTimeout(16);
    }
    for (let i = 30; i >= -30 && Date.now() < end; i--) {
      await page.mouse.move(x + i * 12, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    // Zoom back out.
    for (let i = 0; i < notches && Date.now() < end; i++) {
      await page.mouse.wheel(0, 60);
      await page.waitForTimeout(16);
    }
    round++;
  }
}

async function measure(baseUrl: string, incidentId: string, seconds: number) {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript({ content: 'window.__witnessTimelineProbe = [];' });
    const slices: number[] = [];
    page.on('requestfinished', (req) => {
      if (/\/timeline\?/.test(req.url())) slices.push(req.timing().responseEnd);
    });
    const opened = performance.now();
    await page.goto(`${baseUrl}/incidents/${incidentId}?view=timeline`, { waitUntil: 'load', timeout: 180_000 });
    await page.locator('.timeline__plot[data-loading="false"]').waitFor({ timeout: 180_000 });
    const firstView = (performance.now() - opened) / 1000;
    const before = await page.locator('.timeline__plot').getAttribute('aria-label');
    // Scripts go to the page as text: tsx compiles functions with helpers (__name) the page lacks.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__recording = true;
      window.__witnessTimelineProbe.length = 0;
      let last = 0;
      const tick = (t) => {
        if (last) window.__frames.push(t - last);
        last = t;
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const slicesBefore = slices.length;
    await gestures(page, seconds);
    const { frames, draws } = (await page.evaluate(`(() => {
      window.__recording = false;
      return { frames: window.__frames, draws: [...window.__witnessTimelineProbe] };
    })()`)) as { frames: number[]; draws: number[] };
    await page.waitForTimeout(500);
    const after = await page.locator('.timeline__plot').getAttribute('aria-label');
    return { firstView, frames: frameStats(frames, FRAME_BUDGET_MS * 1.2), draws: frameStats(draws, FRAME_BUDGET_MS), slices: slices.length - slicesBefore, before, after };
  } finally {
    await browser.close();
  }
}

function ms(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : '-';
}

async function main(): Promise<void> {
  const events = Number(argValue('--events') ?? 1_000_000);
  const seconds = Number(argValue('--seconds') ?? 8);
  const server = argValue('--server');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-bench-timeline-'));
  const dbUrl = argValue('--database-url') ?? `file:${path.join(dir, 'bench.db')}`;
  const blobDir = argValue('--blob-dir') ?? path.join(dir, 'blobs');
  if (server && !argValue('--database-url')) throw new Error('--server needs --database-url (and --blob-dir): the database that server reads');
  let child: ChildProcess | null = null;
  try {
    console.error(`bench:timeline: ${events.toLocaleString('en-US')} records...`);
    const file = path.join(dir, 'bench.jsonl');
    await writeBenchFile(file, events, toJsonLine);
    const incident = await ingest(file, dbUrl, blobDir);
    console.error(`bench:timeline: ingested ${incident.events.toLocaleString('en-US')} events in ${incident.seconds.toFixed(1)} s`);
    let baseUrl = server;
    if (!baseUrl) {
      const started = await startServer(dbUrl, blobDir);
      child = started.child;
      baseUrl = started.url;
    }
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/incidents/${incident.id}/investigation`);
    if (!res.ok) throw new Error(`investigation: ${res.status} ${await res.text()}`);
    const analysisS = (performance.now() - t0) / 1000;
    console.error(`bench:timeline: investigation ready in ${analysisS.toFixed(1)} s; measuring ${seconds} s of zoom and pan...`);
    const r = await measure(baseUrl, incident.id, seconds);
    console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${server ? `server ${server}` : 'next start'}`);
    console.log(`incident: ${incident.events.toLocaleString('en-US')} events; investigation ${analysisS.toFixed(1)} s; timeline shown ${r.firstView.toFixed(1)} s after navigation`);
    console.log(`opened: ${r.before}`);
    console.log(`ended:  ${r.after}`);
    console.log('| measure | n | p50 ms | p95 ms | p99 ms | max ms | over budget | dropped frames |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, s] of [['frame interval', r.frames], ['canvas draw', r.draws]] as const) {
      console.log(`| ${name} | ${s.frames} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.over} | ${name === 'frame interval' ? s.dropped : '-'} |`);
    }
    console.log(`slices fetched while moving: ${r.slices}`);
    console.log('over budget: frame intervals > 20 ms (16.7 ms + vsync jitter), draws > 16.7 ms');
    console.log(`target: 60 fps (${FRAME_BUDGET_MS.toFixed(1)} ms a frame) while panning and zooming 1M events`);
  } finally {
    child?.kill();
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.error(`bench:timeline: kept ${dir}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
