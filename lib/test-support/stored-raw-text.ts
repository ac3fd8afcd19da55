/**
 * An event's raw text as the API serves it: the stored copy, or the bytes it points to in its
 * source's text (lib/server/source-text.ts). Tests compare raw texts through this.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { withRawTexts } from '@/lib/server/source-text';

export async function storedRawText(prisma: PrismaClient, eventId: number): Promise<string> {
  const row = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { sourceId: true, raw: true, rawOffset: true, rawLength: true } });
  const [withText] = withRawTexts([row]);
  return (withText as { raw: string }).raw;
}
