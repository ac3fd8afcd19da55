/**
 * The ONE translation of errors to HTTP: `{ "error": { "code", "message", "issues"? } }`.
 * Application errors keep their status and message; anything else is a 500 whose cause is
 * logged here and never shown to the client.
 */
import { ZodError } from 'zod';
import { AppError, type Issue, ValidationError } from '../errors';
import { issuesFromZod } from './zod-issues';

export interface ErrorBody {
  error: { code: string; message: string; issues?: Issue[] };
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error instanceof ValidationError && error.issues.length > 0) body.error.issues = error.issues;
  return body;
}

export function errorToResponse(error: unknown, extra: Record<string, unknown> = {}): Response {
  if (error instanceof ZodError) error = new ValidationError('invalid request', issuesFromZod(error));
  if (error instanceof AppError) return Response.json({ ...errorBody(error), ...extra }, { status: error.status });
  console.error('[witness] unexpected error while handling a request:', error);
  const body: ErrorBody = { error: { code: 'internal', message: 'internal server error' } };
  return Response.json(body, { status: 500 });
}
