import { StateMessage } from '@/components/ui/StateMessage';

/** Unknown, expired and revoked links look alike: nothing says which links exist. */
export default function ShareNotFound() {
  return <StateMessage title="Link not found">This link does not exist, has expired or was revoked. Ask whoever shared it for a new one.</StateMessage>;
}
