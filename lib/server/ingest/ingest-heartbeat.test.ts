import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { HEARTBEAT_MS, STALE_AFTER_MS, startHeartbeat } from './ingest-heartbeat';

/** A stand-in for the one call the heartbeat makes, recording what it was asked. */
function recordingPrisma() {
  const calls: Array<{ where: unknown; data: { updatedAt: Date } }> = [];
  const prisma = {
    source: {
      updateMany: (args: { where: unknown; data: { updatedAt: Date } }) => {
        calls.push(args);
        return Promise.resolve({ count: 1 });
      },
    },
  } as unknown as PrismaClient;
  return { prisma, calls };
}

afterEach(() => vi.useRealTimers());

describe('startHeartbeat', () => {
  it('touches the in-flight source every interval until stopped', () => {
    vi.useFakeTimers();
    const { prisma, calls } = recordingPrisma();
    const stop = startHeartbeat(prisma, 'src1');
    vi.advanceTimersByTime(HEARTBEAT_MS * 3 + 1);
    expect(calls).toHaveLength(3);
    expect(calls[0]!.where).toEqual({ id: 'src1', status: { in: ['uploading', 'parsing'] } });
    expect(calls[0]!.data.updatedAt).toBeInstanceOf(Date);
    stop();
    vi.advanceTimersByTime(HEARTBEAT_MS * 5);
    expect(calls).toHaveLength(3);
  });

  it('declares a source stale only after several missed beats', () => {
    expect(STALE_AFTER_MS).toBeGreaterThanOrEqual(3 * HEARTBEAT_MS);
  });
});
