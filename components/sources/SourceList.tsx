import './sources.css';
import type { Source } from '../api/api-schemas';
import { SourceCard } from './SourceCard';

export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ul className="source-list" aria-label="Sources">
      {sources.map((source) => (
        <SourceCard key={source.id} source={source} />
      ))}
    </ul>
  );
}
