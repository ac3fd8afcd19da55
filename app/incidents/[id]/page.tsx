import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache, Suspense } from 'react';
import { IncidentWorkspace } from '@/components/incident/IncidentWorkspace';
import { StateMessage } from '@/components/ui/StateMessage';
import { idSchema } from '@/lib/schemas/ids';
import { NotFoundError } from '@/lib/server/errors';
import { getIncident } from '@/lib/server/queries/get-incident';
import { listSources } from '@/lib/server/queries/list-sources';

interface IncidentPageProps {
  params: Promise<{ id: string }>;
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
  return { title: (await loadIncident(params)).name };
}

export default async function IncidentPage({ params }: IncidentPageProps) {
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
