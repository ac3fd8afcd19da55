import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache, Suspense } from 'react';
import { IncidentWorkspace } from '@/components/incident/IncidentWorkspace';
import { StateMessage } from '@/components/ui/StateMessage';
import { idSchema } from '@/lib/schemas/ids';
import { pagePath } from '@/lib/server/access/next-path';
import { pageAccess, requirePageAccess } from '@/lib/server/access/page-access';
import { NotFoundError } from '@/lib/server/errors';
import { getIncident } from '@/lib/server/queries/get-incident';
import { listSources } from '@/lib/server/queries/list-sources';

interface IncidentPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// cache(): generateMetadata and the page both need the incident; one query per request.
const loadIncident = cache(async (params: IncidentPageProps['params']) => {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  try {
    return await getIncident(parsed.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: IncidentPageProps): Promise<Metadata> {
  // Not even the incident's name in the title before sign-in; the page itself redirects.
  const access = await pageAccess();
  if (access.configured && !access.session) return { title: 'Sign in' };
  return { title: (await loadIncident(params)).name };
}

export default async function IncidentPage({ params, searchParams }: IncidentPageProps) {
  // Back to this very view (its query holds the view state) after signing in.
  await requirePageAccess(pagePath(`/incidents/${encodeURIComponent((await params).id)}`, await searchParams));
  const incident = await loadIncident(params);
  // Rendered with the page so the sources table has its final height on first paint (no jump).
  const sources = await listSources(incident.id);
  return (
    // The events view reads its filters from the URL (useSearchParams): Suspense bounds that read.
    <Suspense fallback={<StateMessage title="Loading incident…" />}>
      <IncidentWorkspace incident={incident} initialSources={sources} />
    </Suspense>
  );
}
