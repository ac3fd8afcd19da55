import type { Incident } from '../api/api-schemas';
import { StateMessage } from '../ui/StateMessage';
import { DemoIncidentButton } from './DemoIncidentButton';
import { IncidentTable } from './IncidentTable';

/** The incidents, or what to do when there are none yet: create one, or open the demo. */
export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) {
    return (
      <StateMessage title="No incidents yet" action={<DemoIncidentButton prominent />}>
        Create an incident, then drop log files, HARs and trace exports into it. Or open the demo incident: five stories of
        services that disagree, told by logs, HARs and traces on skewed clocks.
      </StateMessage>
    );
  }
  return <IncidentTable incidents={incidents} />;
}
