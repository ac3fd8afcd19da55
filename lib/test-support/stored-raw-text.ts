/**
 * An event's raw text as the API serves it: the stored copy, or the bytes it points to in its
 * source's text (lib/server/source-text.ts). Tests compare raw texts through this.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { withRawTexts } from '@/lib/server/source-text';

export async function storedRawText(prisma: PrismaClient, eventId: number): Promise<string> {
  const row = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { incidentNumber: true, position: true, raw: true, rawOffset: true, rawLength: true } });
  const incident = await prisma.incident.findUniqueOrThrow({ where: { number: row.incidentNumber }, select: { id: true } });
  const source = await prisma.source.findUniqueOrThrow({ where: { incidentId_position: { incidentId: incident.id, position: row.position } }, select: { id: true } });
  const [withText] = withRawTexts([{ ...row, sourceId: source.id }]);
  return (withText as { raw: string }).raw;
}
