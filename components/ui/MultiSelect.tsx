'use client';

import './multi-select.css';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MultiSelectOption {
  value: string;
  /** Plain text: the button's summary, the find box's match and the checkbox's accessible name. */
  text: string;
  /** Optional richer rendering of the option (a level badge); defaults to `text`. */
  label?: ReactNode;
}

interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}

/** Past this many options a find box appears: twenty-six services are too many to scan at 2 a.m. */
const FIND_THRESHOLD = 8;

function summary(options: readonly MultiSelectOption[], selected: readonly string[]): string {
  if (selected.length === 0) return 'all';
  const text = (value: string) => options.find((o) => o.value === value)?.text ?? value;
  return selected.length <= 2 ? selected.map(text).join(', ') : `${selected.length} selected`;
}

/**
 * A compact multi-value filter: a button that says what is chosen and opens a list of checkboxes
 * (role group named after the filter). Keyboard: Enter/Space opens and focuses the first
 * checkbox, ↑/↓ move, Space toggles, Esc closes back to the button; focus or a click leaving
 * the control closes it too. Options are checkboxes, not listbox items, so every assistive
 * technology and Playwright's role locators know them without extra ARIA.
 */
export function MultiSelect({ label, options, selected, onChange, disabled = false }: MultiSelectProps) {
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    // Focus moves into the panel once it exists: the first control (find box or first checkbox).
    panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A value in the URL that the options do not (yet) list still shows, checked, so it can be unchecked.
  const known = new Set(options.map((o) => o.value));
  const all: MultiSelectOption[] = [...options, ...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, text: v }))];
  const needle = find.trim().toLowerCase();
  const visible = needle ? all.filter((o) => o.text.toLowerCase().includes(needle)) : all;

  function close(refocus: boolean) {
    setOpen(false);
    setFind('');
    if (refocus) buttonRef.current?.focus();
  }

  function toggle(value: string, on: boolean) {
    onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  }

  function onPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const inputs = Array.from(panelRef.current?.querySelectorAll<HTMLInputElement>('input') ?? []);
    const at = inputs.findIndex((input) => input === document.activeElement);
    const next = inputs[Math.max(0, Math.min(inputs.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  const value = summary(all, selected);
  return (
    <div
      ref={rootRef}
      className="multiselect"
      onBlur={(event) => {
        if (open && !(event.relatedTarget instanceof Node && rootRef.current?.contains(event.relatedTarget))) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={selected.length > 0 ? 'multiselect__button multiselect__button--active' : 'multiselect__button'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={disabled}
        title={selected.length > 0 ? `${label}: ${selected.map((v) => all.find((o) => o.value === v)?.text ?? v).join(', ')}` : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="multiselect__label">{label}</span>
        <span className="visually-hidden">: </span>
        <span className="multiselect__value">{value}</span>
        <span className="multiselect__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div ref={panelRef} id={panelId} className="multiselect__panel" role="group" aria-label={label} onKeyDown={onPanelKeyDown}>
          {all.length > FIND_THRESHOLD ? (
            <input
              type="search"
              className="multiselect__find"
              placeholder={`Find ${label.toLowerCase()}…`}
              aria-label={`Find ${label.toLowerCase()}`}
              value={find}
              onChange={(event) => setFind(event.target.value)}
            />
          ) : null}
          <ul className="multiselect__options">
            {visible.map((option) => (
              <li key={option.value}>
                <label className="multiselect__option" title={option.text}>
                  <input
                    type="checkbox"
                    aria-label={option.text}
                    checked={selected.includes(option.value)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  {option.label ?? option.text}
                </label>
              </li>
            ))}
            {visible.length === 0 ? <li className="multiselect__empty">No match</li> : null}
          </ul>
          {selected.length > 0 ? (
            <button
              type="button"
              className="button button--link multiselect__clear"
              onClick={() => {
                onChange([]);
                // The button goes away with the selection: keep focus inside the panel.
                panelRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
              }}
            >
              Show all
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
