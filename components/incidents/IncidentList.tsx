import type { Incident } from '../api/api-schemas';
import { StateMessage } from '../ui/StateMessage';
import { IncidentTable } from './IncidentTable';

/** The incidents, or what to do when there are none yet. */
export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) {
    return (
      <StateMessage title="No incidents yet">
        Create an incident, then drop log files, HARs and trace exports into it.
      </StateMessage>
    );
  }
  return <IncidentTable incidents={incidents} />;
}
