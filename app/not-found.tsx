import Link from 'next/link';
import { StateMessage } from '@/components/ui/StateMessage';

export default function NotFound() {
  return (
    <StateMessage title="Page not found" action={<Link href="/">Back to all incidents</Link>}>
      Nothing lives at this address.
    </StateMessage>
  );
}
