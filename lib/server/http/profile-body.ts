/**
 * The body of `PUT /api/incidents/{id}/profile`: a profile document, or `null` to clear it.
 * Invalid profiles are a ValidationError whose issues name paths inside the profile
 * (`entities.0.state`, `(root)` for the document itself), not prefixed with `body`.
 */
import { profileSchema } from '@/lib/schemas/profile';
import type { ProfileDocument } from '@/lib/schemas/profile-api';
import { ValidationError } from '../errors';
import { jsonBody } from './parse-input';
import { issuesFromZod } from './zod-issues';

export async function profileBody(request: Request): Promise<ProfileDocument | null> {
  const body = await jsonBody(request);
  if (body === null) return null;
  const parsed = profileSchema.safeParse(body);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({ ...issue, path: issue.path || '(root)' }));
    throw new ValidationError('invalid profile', issues);
  }
  // Stored as written: the parse only proves it valid (its output would fill the defaults in).
  return body as ProfileDocument;
}
