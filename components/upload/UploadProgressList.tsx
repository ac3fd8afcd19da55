import './upload.css';
import type { Source } from '../api/api-schemas';
import { matchSource, type UploadItem } from './upload-item';
import { UploadProgressItem } from './UploadProgressItem';

interface UploadProgressListProps {
  uploads: readonly UploadItem[];
  sources: readonly Source[];
  onDismissFinished: () => void;
}

export function UploadProgressList({ uploads, sources, onDismissFinished }: UploadProgressListProps) {
  if (uploads.length === 0) return null;
  const anyDone = uploads.some((u) => u.phase === 'done');
  return (
    <div>
      <ul className="upload-list" aria-label="Uploads">
        {uploads.map((item) => (
          <UploadProgressItem key={item.key} item={item} source={matchSource(item, sources)} />
        ))}
      </ul>
      {anyDone ? (
        <button type="button" className="button button--link upload-list__clear" onClick={onDismissFinished}>
          Clear finished uploads
        </button>
      ) : null}
    </div>
  );
}
