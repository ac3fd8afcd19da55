import type { Source } from '../api/api-schemas';
import { countOf, formatBytes, formatCount } from '../ui/format';
import type { UploadItem } from './upload-item';

interface UploadProgressItemProps {
  item: UploadItem;
  /** The server's view of this upload's source, from polling: parse progress and events so far. */
  source: Source | null;
}

interface ProgressView {
  value: number | null;
  max: number;
  text: string;
}

function progressView(item: UploadItem, source: Source | null): ProgressView {
  switch (item.phase) {
    case 'queued':
      return { value: 0, max: 1, text: 'Waiting for the previous upload…' };
    case 'uploading': {
      const pct = item.size > 0 ? Math.round((item.sentBytes / item.size) * 100) : 100;
      return {
        value: item.sentBytes,
        max: Math.max(item.size, 1),
        text: `Uploading: ${formatBytes(item.sentBytes)} of ${formatBytes(item.size)} (${pct}%)`,
      };
    }
    case 'parsing': {
      const events = source ? `${countOf(source.events, 'event')} so far` : 'starting';
      // parsedBytes counts decompressed bytes: against a gzip's compressed size it is no fraction.
      if (!source || source.compressed || source.sizeBytes <= 0) {
        return { value: null, max: 1, text: `Parsing: ${events}` };
      }
      const parsed = Math.min(source.parsedBytes, source.sizeBytes);
      return {
        value: parsed,
        max: source.sizeBytes,
        text: `Parsing: ${formatBytes(parsed)} of ${formatBytes(source.sizeBytes)}, ${events}`,
      };
    }
    case 'done': {
      const final = item.result ?? source;
      const events = final ? countOf(final.events, 'event') : 'stored';
      const unparsed = final && final.unparsed > 0 ? `, ${formatCount(final.unparsed)} unparsed` : '';
      return { value: 1, max: 1, text: `Done: ${events}${unparsed}` };
    }
    case 'failed':
      return { value: 1, max: 1, text: `Failed: ${item.error ?? 'unknown error'}` };
  }
}

/** One file's journey: bytes sent, then parsing with records so far, then done or the error. */
export function UploadProgressItem({ item, source }: UploadProgressItemProps) {
  const view = progressView(item, source);
  const labelId = `${item.key}-name`;
  return (
    <li
      className={item.phase === 'failed' ? 'upload-item upload-item--failed' : 'upload-item'}
      aria-labelledby={labelId}
      data-phase={item.phase}
    >
      <span className="upload-item__name" id={labelId} title={item.name}>
        {item.name}
      </span>
      <progress
        aria-labelledby={labelId}
        aria-valuetext={view.text}
        max={view.max}
        // An absent value renders the indeterminate bar: parsing a gzip has no meaningful fraction.
        {...(view.value === null ? {} : { value: view.value })}
      />
      <span className="upload-item__status" role={item.phase === 'failed' ? 'alert' : undefined}>
        {view.text}
      </span>
    </li>
  );
}
