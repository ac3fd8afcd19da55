/** zod issues as our `{ path, message }` issues: paths joined with dots (`events.0.ts`). */
import type { ZodError } from 'zod';
import type { Issue } from '../errors';

export function issuesFromZod(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
