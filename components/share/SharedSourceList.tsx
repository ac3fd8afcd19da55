import type { Source } from '../api/api-schemas';
import { formatCount, formatTimeRange } from '../ui/format';

/**
 * The sources tab of a shared investigation: what each file is and holds, without the
 * workspace's controls (download of the original bytes, clock Adjust, diagnostics fetched from
 * routes a link cannot reach).
 */
export function SharedSourceList({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return <p className="muted">No sources.</p>;
  return (
    <table className="data-table" aria-label="Sources">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Format</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Events
          </th>
          <th scope="col" className="num">
            Unparsed
          </th>
          <th scope="col">Time range</th>
          <th scope="col">Services</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id}>
            <td>{s.name}</td>
            <td>{s.format ?? '—'}</td>
            <td>{s.status}</td>
            <td className="num">{formatCount(s.events)}</td>
            <td className="num">{formatCount(s.unparsed)}</td>
            <td>{formatTimeRange(s.firstTs, s.lastTs)}</td>
            <td>{s.services.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
