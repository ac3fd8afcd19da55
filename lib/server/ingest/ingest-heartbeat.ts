/**
 * While a process ingests a source it touches the source's `updatedAt` every HEARTBEAT_MS, so
 * any instance can tell an ingest in progress (recent heartbeat) from one whose process died
 * (stale heartbeat): recover-interrupted.ts fails only the stale ones. Several instances can
 * then share one database without one's start failing another's uploads.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const HEARTBEAT_MS = 10_000;
/** An in-flight source silent this long lost its process: several missed beats, never a slow one. */
export const STALE_AFTER_MS = 6 * HEARTBEAT_MS;

/** Starts beating for `sourceId`; the returned function stops it. A failed beat is retried on the next tick. */
export function startHeartbeat(prisma: PrismaClient, sourceId: string, intervalMs: number = HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    prisma.source.updateMany({ where: { id: sourceId, status: { in: ['uploading', 'parsing'] } }, data: { updatedAt: new Date() } }).catch(() => undefined);
  }, intervalMs);
  // A beat must never keep a process (a CLI run, a test) alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
