import { StateMessage } from '@/components/ui/StateMessage';

export default function Loading() {
  return <StateMessage title="Loading incident…" />;
}
