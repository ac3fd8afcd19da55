import { postmortemMarkdown } from '@/lib/domain/postmortem/postmortem-markdown';
import { incidentParamsSchema } from '@/lib/schemas/ids';
import { attachment } from '@/lib/server/http/content-disposition';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getPostmortemDocument } from '@/lib/server/postmortem/postmortem-document';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The postmortem as Markdown (a wiki page, a ticket); `?download=1` saves it as a file. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const doc = await getPostmortemDocument(id, new Date());
  const headers: Record<string, string> = { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'private, no-store' };
  if (new URL(request.url).searchParams.get('download') === '1') {
    headers['Content-Disposition'] = attachment(`${doc.incident.name.replace(/[^\w.-]+/g, '-') || 'incident'}-postmortem.md`);
  }
  return new Response(postmortemMarkdown(doc), { headers });
});
