'use client';

import type { TimeModeDto } from '@/lib/schemas/investigation';

interface TimeModeToggleProps {
  value: TimeModeDto;
  onChange: (mode: TimeModeDto) => void;
}

const OPTIONS: ReadonlyArray<{ mode: TimeModeDto; label: string; title: string }> = [
  { mode: 'aligned', label: 'Aligned', title: 'Each lane shifted by its clock offset, so one request lines up across sources' },
  { mode: 'raw', label: 'Raw', title: 'Times exactly as each source wrote them' },
];

/** Raw or aligned time: a two-button segmented control; the pressed one is the current mode. */
export function TimeModeToggle({ value, onChange }: TimeModeToggleProps) {
  return (
    <div className="segmented" role="group" aria-label="Time">
      {OPTIONS.map((o) => (
        <button
          key={o.mode}
          type="button"
          className="segmented__option"
          aria-pressed={value === o.mode}
          title={o.title}
          onClick={() => {
            if (value !== o.mode) onChange(o.mode);
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
