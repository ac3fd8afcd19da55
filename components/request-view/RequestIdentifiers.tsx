import { useId, useMemo } from 'react';
import type { RequestViewDto } from '@/lib/schemas/investigation';
import { countOf } from '../ui/format';
import { buildJoinChain } from './join-chain';

interface RequestIdentifiersProps {
  view: RequestViewDto;
  onSelectEvent: (eventId: number) => void;
}

/**
 * The identifiers of the request group and how each joined it, so a person can check the app's
 * reasoning (spec section 3): "trace 4bf9… joined via request req-42 on event #123 in
 * gateway.log". The joining event is a link: it selects that event below.
 */
export function RequestIdentifiers({ view, onSelectEvent }: RequestIdentifiersProps) {
  const headingId = useId();
  const chain = useMemo(() => buildJoinChain(view), [view]);
  return (
    <section className="rv-ids" aria-labelledby={headingId}>
      <h3 id={headingId} className="rv-subhead">
        How these events belong together
      </h3>
      <p className="rv-ids__intro muted">
        {chain.length === 1
          ? `One identifier: every event carries ${chain[0]!.identifier.short}.`
          : `${chain.length} identifiers: two identifiers in one event make one request, so each below joined through an event that carries it with one already in the group.`}
      </p>
      <ol className="rv-chain" aria-label={`Identifiers of request ${view.key}`}>
        {chain.map((step, i) => (
          <li key={step.identifier.value} className="rv-chain__step" data-identifier={step.identifier.value}>
            <span className="rv-chain__id">
              {step.identifier.kinds.map((kind) => (
                <span key={kind} className={`rv-id-kind rv-id-kind--${kind}`}>
                  {kind}
                </span>
              ))}
              <code className="rv-chain__value">{step.identifier.value}</code>
              <span className="muted rv-chain__count">{countOf(step.identifier.events, 'event')}</span>
            </span>
            <span className="rv-chain__how">
              {step.via && step.eventId !== null ? (
                <>
                  joined via{' '}
                  <span className="mono" title={step.via.value}>
                    {step.via.label}
                  </span>{' '}
                  on{' '}
                  <button type="button" className="button button--link mono" onClick={() => onSelectEvent(step.eventId!)}>
                    event #{step.eventId}
                  </button>{' '}
                  in <span className="mono">{step.source}</span>
                  {step.where ? <span className="muted"> ({step.where})</span> : null}
                </>
              ) : i === 0 ? (
                <span className="muted">the group’s key</span>
              ) : (
                <span className="muted">no join recorded</span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
