'use client';

import { useEffect, useState, type Ref } from 'react';

interface DebouncedTextInputProps {
  id: string;
  label: string;
  /** The committed value (from the URL); the box follows it when it changes from outside. */
  value: string;
  onCommit: (value: string) => void;
  type?: 'text' | 'search';
  placeholder?: string;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A text box that commits after the user pauses typing (or on Enter), so each keystroke does not
 * rewrite the URL and refetch the events.
 */
export function DebouncedTextInput({
  id,
  label,
  value,
  onCommit,
  type = 'text',
  placeholder,
  delayMs = 300,
  inputRef,
  className,
}: DebouncedTextInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // Adopt outside changes (a clicked request id, Back, "clear filters") without fighting the typist:
  // the URL holds the trimmed text, so a trailing space being typed is not an outside change.
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = window.setTimeout(() => onCommit(text.trim()), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, value, delayMs, onCommit]);

  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onCommit(text.trim());
        }}
      />
    </div>
  );
}
