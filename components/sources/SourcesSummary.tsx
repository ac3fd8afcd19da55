'use client';

import type { Source } from '../api/api-schemas';
import { countOf, formatCount } from '../ui/format';
import { sourceToggleId } from './SourceTableRow';
import { isSourceBusy } from './useSources';

/** The sources in one line beside their heading: how much evidence, and whether any of it is in trouble. */
export function SourcesSummary({ sources }: { sources: readonly Source[] }) {
  const events = sources.reduce((sum, s) => sum + s.events, 0);
  const unparsed = sources.reduce((sum, s) => sum + s.unparsed, 0);
  const failed = sources.filter((s) => s.status === 'failed');
  const busy = sources.filter(isSourceBusy).length;
  return (
    <p className="section-head__meta">
      {countOf(sources.length, 'source')} · {countOf(events, 'event')}
      {unparsed > 0 ? <span className="section-head__warn"> · {formatCount(unparsed)} unparsed</span> : null}
      {failed.length > 0 ? (
        <>
          {' · '}
          <button
            type="button"
            className="button button--link error-text"
            title="Show the first failed source: its row may be scrolled out of the capped list"
            onClick={() => {
              const toggle = document.getElementById(sourceToggleId(failed[0]?.id ?? ''));
              toggle?.scrollIntoView({ block: 'nearest' });
              toggle?.focus({ preventScroll: true });
            }}
          >
            {formatCount(failed.length)} failed
          </button>
        </>
      ) : null}
      {busy > 0 ? <span> · {formatCount(busy)} in progress</span> : null}
    </p>
  );
}
