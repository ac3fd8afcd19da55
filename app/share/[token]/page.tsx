import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache, Suspense } from 'react';
import { ReadOnlyProvider } from '@/components/access/ReadOnlyContext';
import { PostmortemView } from '@/components/postmortem/PostmortemView';
import { SharedIncident, SharedNotice } from '@/components/share/SharedIncident';
import { StateMessage } from '@/components/ui/StateMessage';
import { SHARE_ID_PREFIX } from '@/lib/schemas/share';
import { findActiveShare } from '@/lib/server/access/share-links';
import { NotFoundError } from '@/lib/server/errors';
import { getIncident } from '@/lib/server/queries/get-incident';
import { listSources } from '@/lib/server/queries/list-sources';

export const dynamic = 'force-dynamic';

interface SharePageProps {
  params: Promise<{ token: string }>;
}

// cache(): generateMetadata and the page both resolve the link; one lookup per request. An
// unknown, revoked or expired link is the same 404 page (not-found.tsx).
const loadShare = cache(async (token: string) => {
  const link = await findActiveShare(token);
  if (!link) notFound();
  try {
    return { link, incident: await getIncident(link.incidentId) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: SharePageProps): Promise<Metadata> {
  const { incident } = await loadShare((await params).token);
  return {
    title: `${incident.name} (shared)`,
    // The token is in this page's URL: keep it out of search indexes and out of the Referer
    // sent to any site a link in the page leads to.
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

/**
 * A share link (`/share/{token}`), no sign-in needed: the incident read-only. The views call the
 * API as `/api/incidents/share~{token}/...`, where `handler` checks the link and its scope.
 */
export default async function SharePage({ params }: SharePageProps) {
  const { token } = await params;
  const { link, incident } = await loadShare(token);
  const apiIncidentId = `${SHARE_ID_PREFIX}${token}`;
  const expiresAt = link.expiresAt?.toISOString() ?? null;
  if (link.scope === 'postmortem') {
    return (
      <ReadOnlyProvider readOnly>
        <h1>{incident.name}</h1>
        <SharedNotice expiresAt={expiresAt} />
        <PostmortemView incidentId={apiIncidentId} readOnly />
      </ReadOnlyProvider>
    );
  }
  const sources = await listSources(link.incidentId);
  return (
    <ReadOnlyProvider readOnly>
      {/* The views read their state from the URL (useSearchParams): Suspense bounds that read. */}
      <Suspense fallback={<StateMessage title="Loading incident…" />}>
        <SharedIncident incident={incident} apiIncidentId={apiIncidentId} initialSources={sources} expiresAt={expiresAt} />
      </Suspense>
    </ReadOnlyProvider>
  );
}
