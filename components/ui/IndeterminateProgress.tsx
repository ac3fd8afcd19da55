interface IndeterminateProgressProps {
  /** What is happening, e.g. "Analyzing the evidence"; also the progress bar's accessible name. */
  label: string;
  elapsedSeconds: number;
  /** A thin bar without the text line: for a refresh over content that stays on screen. */
  slim?: boolean;
}

/**
 * Progress for work whose length is unknown (an analysis, the demo's ingest): a moving bar and
 * the seconds elapsed. No aria-valuenow, so assistive technology announces it as indeterminate.
 */
export function IndeterminateProgress({ label, elapsedSeconds, slim = false }: IndeterminateProgressProps) {
  return (
    <div className={slim ? 'progress progress--slim' : 'progress'}>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuetext={`${elapsedSeconds} s elapsed`}>
        <div className="progress__bar" />
      </div>
      {slim ? null : (
        <p className="progress__text">
          {label}… <span className="progress__elapsed">{elapsedSeconds} s</span>
        </p>
      )}
    </div>
  );
}
