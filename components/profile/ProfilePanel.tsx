'use client';

import './profile.css';
import { useState } from 'react';
import { ErrorState } from '../ui/ErrorState';
import { StateMessage } from '../ui/StateMessage';
import { profileToText } from './check-profile';
import { ProfileEditor } from './ProfileEditor';
import { ProfileSuggestions } from './ProfileSuggestions';
import { useProfile } from './useProfile';

interface ProfilePanelProps {
  incidentId: string;
  onClose: () => void;
  /** Called after a successful save: the report is recomputed with the new profile. */
  onSaved: () => void;
}

/** What a new profile starts as: every section present, so the shape is visible. */
const STARTER = { entities: [], effects: [], invariants: [], toleranceMs: 1000, offsets: {} };

/**
 * The analysis profile beside the evidence (`?panel=profile`): the JSON editor with live
 * validation, then suggestions from the data. Applying a suggestion edits the text only; the
 * user reviews it and saves, and the overview re-analyzes.
 */
export function ProfilePanel({ incidentId, onClose, onSaved }: ProfilePanelProps) {
  const { loaded, retry, save } = useProfile(incidentId);
  const [saved, setSaved] = useState<{ text: string; exists: boolean } | null>(null);
  const [text, setText] = useState<string | null>(null);

  // Adjusting state while rendering: the text starts from the profile once it has loaded.
  if (loaded.status === 'ready' && saved === null) {
    const initial = { text: profileToText(loaded.profile ?? STARTER), exists: loaded.profile !== null };
    setSaved(initial);
    setText(initial.text);
  }

  async function onSave(document: unknown, savedText: string) {
    await save(document);
    // The server stores the document as written: the text the user saved is the new baseline.
    setSaved({ text: savedText, exists: true });
    onSaved();
  }

  let body;
  if (loaded.status === 'error') {
    body = <ErrorState title="Could not load the profile" message={loaded.error} onRetry={retry} />;
  } else if (saved === null || text === null) {
    body = <StateMessage title="Loading the profile…" />;
  } else {
    body = (
      <>
        <ProfileEditor
          text={text}
          onChange={setText}
          savedText={saved.text}
          hasSaved={saved.exists}
          onSave={onSave}
        />
        <ProfileSuggestions incidentId={incidentId} text={text} onApply={setText} />
      </>
    );
  }

  return (
    <aside id="profile-panel" className="profile-panel" aria-labelledby="profile-heading">
      <div className="profile-panel__head">
        <h2 id="profile-heading">Analysis profile</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close<span className="visually-hidden"> the profile</span>
        </button>
      </div>
      <p className="profile-panel__intro muted">
        How entities, their state, effects and invariants are read from this incident’s evidence. Changes apply when saved.
      </p>
      {body}
    </aside>
  );
}
