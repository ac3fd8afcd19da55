import type { Metadata } from 'next';
import { CreateIncidentForm } from '@/components/incidents/CreateIncidentForm';
import { DemoIncidentButton } from '@/components/incidents/DemoIncidentButton';
import { ImportBundleButton } from '@/components/incidents/ImportBundleButton';
import { IncidentList } from '@/components/incidents/IncidentList';
import { requirePageAccess } from '@/lib/server/access/page-access';
import { listIncidents } from '@/lib/server/queries/list-incidents';

export const metadata: Metadata = { title: 'Incidents' };
// The list is live data: never prerender it at build time or serve it from a cache.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  await requirePageAccess('/');
  const incidents = await listIncidents();
  return (
    <>
      <h1>Incidents</h1>
      <CreateIncidentForm />
      <div className="list-head">
        <h2>All incidents</h2>
        {/* On first run the empty state offers the demo prominently; afterwards it stays at hand. */}
        {incidents.length > 0 ? <DemoIncidentButton prominent={false} /> : null}
        <ImportBundleButton />
      </div>
      <IncidentList incidents={incidents} />
    </>
  );
}
