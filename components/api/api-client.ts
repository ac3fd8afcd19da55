/**
 * Browser-side calls to the Witness HTTP API: one place that turns a response into either
 * parsed data or an ApiError carrying the server's own message, so every view can show the user
 * what went wrong ("Incident not found", "name: required") instead of a bare status code.
 */
import type { z } from 'zod';
import { apiErrorBodySchema } from './api-schemas';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** The parsed response body, for callers that expect extra fields on errors (422 uploads). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads the error shape `{ error: { code, message, issues } }`, falling back to the status text. */
export function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const parsed = apiErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(`Request failed: ${status} ${statusText}`.trim(), status, null, body);
  }
  const { message, code, issues } = parsed.data.error;
  const details = issues?.map((issue) => issue.message).join('; ');
  return new ApiError(details ? `${message} (${details})` : message, status, code ?? null, body);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Fetches `url` and parses the JSON body with `schema`; throws ApiError on HTTP or shape errors. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('Cannot reach the Witness server. Is it running?', 0, 'network');
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, response.statusText, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(`Unexpected response from ${new URL(url, 'http://x').pathname}`, response.status, 'bad-response', body);
  }
  return parsed.data;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
