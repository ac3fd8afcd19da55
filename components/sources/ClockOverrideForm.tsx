'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/api-client';

interface ClockOverrideFormProps {
  /** The clock in words, for the form's accessible name ("reporting.log (reporting)"). */
  label: string;
  /** The offset shown now (estimated or overridden), prefilled. */
  currentMs: number;
  overridden: boolean;
  /** Saves the override (null: remove it, the estimate applies); rejects with a message to show. */
  onSave: (offsetMs: number | null) => Promise<void>;
  onClose: () => void;
}

/**
 * The inline form behind a clock's "Adjust": the offset in ms (host clock minus true time),
 * Save, Cancel, and "Use estimate" when an override is in effect. Escape cancels. Errors stay
 * in the form, which stays open so the value can be corrected.
 */
export function ClockOverrideForm({ label, currentMs, overridden, onSave, onClose }: ClockOverrideFormProps) {
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(() => String(Math.round(currentMs * 10) / 10));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  async function submit(offsetMs: number | null) {
    setBusy(true);
    setError(null);
    try {
      await onSave(offsetMs);
      onClose();
    } catch (cause) {
      setError(`Could not save the offset: ${errorMessage(cause)}`);
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = value.trim();
    const offsetMs = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(offsetMs)) {
      setError('Enter the offset as a number of milliseconds, e.g. 3200 or -1500.');
      inputRef.current?.focus();
      return;
    }
    void submit(offsetMs);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <form className="clock-override" aria-label={`Clock offset of ${label}`} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={inputId}>Offset (ms)</label>
      <input
        ref={inputRef}
        id={inputId}
        className="clock-override__input mono"
        type="number"
        step="any"
        inputMode="decimal"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        disabled={busy}
      />
      <button type="submit" className="button button--small" disabled={busy}>
        Save
      </button>
      <button type="button" className="button button--small" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      {overridden ? (
        <button
          type="button"
          className="button button--small"
          title="Remove the override: the alignment's estimate applies again"
          onClick={() => void submit(null)}
          disabled={busy}
        >
          Use estimate
        </button>
      ) : null}
      {busy ? (
        <span className="muted" role="status">
          Saving…
        </span>
      ) : null}
      {error ? (
        <p id={errorId} className="error-text clock-override__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
