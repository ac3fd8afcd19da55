'use client';

import { useRef, type KeyboardEvent } from 'react';
import type { EntityFieldDto } from './entity-field';

interface FieldTabsProps {
  entity: string;
  fields: readonly EntityFieldDto[];
  active: string;
  /** The tab panel's id (aria-controls). */
  panelId: string;
  tabId: (field: string) => string;
  onChoose: (field: string) => void;
}

/**
 * One tab per state field (WAI-ARIA tabs: arrows, Home and End move and choose). A field whose
 * witnesses diverge says so with a ≠ and in words, not by colour alone.
 */
export function FieldTabs({ entity, fields, active, panelId, tabId, onChoose }: FieldTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = fields.findIndex((f) => f.field === active);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: fields.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = fields[(moves[event.key]! + fields.length) % fields.length];
    if (!next) return;
    onChoose(next.field);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.field))}`)?.focus();
  }

  return (
    <div ref={listRef} className="ev-tabs" role="tablist" aria-label={`Fields of ${entity}`} onKeyDown={onKeyDown}>
      {fields.map((f) => {
        const selected = f.field === active;
        const diverges = f.firstDivergenceRow !== null;
        return (
          <button
            key={f.field}
            id={tabId(f.field)}
            type="button"
            role="tab"
            className="ev-tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChoose(f.field)}
          >
            <span className="mono">{f.field}</span>
            {diverges ? (
              <span className="ev-tab__diverges" title="The witnesses of this field diverge">
                <span aria-hidden="true">≠</span>
                <span className="visually-hidden"> (diverges)</span>
              </span>
            ) : null}
            <span className="ev-tab__count">{f.rows.length}</span>
          </button>
        );
      })}
    </div>
  );
}
