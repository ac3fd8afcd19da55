'use client';

import { useState, type Ref } from 'react';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { ApiError } from '../api/api-client';
import { updateFilterUrl } from '../events-table/useEventFilters';
import type { Navigate } from './useInvestigationUrl';

interface JumpSearchProps {
  incidentId: string;
  investigation: InvestigationDto | null;
  navigate: Navigate;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * `/`: one box for what a person pastes from the incident channel. An entity (`order:1042`)
 * opens its witness table; a request, correlation or trace id opens its request; anything else
 * searches the events' text. Which one it was is said next to the box.
 */
export function JumpSearch({ incidentId, investigation, navigate, inputRef }: JumpSearchProps) {
  const [value, setValue] = useState('');
  const [note, setNote] = useState<string | null>(null);

  async function jump(text: string) {
    const query = text.trim();
    if (!query) return;
    if (investigation?.entities.some((e) => e.entity === query)) {
      setNote(`entity ${query}`);
      navigate({ view: 'entity', entity: query, field: null, event: null });
      return;
    }
    const response = await fetch(`/api/incidents/${encodeURIComponent(incidentId)}/requests/${encodeURIComponent(query)}`, { method: 'GET', cache: 'no-store' });
    if (response.ok) {
      setNote(`request ${query}`);
      navigate({ view: 'request', request: query, event: null });
      return;
    }
    if (response.status !== 404) {
      setNote(new ApiError(`Search failed: ${response.status}`, response.status, null).message);
      return;
    }
    setNote(`text “${query}” in the events`);
    // The events view reads its own filters: the text goes into its search, the view follows.
    updateFilterUrl({ q: query, request: '' }, 'push');
    navigate({ view: 'events', event: null }, 'replace');
  }

  return (
    <form
      className="jump-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void jump(value);
      }}
    >
      <label className="visually-hidden" htmlFor="jump-search-input">
        Jump to a request id, an entity or text
      </label>
      <input
        id="jump-search-input"
        ref={inputRef}
        type="search"
        value={value}
        placeholder="Request id, entity (order:42) or text…  /"
        onChange={(e) => setValue(e.target.value)}
      />
      <span className="jump-search__note muted" role="status">
        {note ? `Opened ${note}` : ''}
      </span>
    </form>
  );
}
