import Link from 'next/link';
import type { Incident } from '../api/api-schemas';
import { formatCount, formatDateTime } from '../ui/format';

/** The incident list: newest first as the API returns them. Pure props in, JSX out. */
export function IncidentTable({ incidents }: { incidents: readonly Incident[] }) {
  return (
    <table className="data-table" aria-label="Incidents">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col" className="num">
            Sources
          </th>
          <th scope="col" className="num">
            Events
          </th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id}>
            <td>
              <Link href={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.name}</Link>
            </td>
            <td>
              <time dateTime={incident.createdAt}>{formatDateTime(incident.createdAt)}</time>
            </td>
            <td className="num">{formatCount(incident.sources)}</td>
            <td className="num">{formatCount(incident.events)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
