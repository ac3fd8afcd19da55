/**
 * An incident as a bundle (lib/schemas/bundle.ts), streamed: the JSON around the sources is
 * small and built in memory; each source's stored bytes are read from the blob store and
 * base64-encoded chunk by chunk into the response, so a large incident is never held whole.
 *
 * Sources go in position order, each with the bytes exactly as stored (so redacted sources
 * stay redacted); a source whose bytes are gone (an upload cut short) is left out, and events
 * that pointed into it with it.
 */
import type { Bundle, BundleEventRef, BundleTarget } from '@/lib/schemas/bundle';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '@/lib/schemas/bundle';
import { blobSize, openBlob } from '../blob-store';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { targetOf } from '../annotations/to-annotation-dto';

type SourceMeta = Omit<Bundle['sources'][number], 'bytes'> & { id: string };

export interface BundleStream {
  name: string;
  body: ReadableStream<Uint8Array>;
}

function parseCounts(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** Base64 of a blob, emitted in pieces whose byte counts are multiples of 3 (no padding mid-stream). */
async function* base64Of(sourceId: string): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const chunk of openBlob(sourceId)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const whole = bytes.length - (bytes.length % 3);
    if (whole > 0) yield bytes.subarray(0, whole).toString('base64');
    carry = Buffer.from(bytes.subarray(whole));
  }
  if (carry.length > 0) yield carry.toString('base64');
}

export async function exportBundle(incidentId: string, exportedAt: Date): Promise<BundleStream> {
  const { prisma } = await getDb();
  const incident = await prisma.incident.findUnique({
    where: { id: incidentId },
    include: {
      sources: { orderBy: { position: 'asc' } },
      annotations: { orderBy: { createdAt: 'asc' }, include: { revisions: { orderBy: { id: 'asc' } } } },
      postmortem: true,
      storyFindings: true,
    },
  });
  if (!incident) throw new NotFoundError('incident', incidentId);

  const sources: SourceMeta[] = [];
  // Source position (what an event row names it by) -> its index in the bundle.
  const sourceIndex = new Map<number, number>();
  for (const s of incident.sources) {
    if (s.status === 'uploading' || (await blobSize(s.id)) === null) continue;
    sources.push({ id: s.id, name: s.name, sha256: s.sha256, redacted: s.redacted, redactions: parseCounts(s.redactions) });
    sourceIndex.set(s.position, sources.length - 1);
  }

  // Event ids -> (source index, seq), for annotation targets and story findings.
  const ids = [...incident.annotations.flatMap((a) => (a.eventId !== null ? [a.eventId] : [])), ...incident.storyFindings.map((s) => s.eventId)];
  const rows = await prisma.event.findMany({ where: { id: { in: ids }, incidentNumber: incident.number }, select: { id: true, position: true, seq: true } });
  const refs = new Map<number, BundleEventRef>();
  for (const row of rows) {
    const source = sourceIndex.get(row.position);
    if (source !== undefined) refs.set(row.id, { source, seq: row.seq });
  }

  const annotations: Bundle['annotations'] = incident.annotations.flatMap((a) => {
    const target = targetOf(a);
    let portable: BundleTarget;
    if (target.type === 'event') {
      const event = refs.get(target.eventId);
      if (!event) return [];
      portable = { type: 'event', event };
    } else portable = target;
    return [
      {
        kind: a.kind as Bundle['annotations'][number]['kind'],
        target: portable,
        body: a.body,
        author: a.author,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        deletedAt: a.deletedAt?.toISOString() ?? null,
        revisions: a.revisions.map((r) => ({ action: r.action, kind: r.kind as Bundle['annotations'][number]['kind'], body: r.body, editor: r.editor, createdAt: r.createdAt.toISOString() })),
      },
    ];
  });
  const story = incident.storyFindings.flatMap((s) => {
    const event = refs.get(s.eventId);
    return event ? [{ kind: s.kind, event, addedBy: s.addedBy }] : [];
  });
  const pm = incident.postmortem;

  const head = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: exportedAt.toISOString(), incident: { name: incident.name }, profile: incident.profile };
  const tail = { annotations, postmortem: pm ? { title: pm.title, summary: pm.summary, impact: pm.impact, updatedBy: pm.updatedBy } : null, story };

  async function* pieces(): AsyncGenerator<string> {
    yield `${JSON.stringify(head).slice(0, -1)},"sources":[`;
    for (const [i, s] of sources.entries()) {
      const { id, ...meta } = s;
      yield `${i > 0 ? ',' : ''}${JSON.stringify(meta).slice(0, -1)},"bytes":"`;
      yield* base64Of(id);
      yield '"}';
    }
    yield `],${JSON.stringify(tail).slice(1)}`;
  }
  const encoder = new TextEncoder();
  const iterator = pieces();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return { name: incident.name, body };
}
