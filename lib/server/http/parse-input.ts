/**
 * Parse `unknown` input at the HTTP boundary with a named zod schema; failures become a
 * ValidationError whose issues say where (prefixed with `params`, `query` or `body`).
 */
import type { z } from 'zod';
import { ValidationError } from '../errors';
import { issuesFromZod } from './zod-issues';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'params' | 'query' | 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue) => ({ ...issue, path: issue.path ? `${where}.${issue.path}` : where }));
  throw new ValidationError(`invalid ${where}`, issues);
}

/** Query string to an object: repeated keys become arrays, so schemas decide single vs many. */
export function queryObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(url).searchParams) {
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new ValidationError('the request body is not valid JSON', [{ path: 'body', message: 'expected a JSON document' }]);
  }
}
