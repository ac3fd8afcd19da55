'use client';

import type { Ref } from 'react';
import type { Facets, Source } from '../api/api-schemas';
import { DebouncedTextInput } from '../ui/DebouncedTextInput';
import { hasActiveFilters, NO_FILTERS, type EventFilters } from './event-filters';

interface EventFiltersBarProps {
  filters: EventFilters;
  onChange: (patch: Partial<EventFilters>, mode?: 'push' | 'replace') => void;
  sources: readonly Source[];
  facets: Facets;
  searchRef: Ref<HTMLInputElement>;
}

function toggle(values: readonly string[], value: string, on: boolean): string[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
}

/** Every control writes to the URL (through onChange), so the filtered view is a shareable link. */
export function EventFiltersBar({ filters, onChange, sources, facets, searchRef }: EventFiltersBarProps) {
  // A value in the URL that the facets do not (yet) list must still show as selected.
  const services = Array.from(new Set([...facets.services, ...filters.services]));
  const levels = Array.from(new Set([...facets.levels, ...filters.levels]));
  return (
    <search className="filters" aria-label="Event filters">
      <DebouncedTextInput
        id="events-q"
        label="Search"
        type="search"
        placeholder="text in message or raw  ( / )"
        value={filters.q}
        onCommit={(q) => onChange({ q }, 'replace')}
        inputRef={searchRef}
      />
      <DebouncedTextInput
        id="events-request"
        label="Request id"
        placeholder="request, correlation or trace id"
        value={filters.request}
        onCommit={(request) => onChange({ request }, 'replace')}
      />
      <div className="field">
        <label className="field__label" htmlFor="events-service">
          Service
        </label>
        <select
          id="events-service"
          value={filters.services[0] ?? ''}
          onChange={(e) => onChange({ services: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="events-level">
          Level
        </label>
        <select
          id="events-level"
          value={filters.levels[0] ?? ''}
          onChange={(e) => onChange({ levels: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">All levels</option>
          {levels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {sources.length > 1 ? (
        <fieldset>
          <legend>Sources</legend>
          {sources.map((source) => (
            <label key={source.id} className="checkbox">
              <input
                type="checkbox"
                checked={filters.sources.includes(source.id)}
                onChange={(e) => onChange({ sources: toggle(filters.sources, source.id, e.target.checked) })}
              />
              {source.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={filters.unparsed} onChange={(e) => onChange({ unparsed: e.target.checked })} />
        Only unparsed
      </label>
      {hasActiveFilters(filters) ? (
        <button type="button" className="button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
