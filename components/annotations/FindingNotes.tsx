'use client';

import './annotations.css';
import { useState } from 'react';
import type { FindingDto } from '@/lib/schemas/investigation';
import { useReadOnly } from '../access/ReadOnlyContext';
import { errorMessage } from '../api/api-client';
import { setStory } from './annotation-api';
import { NoteCount } from './NoteCount';
import { useAuthor } from './useAuthor';
import { usePostmortem } from './usePostmortem';

interface FindingNotesProps {
  incidentId: string;
  finding: FindingDto;
  /** Annotations on the finding's triggering event. */
  count: number;
  open: boolean;
  onToggleOpen: () => void;
}

/**
 * A finding's annotation badge (its triggering event's annotations), the button that opens them
 * (and the form) under the row, and the "Part of the story" toggle for the postmortem.
 */
export function FindingNotes({ incidentId, finding, count, open, onToggleOpen }: FindingNotesProps) {
  const readOnly = useReadOnly();
  const author = useAuthor();
  const { postmortem, put } = usePostmortem(incidentId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inStory = postmortem?.story.some((s) => s.kind === finding.kind && s.eventId === finding.eventId) ?? false;

  async function toggleStory() {
    setBusy(true);
    setError(null);
    try {
      put(await setStory(incidentId, finding.kind, finding.eventId, !inStory, author.signedIn ? undefined : author.name || undefined));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {count > 0 || !readOnly ? (
        <button type="button" className="button button--small" aria-expanded={open} onClick={onToggleOpen} title="Annotations on this finding’s event">
          <NoteCount count={count} />
          {readOnly ? 'Notes' : 'Annotate'}
        </button>
      ) : null}
      {readOnly ? (
        inStory ? (
          <span className="badge">in the story</span>
        ) : null
      ) : (
        <button type="button" className="button button--small" aria-pressed={inStory} disabled={busy || postmortem === null} onClick={() => void toggleStory()}>
          Part of the story
        </button>
      )}
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
