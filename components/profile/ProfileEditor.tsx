'use client';

import { useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/api-client';
import { apiErrorBodySchema } from '../api/api-schemas';
import { checkProfileText } from './check-profile';
import { ProfileIssues } from './ProfileIssues';

interface ProfileEditorProps {
  text: string;
  onChange: (text: string) => void;
  /** The saved profile's text: what Reset goes back to, and what "unsaved changes" compares with. */
  savedText: string;
  /** False while the incident has no profile: saving the starter text is then a change. */
  hasSaved: boolean;
  /** PUTs the document (parsed from `text`); rejects with the server's ApiError. */
  onSave: (document: unknown, text: string) => Promise<void>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; issues: string[] };

/** The server's 400 issues as `path: message`, the same lines the live check shows. */
function serverIssues(error: unknown): string[] {
  if (error instanceof ApiError) {
    const body = apiErrorBodySchema.safeParse(error.body);
    const issues = body.success ? (body.data.error.issues ?? []) : [];
    if (issues.length > 0) return issues.map((i) => `${typeof i.path === 'string' && i.path ? i.path : '(root)'}: ${i.message}`);
  }
  return [errorMessage(error)];
}

/**
 * The profile as JSON text, validated on every keystroke with the same zod schema the server
 * uses, so mistakes show (with their path, or line and column) before Save is even possible.
 * Save sends the text as written; the server's own refusal is shown the same way.
 */
export function ProfileEditor({ text, onChange, savedText, hasSaved, onSave }: ProfileEditorProps) {
  const check = useMemo(() => checkProfileText(text), [text]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const dirty = text !== savedText || !hasSaved;
  // A save result describes the text it saved; typing afterwards returns to the live check.
  const result = savedFor === text ? save : { kind: 'idle' as const };

  async function onSubmit() {
    if (!check.ok) return;
    setSave({ kind: 'saving' });
    setSavedFor(text);
    try {
      await onSave(check.json, text);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', issues: serverIssues(error) });
    }
  }

  function goToError() {
    if (check.ok || check.kind !== 'syntax') return;
    const el = textareaRef.current;
    el?.focus();
    el?.setSelectionRange(check.offset, check.offset + 1);
  }

  const issues = result.kind === 'failed' ? result.issues : check.ok ? [] : check.issues;
  return (
    <div className="profile-editor">
      <label htmlFor="profile-json" className="field__label">
        Profile JSON
      </label>
      <textarea
        id="profile-json"
        ref={textareaRef}
        className="profile-editor__text"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={!check.ok || result.kind === 'failed'}
        aria-describedby="profile-issues"
      />
      <ProfileIssues
        id="profile-issues"
        issues={issues}
        fromServer={result.kind === 'failed'}
        onGoTo={!check.ok && check.kind === 'syntax' ? goToError : null}
      />
      <div className="profile-editor__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!check.ok || !dirty || result.kind === 'saving'}
          onClick={onSubmit}
        >
          {result.kind === 'saving' ? 'Saving…' : 'Save profile'}
        </button>
        <button type="button" className="button" disabled={text === savedText} onClick={() => onChange(savedText)}>
          Reset
        </button>
        <p className="profile-editor__state" role="status">
          {result.kind === 'saved' ? 'Saved: the analysis is running again with it.' : dirty && hasSaved ? 'Unsaved changes' : ''}
          {!hasSaved && result.kind !== 'saved' ? 'No profile saved yet: the analysis reads only entity and state fields.' : ''}
        </p>
      </div>
    </div>
  );
}
