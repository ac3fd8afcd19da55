'use client';

import { useRef, useState } from 'react';
import type { ReportDomain } from '../api/report-schemas';
import { describeDomain } from './ClockOffsetCell';
import { ClockOverrideForm } from './ClockOverrideForm';

interface ClockDomainItemProps {
  sourceName: string;
  domain: ReportDomain;
  /** True when the profile sets this clock's offset by hand. */
  overridden: boolean;
  /** Sets (or with null removes) the override and refreshes the analysis; absent: read-only. */
  onSaveOffset?: (offsetMs: number | null) => Promise<void>;
}

/** One clock in the source's details: its offset in words, an "override" badge, and Adjust. */
export function ClockDomainItem({ sourceName, domain, overridden, onSaveOffset }: ClockDomainItemProps) {
  const [editing, setEditing] = useState(false);
  const adjustRef = useRef<HTMLButtonElement>(null);
  const label = domain.service ? `${sourceName} (${domain.service})` : sourceName;

  function close() {
    setEditing(false);
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => adjustRef.current?.focus());
  }

  return (
    <div className="clock-item">
      <span>{describeDomain(domain)}</span>
      {overridden ? (
        <span className="clock-tag clock-tag--override" title="Offset set by hand in the profile, not estimated">
          override
        </span>
      ) : null}
      {onSaveOffset && !editing ? (
        <button
          ref={adjustRef}
          type="button"
          className="button button--link clock-item__adjust"
          onClick={() => setEditing(true)}
        >
          Adjust<span className="visually-hidden"> the clock offset of {label}</span>
        </button>
      ) : null}
      {onSaveOffset && editing ? (
        <ClockOverrideForm
          label={label}
          currentMs={domain.offsetMs}
          overridden={overridden}
          onSave={onSaveOffset}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
