'use client';

import { useMemo, type Ref } from 'react';
import type { Facets, Source } from '../api/api-schemas';
import { DebouncedTextInput } from '../ui/DebouncedTextInput';
import { LevelBadge } from '../ui/LevelBadge';
import { compareLevels } from '../ui/level-tone';
import { MultiSelect, type MultiSelectOption } from '../ui/MultiSelect';
import { hasActiveFilters, isFilterableSource, NO_FILTERS, type EventFilters } from './event-filters';

interface EventFiltersBarProps {
  filters: EventFilters;
  onChange: (patch: Partial<EventFilters>, mode?: 'push' | 'replace') => void;
  sources: readonly Source[];
  facets: Facets;
  searchRef: Ref<HTMLInputElement>;
}

/** Same-named files (the same log dropped twice) get their upload position to tell them apart. */
function sourceOptions(sources: readonly Source[]): MultiSelectOption[] {
  const eligible = sources.filter(isFilterableSource);
  const names = new Map<string, number>();
  for (const s of eligible) names.set(s.name, (names.get(s.name) ?? 0) + 1);
  return eligible.map((s) => ({
    value: s.id,
    text: (names.get(s.name) ?? 0) > 1 ? `${s.name} #${s.position + 1}` : s.name,
  }));
}

/**
 * One row of filters above the table. Every control writes to the URL (through onChange), so the
 * filtered view is a shareable link. Every control is always present (the source menu is disabled
 * rather than absent with fewer than two sources) so the row never reflows as data arrives.
 */
export function EventFiltersBar({ filters, onChange, sources, facets, searchRef }: EventFiltersBarProps) {
  const levelOptions = useMemo(
    () =>
      [...facets.levels]
        .sort(compareLevels)
        .map((level): MultiSelectOption => ({ value: level, text: level, label: <LevelBadge level={level} /> })),
    [facets.levels],
  );
  const serviceOptions = useMemo(
    () =>
      [...facets.services]
        .sort((a, b) => a.localeCompare(b))
        .map((service): MultiSelectOption => ({ value: service, text: service })),
    [facets.services],
  );
  const sourceChoices = useMemo(() => sourceOptions(sources), [sources]);

  return (
    <search className="filters" aria-label="Event filters">
      <DebouncedTextInput
        id="events-q"
        label="Search"
        type="search"
        placeholder="message or fields   ( / )"
        value={filters.q}
        onCommit={(q) => onChange({ q }, 'replace')}
        inputRef={searchRef}
        className="field--inline filters__search"
      />
      <DebouncedTextInput
        id="events-request"
        label="Request id"
        placeholder="request, correlation, trace"
        value={filters.request}
        onCommit={(request) => onChange({ request }, 'replace')}
        className="field--inline filters__request"
      />
      <MultiSelect label="Level" options={levelOptions} selected={filters.levels} onChange={(levels) => onChange({ levels })} />
      <MultiSelect
        label="Service"
        options={serviceOptions}
        selected={filters.services}
        onChange={(services) => onChange({ services })}
      />
      <MultiSelect
        label="Source"
        options={sourceChoices}
        selected={filters.sources}
        onChange={(ids) => onChange({ sources: ids })}
        disabled={sourceChoices.length < 2 && filters.sources.length === 0}
      />
      <label className="checkbox">
        <input type="checkbox" checked={filters.unparsed} onChange={(e) => onChange({ unparsed: e.target.checked })} />
        Only unparsed
      </label>
      {hasActiveFilters(filters) ? (
        <button type="button" className="button button--small filters__clear" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
