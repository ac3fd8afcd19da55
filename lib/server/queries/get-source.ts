/** getSource: one source with its first diagnostics (progress polling and the source panel). */
import type { SourceDto } from '@/lib/schemas/source';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { DIAGNOSTIC_SELECT, SOURCE_SELECT, toSourceDto } from './to-source-dto';

/** Enough to show what went wrong; the source's counts say how many there are in all. */
export const FIRST_DIAGNOSTICS = 50;

export async function getSource(id: string): Promise<SourceDto> {
  const { prisma } = await getDb();
  const row = await prisma.source.findUnique({ where: { id }, select: SOURCE_SELECT });
  if (!row) throw new NotFoundError('source', id);
  const diagnostics = await prisma.diagnostic.findMany({ where: { sourceId: id }, select: DIAGNOSTIC_SELECT, orderBy: { id: 'asc' }, take: FIRST_DIAGNOSTICS });
  return toSourceDto(row, diagnostics);
}
