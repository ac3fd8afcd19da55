/**
 * Profile suggestions as the browser parses them from `GET /api/incidents/{id}/profile/suggestions`
 * (lib/domain/profile/suggest-profile.ts): keys, path templates and state fields found in a
 * sample of the events, and ready-made entity rules. The drift check below fails tsc when the
 * domain's shape no longer fits.
 */
import { z } from 'zod';
import type { ProfileSuggestions as DomainSuggestions } from '@/lib/domain/profile/suggest-profile';

const example = z.union([z.string(), z.number(), z.boolean()]);

export const identifierSuggestionSchema = z.object({
  kind: z.literal('identifier'),
  source: z.string(),
  slot: z.string(),
  fields: z.array(z.string()),
  count: z.number(),
  examples: z.array(z.string()),
});

export const keySuggestionSchema = z.object({
  kind: z.literal('key'),
  type: z.string(),
  field: z.string(),
  count: z.number(),
  distinct: z.number(),
  examples: z.array(z.string()),
  sources: z.array(z.string()),
});

export const pathSuggestionSchema = z.object({
  kind: z.literal('path'),
  type: z.string(),
  template: z.string(),
  count: z.number(),
  distinct: z.number(),
  examples: z.array(z.string()),
  sources: z.array(z.string()),
});

export const stateSuggestionSchema = z.object({
  kind: z.literal('state'),
  type: z.string(),
  source: z.string(),
  field: z.string(),
  count: z.number(),
  changes: z.number(),
  examples: z.array(example),
});

export const entitySuggestionSchema = z.object({
  kind: z.literal('entity'),
  rule: z.object({ type: z.string(), keys: z.array(z.string()), paths: z.array(z.string()), state: z.array(z.string()) }),
  sources: z.array(z.string()),
});

export const profileSuggestionsSchema = z.object({
  sampled: z.array(z.object({ source: z.string(), events: z.number() })),
  identifiers: z.array(identifierSuggestionSchema),
  keys: z.array(keySuggestionSchema),
  paths: z.array(pathSuggestionSchema),
  state: z.array(stateSuggestionSchema),
  entities: z.array(entitySuggestionSchema),
});
export type ProfileSuggestions = z.infer<typeof profileSuggestionsSchema>;
export type KeySuggestion = z.infer<typeof keySuggestionSchema>;
export type PathSuggestion = z.infer<typeof pathSuggestionSchema>;
export type StateSuggestion = z.infer<typeof stateSuggestionSchema>;
export type EntitySuggestion = z.infer<typeof entitySuggestionSchema>;
/** The suggestions that are profile edits (identifiers are found without a profile). */
export type ApplicableSuggestion = KeySuggestion | PathSuggestion | StateSuggestion | EntitySuggestion;

// tsc fails here when the domain's suggestions no longer fit this schema's type (a contract drift).
export const _suggestionsDriftCheck = (s: DomainSuggestions): ProfileSuggestions => s;
