/**
 * A bundle (lib/schemas/bundle.ts) -> a new incident: the sources re-ingested from their bytes
 * through the one ingest pipeline (so the events are exactly what those bytes give), the profile
 * and its manual offsets, then the annotations with their whole history, the postmortem and the
 * story, with each event reference resolved to the new event by (source, seq).
 *
 * The bytes are ingested as they are, without redacting them again: they were redacted (or
 * deliberately not) where they were uploaded, and the bundle's counts say so. An annotation or a
 * story finding whose event did not come back (its source failed to ingest here) is kept if it
 * can be (state and range targets) and otherwise reported in `dropped`, never silently lost.
 */
import { Readable } from 'node:stream';
import type { AnnotationTarget } from '@/lib/schemas/annotation';
import type { Bundle, BundleEventRef } from '@/lib/schemas/bundle';
import type { IncidentDto } from '@/lib/schemas/incident';
import { profileSchema } from '@/lib/schemas/profile';
import { targetColumns } from '../annotations/to-annotation-dto';
import { getDb } from '../db/client';
import { UnprocessableEvidenceError } from '../errors';
import { newId } from '../ids';
import { ingestUpload } from '../ingest/ingest-upload';
import { createIncident } from '../queries/create-incident';
import { getIncident } from '../queries/get-incident';
import { eventOwner } from '../db/event-owner';

export interface ImportResult {
  incident: IncidentDto;
  /** Sources that could not be ingested here, with why. */
  failedSources: Array<{ name: string; error: string }>;
  /** Annotations and story findings whose event is missing here. */
  dropped: { annotations: number; story: number };
}

function checkProfile(text: string | null): void {
  if (text === null) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnprocessableEvidenceError('bundle: the profile is not valid JSON');
  }
  if (!profileSchema.safeParse(parsed).success) throw new UnprocessableEvidenceError('bundle: the profile is not a valid analysis profile for this version of Witness');
}

export async function importBundle(bundle: Bundle): Promise<ImportResult> {
  checkProfile(bundle.profile);
  const { prisma } = await getDb();
  const created = await createIncident({ name: bundle.incident.name });
  const incidentId = created.id;
  await prisma.incident.update({ where: { id: incidentId }, data: { profile: bundle.profile } });

  const sourceIds: string[] = [];
  const failedSources: ImportResult['failedSources'] = [];
  for (const s of bundle.sources) {
    const bytes = Buffer.from(s.bytes, 'base64');
    const result = await ingestUpload({ incidentId, name: s.name, body: Readable.from([bytes]), redact: false });
    sourceIds.push(result.source.id);
    if (!result.ok) failedSources.push({ name: s.name, error: result.error.message });
    await prisma.source.update({ where: { id: result.source.id }, data: { redacted: s.redacted, redactions: JSON.stringify(s.redactions) } });
  }

  async function eventIdOf(ref: BundleEventRef): Promise<number | null> {
    const sourceId = sourceIds[ref.source];
    const owner = sourceId === undefined ? null : await eventOwner(prisma, sourceId);
    if (owner === null) return null;
    const row = await prisma.event.findFirst({ where: { ...owner, seq: ref.seq }, select: { id: true } });
    return row?.id ?? null;
  }

  const dropped = { annotations: 0, story: 0 };
  for (const a of bundle.annotations) {
    let target: AnnotationTarget;
    if (a.target.type === 'event') {
      const eventId = await eventIdOf(a.target.event);
      if (eventId === null) {
        dropped.annotations++;
        continue;
      }
      target = { type: 'event', eventId };
    } else target = a.target;
    await prisma.annotation.create({
      data: {
        id: newId(),
        incidentId,
        kind: a.kind,
        ...targetColumns(target),
        body: a.body,
        author: a.author,
        createdAt: new Date(a.createdAt),
        updatedAt: new Date(a.updatedAt),
        deletedAt: a.deletedAt === null ? null : new Date(a.deletedAt),
        revisions: { create: a.revisions.map((r) => ({ action: r.action, kind: r.kind, body: r.body, editor: r.editor, createdAt: new Date(r.createdAt) })) },
      },
    });
  }

  if (bundle.postmortem) await prisma.postmortem.create({ data: { incidentId, ...bundle.postmortem } });
  for (const s of bundle.story) {
    const eventId = await eventIdOf(s.event);
    if (eventId === null) dropped.story++;
    else await prisma.storyFinding.create({ data: { incidentId, kind: s.kind, eventId, addedBy: s.addedBy } });
  }
  return { incident: await getIncident(incidentId), failedSources, dropped };
}
