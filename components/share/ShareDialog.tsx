'use client';

import './share.css';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreatedShareDto, ShareDto, ShareScope } from '@/lib/schemas/share';
import { errorMessage, isAbortError } from '../api/api-client';
import { formatDateTime } from '../ui/format';
import { createShare, listShares, revokeShare } from './share-api';
import { expiryHours, type ExpiryUnit } from './share-expiry';

const SCOPE_LABELS: Record<ShareScope, string> = {
  investigation: 'Investigation',
  postmortem: 'Postmortem only',
};

const SCOPE_HINTS: Record<ShareScope, string> = {
  investigation: 'timeline, findings, requests, entities and events, read-only',
  postmortem: 'the written postmortem, read-only',
};

/**
 * The share dialog, a modal <dialog> (focus moves in, Esc closes it natively): create a
 * read-only link with a label, a scope and an optional expiry; the new link is shown once, with
 * a copy button (the server keeps only its hash, so it can never be shown again); the
 * incident's links with their status, each active one revocable.
 */
export function ShareDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const [shares, setShares] = useState<ShareDto[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    listShares(incidentId, controller.signal)
      .then((list) => {
        setShares(list);
        setListError(null);
      })
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setListError(errorMessage(cause));
      });
    return () => controller.abort();
  }, [incidentId, reload]);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  const [created, setCreated] = useState<CreatedShareDto | null>(null);

  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby="share-dialog-title" onClose={onClose}>
      <h2 id="share-dialog-title">Share this incident</h2>
      <p className="muted">
        A link opens the incident read-only, without signing in. Whoever has it can read what its scope covers until it expires or you revoke it.
      </p>
      <CreateShareForm
        incidentId={incidentId}
        onCreated={(share) => {
          setCreated(share);
          refresh();
        }}
      />
      {created ? <CreatedLink share={created} /> : null}
      <h3>Links to this incident</h3>
      {listError ? (
        <p className="error-text" role="alert">
          Could not load the links: {listError}{' '}
          <button type="button" className="button button--link" onClick={refresh}>
            Retry
          </button>
        </p>
      ) : shares === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ShareList incidentId={incidentId} shares={shares} onChanged={refresh} />
      )}
      <form method="dialog" className="share-dialog__close">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}

function CreateShareForm({ incidentId, onCreated }: { incidentId: string; onCreated: (share: CreatedShareDto) => void }) {
  const [scope, setScope] = useState<ShareScope>('investigation');
  const [label, setLabel] = useState('');
  const [count, setCount] = useState('');
  const [unit, setUnit] = useState<ExpiryUnit>('days');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const hours = expiryHours(count, unit);
    if (hours !== null && typeof hours === 'object') {
      setError(hours.error);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onCreated(await createShare(incidentId, { scope, label: label.trim(), expiresInHours: hours }));
      setLabel('');
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="share-form" onSubmit={onSubmit} aria-label="Create a share link" noValidate>
      <div className="field">
        <label className="field__label" htmlFor="share-label">
          Label
        </label>
        <input id="share-label" type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="for the review with payments" autoComplete="off" />
      </div>
      <fieldset>
        <legend>Scope</legend>
        {(Object.keys(SCOPE_LABELS) as ShareScope[]).map((s) => (
          <label key={s} title={SCOPE_HINTS[s]}>
            <input type="radio" name="share-scope" value={s} checked={scope === s} onChange={() => setScope(s)} /> {SCOPE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="share-expiry">
          Expires after (blank: never)
        </label>
        <div className="share-form__expiry">
          <input id="share-expiry" type="number" min="1" step="1" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} aria-describedby="share-expiry-unit" />
          <select id="share-expiry-unit" aria-label="Expiry unit" value={unit} onChange={(e) => setUnit(e.target.value === 'hours' ? 'hours' : 'days')}>
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </div>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create link'}
      </button>
      {error ? (
        <p className="error-text" role="alert" style={{ flexBasis: '100%', margin: 0 }}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The new link, shown this once: the server keeps only its hash. */
function CreatedLink({ share }: { share: CreatedShareDto }) {
  const url = typeof window === 'undefined' ? share.path : new URL(share.path, window.location.origin).toString();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard access (plain http on another host, a denied permission): select it for Ctrl+C.
      inputRef.current?.select();
      setCopied('failed');
    }
  }
  return (
    <div className="share-created" role="status">
      <p>
        <strong>Copy this link now:</strong> it is shown only once. ({SCOPE_LABELS[share.scope]}
        {share.expiresAt ? `, expires ${formatDateTime(share.expiresAt)}` : ', no expiry'})
      </p>
      <div className="share-created__link">
        <input ref={inputRef} type="text" readOnly value={url} aria-label="New share link" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' ? <p className="muted">Copying is not allowed here: the link is selected, press Ctrl+C (⌘C).</p> : null}
    </div>
  );
}

function ShareList({ incidentId, shares, onChanged }: { incidentId: string; shares: ShareDto[]; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  async function revoke(share: ShareDto) {
    setPending(share.id);
    setError(null);
    try {
      await revokeShare(incidentId, share.id);
      onChanged();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(null);
    }
  }
  if (shares.length === 0) return <p className="muted">No links yet.</p>;
  return (
    <>
      <table className="data-table" aria-label="Share links">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Scope</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.id} data-share-status={s.status}>
              <td>{s.label || <span className="muted">(no label)</span>}</td>
              <td>{SCOPE_LABELS[s.scope]}</td>
              <td>
                <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
                {s.createdBy ? <span className="muted"> by {s.createdBy}</span> : null}
              </td>
              <td>{s.expiresAt ? <time dateTime={s.expiresAt}>{formatDateTime(s.expiresAt)}</time> : 'never'}</td>
              <td className={`share-status--${s.status}`}>{s.status}</td>
              <td>
                {s.status === 'active' ? (
                  <button type="button" className="button button--small" disabled={pending === s.id} onClick={() => revoke(s)} aria-label={`Revoke ${s.label || 'link'} created ${formatDateTime(s.createdAt)}`}>
                    Revoke
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="error-text" role="alert">
          Could not revoke: {error}
        </p>
      ) : null}
    </>
  );
}
