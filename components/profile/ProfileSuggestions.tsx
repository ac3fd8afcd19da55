'use client';

import { useEffect, useMemo, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { apiUrls } from '../api/api-urls';
import { profileSuggestionsSchema, type ApplicableSuggestion, type ProfileSuggestions as Suggestions } from '../api/suggestion-schemas';
import { countOf, formatCount } from '../ui/format';
import { applySuggestion, isApplied } from './apply-suggestion';
import { profileToText } from './check-profile';
import { SuggestionItem } from './SuggestionItem';

interface ProfileSuggestionsProps {
  incidentId: string;
  /** The editor's current text: suggestions merge into it, and say when it already holds them. */
  text: string;
  onApply: (text: string) => void;
}

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; suggestions: Suggestions };

const examples = (values: readonly (string | number | boolean)[]) => values.map((v) => JSON.stringify(v)).join(', ');

function describe(s: ApplicableSuggestion): { title: string; detail: string } {
  switch (s.kind) {
    case 'entity':
      return {
        title: `${s.rule.type}: state ${s.rule.state.join(', ')}`,
        detail: `keys ${s.rule.keys.join(', ') || '—'}; paths ${s.rule.paths.join(', ') || '—'}; seen in ${s.sources.join(', ')}`,
      };
    case 'state':
      return {
        title: `${s.type}.${s.field}`,
        detail: `${s.source}: changed for ${formatCount(s.changes)} ${s.changes === 1 ? 'entity' : 'entities'}, e.g. ${examples(s.examples)}`,
      };
    case 'key':
      return { title: `${s.field} → ${s.type}`, detail: `${countOf(s.distinct, 'id')} in ${s.sources.join(', ')}, e.g. ${examples(s.examples)}` };
    case 'path':
      return { title: `${s.template} → ${s.type}`, detail: `${countOf(s.count, 'request')}, e.g. ${s.examples[0] ?? ''}` };
  }
}

/**
 * Suggestions from a sample of the incident's events, grouped by what they add: whole entity
 * rules first (the quickest way to a useful profile), then single state fields, keys and path
 * templates. Apply merges one into the editor's text; nothing is saved until the user saves.
 */
export function ProfileSuggestions({ incidentId, text, onApply }: ProfileSuggestionsProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.profileSuggestions(incidentId), profileSuggestionsSchema, { signal: controller.signal })
      .then((suggestions) => setLoaded({ status: 'ready', suggestions }))
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setLoaded({ status: 'error', error: errorMessage(cause) });
      });
    return () => controller.abort();
  }, [incidentId]);

  // The text as a JSON object, or null while it is not one (then nothing can be merged into it).
  const current = useMemo(() => {
    try {
      const json: unknown = JSON.parse(text);
      return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }, [text]);

  if (loaded.status === 'loading') return <p className="muted">Looking for suggestions in the events…</p>;
  if (loaded.status === 'error') return <p className="error-text">Suggestions are unavailable: {loaded.error}</p>;

  const { suggestions } = loaded;
  const sampled = suggestions.sampled.reduce((sum, s) => sum + s.events, 0);
  const groups: Array<{ title: string; items: readonly ApplicableSuggestion[]; open: boolean }> = [
    { title: 'Entity rules', items: suggestions.entities, open: true },
    { title: 'State fields', items: suggestions.state, open: false },
    { title: 'Keys', items: suggestions.keys, open: false },
    { title: 'Path templates', items: suggestions.paths, open: false },
  ];

  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">Suggestions from the data</h3>
      <p className="muted suggestions__intro">
        From {countOf(sampled, 'sampled event')}. Apply merges one into the text above; review it, then save.
      </p>
      {groups.map((group) =>
        group.items.length === 0 ? null : (
          <details key={group.title} className="suggestions__group" open={group.open}>
            <summary>
              {group.title} ({group.items.length})
            </summary>
            <ul className="suggestions__list">
              {group.items.map((s, i) => {
                const { title, detail } = describe(s);
                const state = current === null ? 'blocked' : isApplied(current, s) ? 'applied' : 'apply';
                return (
                  <SuggestionItem
                    key={`${s.kind}-${i}-${title}`}
                    title={title}
                    detail={detail}
                    state={state}
                    onApply={() => current && onApply(profileToText(applySuggestion(current, s)))}
                  />
                );
              })}
            </ul>
          </details>
        ),
      )}
    </section>
  );
}
