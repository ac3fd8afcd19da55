'use client';

import { useId, useState, type FormEvent } from 'react';
import { MAX_ANNOTATION_BODY, MAX_NAME, type PostmortemDto } from '@/lib/schemas/annotation';
import { MarkdownText } from '../annotations/MarkdownText';
import { savePostmortem } from '../annotations/annotation-api';
import { useAuthor } from '../annotations/useAuthor';
import { errorMessage } from '../api/api-client';

interface PostmortemTextProps {
  incidentId: string;
  postmortem: PostmortemDto;
  readOnly: boolean;
  onSaved: (p: PostmortemDto) => void;
}

/**
 * Title, summary and impact: a form saved with PUT, or (read-only) the text as written. The
 * parent keys it by the saved version, so a newer save (a refresh) starts the form from it.
 */
export function PostmortemText({ incidentId, postmortem, readOnly, onSaved }: PostmortemTextProps) {
  const ids = useId();
  const author = useAuthor();
  const [title, setTitle] = useState(postmortem.title);
  const [summary, setSummary] = useState(postmortem.summary);
  const [impact, setImpact] = useState(postmortem.impact);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ error: string | null; busy: boolean; saved: boolean }>({ error: null, busy: false, saved: false });

  const byline = postmortem.updatedAt ? `Saved by ${postmortem.updatedBy || 'anonymous'} at ${new Date(postmortem.updatedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'Not saved yet';

  if (readOnly) {
    return (
      <div className="postmortem__text">
        <h3>{postmortem.title || 'Untitled postmortem'}</h3>
        <h4>Summary</h4>
        {postmortem.summary ? <MarkdownText body={postmortem.summary} /> : <p className="muted">No summary.</p>}
        <h4>Impact</h4>
        {postmortem.impact ? <MarkdownText body={postmortem.impact} /> : <p className="muted">No impact written.</p>}
        <p className="muted">{byline}</p>
      </div>
    );
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (author.needsName && name.trim() === '') {
      setStatus({ error: 'Say who is writing (asked once, remembered in this browser).', busy: false, saved: false });
      return;
    }
    if (author.needsName) author.remember(name);
    setStatus({ error: null, busy: true, saved: false });
    try {
      const who = author.signedIn ? undefined : author.needsName ? name.trim() : author.name || undefined;
      onSaved(await savePostmortem(incidentId, { title, summary, impact, author: who }));
      setStatus({ error: null, busy: false, saved: true });
    } catch (cause) {
      setStatus({ error: errorMessage(cause), busy: false, saved: false });
    }
  }

  return (
    <form className="postmortem__text annotation-form" onSubmit={(e) => void save(e)} aria-label="Postmortem text">
      <label htmlFor={`${ids}-title`}>
        Title
        <input id={`${ids}-title`} type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label htmlFor={`${ids}-summary`}>
        Summary (Markdown)
        <textarea id={`${ids}-summary`} value={summary} maxLength={MAX_ANNOTATION_BODY} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <label htmlFor={`${ids}-impact`}>
        Impact (Markdown)
        <textarea id={`${ids}-impact`} value={impact} maxLength={MAX_ANNOTATION_BODY} onChange={(e) => setImpact(e.target.value)} />
      </label>
      {author.needsName ? (
        <label htmlFor={`${ids}-author`}>
          Your name
          <input id={`${ids}-author`} type="text" value={name} maxLength={MAX_NAME} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
      ) : null}
      {status.error ? (
        <p className="error-text" role="alert">
          {status.error}
        </p>
      ) : null}
      <div className="annotation-form__row">
        <button type="submit" className="button button--primary button--small" disabled={status.busy}>
          Save postmortem
        </button>
        <span className="muted" role="status">
          {status.saved ? 'Saved. ' : ''}
          {byline}
        </span>
      </div>
    </form>
  );
}
