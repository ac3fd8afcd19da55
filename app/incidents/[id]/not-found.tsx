import Link from 'next/link';
import { StateMessage } from '@/components/ui/StateMessage';

export default function IncidentNotFound() {
  return (
    <StateMessage title="Incident not found" action={<Link href="/">Back to all incidents</Link>}>
      It may have been deleted, or the link is incomplete.
    </StateMessage>
  );
}
