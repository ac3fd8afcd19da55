/**
 * Validates the profile editor's text the way the server will: JSON first (with line and column),
 * then the zod profileSchema, each issue as `path: message` (`entities.0.state: name at least
 * one state field`). Pure, so the editor can run it on every keystroke.
 */
import { describeIssues, profileSchema } from '@/lib/schemas/profile';
import { findJsonSyntaxError } from './json-syntax';

export type ProfileCheck =
  | { ok: true; json: unknown }
  | { ok: false; kind: 'syntax'; issues: string[]; offset: number }
  | { ok: false; kind: 'schema'; issues: string[] };

export function checkProfileText(text: string): ProfileCheck {
  const syntax = findJsonSyntaxError(text);
  if (syntax) {
    return { ok: false, kind: 'syntax', issues: [`JSON syntax, line ${syntax.line}, column ${syntax.column}: ${syntax.message}`], offset: syntax.offset };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The scanner and JSON.parse agree on valid JSON; this is a belt for an engine's oddity.
    return { ok: false, kind: 'syntax', issues: [`JSON syntax: ${error instanceof Error ? error.message : String(error)}`], offset: 0 };
  }
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, kind: 'schema', issues: describeIssues(parsed.error) };
  return { ok: true, json };
}

/** The editor's text for a profile: two-space JSON, the way people write it by hand. */
export function profileToText(profile: unknown): string {
  return `${JSON.stringify(profile ?? {}, null, 2)}\n`;
}
