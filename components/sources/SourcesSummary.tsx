import type { Source } from '../api/api-schemas';
import { countOf, formatCount } from '../ui/format';
import { isSourceBusy } from './useSources';

/** The sources in one line beside their heading: how much evidence, and whether any of it is in trouble. */
export function SourcesSummary({ sources }: { sources: readonly Source[] }) {
  const events = sources.reduce((sum, s) => sum + s.events, 0);
  const unparsed = sources.reduce((sum, s) => sum + s.unparsed, 0);
  const failed = sources.filter((s) => s.status === 'failed').length;
  const busy = sources.filter(isSourceBusy).length;
  return (
    <p className="section-head__meta">
      {countOf(sources.length, 'source')} · {countOf(events, 'event')}
      {unparsed > 0 ? <span className="section-head__warn"> · {formatCount(unparsed)} unparsed</span> : null}
      {failed > 0 ? <span className="error-text"> · {formatCount(failed)} failed</span> : null}
      {busy > 0 ? <span> · {formatCount(busy)} in progress</span> : null}
    </p>
  );
}
