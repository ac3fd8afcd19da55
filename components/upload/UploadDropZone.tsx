'use client';

import './upload.css';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { UploadOptions } from './upload-file';

interface UploadDropZoneProps {
  /** Files added, with the redaction choice shown beside the zone at that moment. */
  onFiles: (files: File[], options: UploadOptions) => void;
  /** Once the incident has evidence, a slim bar: the events below matter more than the invitation. */
  compact?: boolean;
}

function hasFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Where evidence goes in: drag several files at once, or use the button (a real <button>, so
 * keyboard and screen-reader users get the same path). Drops that miss the zone are caught at
 * the window too: a browser's default for a dropped file is to navigate away from the incident.
 * "Redact secrets" (on by default) applies to the files added while it is as shown.
 */
export function UploadDropZone({ onFiles, compact = false }: UploadDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const hintId = useId();
  const [redact, setRedact] = useState(true);

  useEffect(() => {
    function onWindowDragOver(event: globalThis.DragEvent) {
      if (hasFiles(event)) event.preventDefault();
    }
    function onWindowDrop(event: globalThis.DragEvent) {
      if (!hasFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files, { redact });
    }
    window.addEventListener('dragover', onWindowDragOver);
    window.addEventListener('drop', onWindowDrop);
    return () => {
      window.removeEventListener('dragover', onWindowDragOver);
      window.removeEventListener('drop', onWindowDrop);
    };
  }, [onFiles, redact]);

  function onDragEnter(event: DragEvent<HTMLDivElement>) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    // dragenter/dragleave fire for every child element: count depth so the highlight does not flicker.
    depth.current += 1;
    setActive(true);
  }

  function onDragLeave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setActive(false);
  }

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    depth.current = 0;
    setActive(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files, { redact });
  }

  const redactToggle = (
    <label
      className="dropzone__redact"
      title="Replace passwords, tokens, API keys, cookies, Authorization headers, bearer tokens and JWTs with [REDACTED] before the file is stored"
    >
      <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} data-testid="redact-secrets" />
      Redact secrets (recommended)
    </label>
  );

  return (
    <div
      className={['dropzone', compact ? 'dropzone--compact' : '', active ? 'dropzone--active' : ''].filter(Boolean).join(' ')}
      role="region"
      aria-label="Drop files here"
      aria-describedby={hintId}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      {compact ? (
        <>
          <p className="dropzone__text" id={hintId}>
            <strong>Drop more files here</strong> or
          </p>
          <button type="button" className="button button--small" onClick={() => inputRef.current?.click()}>
            Choose files…
          </button>
          {redactToggle}
          <p className="dropzone__formats">
            logs, HAR, OTLP / Jaeger / Zipkin traces, CSV; <code>.gz</code> is fine
          </p>
        </>
      ) : (
        <>
          <p className="dropzone__text" id={hintId}>
            <strong>Drop files here</strong>: log files, HAR exports, OTLP / Jaeger / Zipkin traces, CSV. Several at once
            is fine; <code>.gz</code> is decompressed. The format is detected from the content.
          </p>
          <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()}>
            Choose files…
          </button>
          {redactToggle}
        </>
      )}
      <input
        ref={inputRef}
        type="file"
        multiple
        className="visually-hidden"
        aria-label="Evidence files"
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset so choosing the same file again still fires change.
          event.target.value = '';
          if (files.length > 0) onFiles(files, { redact });
        }}
      />
    </div>
  );
}
