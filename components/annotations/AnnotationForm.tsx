'use client';

import { useId, useState, type FormEvent } from 'react';
import { ANNOTATION_KIND_LABELS, ANNOTATION_KINDS, MAX_ANNOTATION_BODY, MAX_NAME, type AnnotationKind } from '@/lib/schemas/annotation';
import { errorMessage } from '../api/api-client';
import { useAuthor } from './useAuthor';

export interface AnnotationDraft {
  kind: AnnotationKind;
  body: string;
  /** Who is writing, when the workspace has no sign-in; undefined when the server knows. */
  author: string | undefined;
}

interface AnnotationFormProps {
  /** What is being annotated, in words ("event #42", "order:1 status at 10:02:03"). */
  targetText: string;
  initial?: { kind: AnnotationKind; body: string };
  submitLabel: string;
  onSubmit: (draft: AnnotationDraft) => Promise<void>;
  onCancel: () => void;
}

/**
 * The annotation form: kind, Markdown body, and (only in an open workspace, once per browser)
 * the writer's name. Errors from the server are shown in place; the draft stays.
 */
export function AnnotationForm({ targetText, initial, submitLabel, onSubmit, onCancel }: AnnotationFormProps) {
  const ids = useId();
  const author = useAuthor();
  const [kind, setKind] = useState<AnnotationKind>(initial?.kind ?? 'note');
  const [body, setBody] = useState(initial?.body ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (author.needsName && name.trim() === '') {
      setError('Say who is writing (asked once, remembered in this browser).');
      return;
    }
    if (author.needsName) author.remember(name);
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ kind, body, author: author.signedIn ? undefined : author.needsName ? name.trim() : author.name || undefined });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="annotation-form" onSubmit={(e) => void submit(e)} aria-label={`${submitLabel}: ${targetText}`}>
      <p className="annotation-form__target">On {targetText}</p>
      <div className="annotation-form__row">
        <label htmlFor={`${ids}-kind`}>
          Kind
          <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind)}>
            {ANNOTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ANNOTATION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {author.needsName ? (
          <label htmlFor={`${ids}-author`}>
            Your name
            <input id={`${ids}-author`} type="text" value={name} maxLength={MAX_NAME} autoComplete="name" onChange={(e) => setName(e.target.value)} />
          </label>
        ) : null}
      </div>
      <label htmlFor={`${ids}-body`}>
        Note (Markdown, shown as text)
        <textarea id={`${ids}-body`} value={body} maxLength={MAX_ANNOTATION_BODY} required onChange={(e) => setBody(e.target.value)} />
      </label>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="annotation-form__row">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button--small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
