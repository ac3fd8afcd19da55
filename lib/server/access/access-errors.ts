/**
 * Access errors in the app's error vocabulary (lib/server/errors.ts), so they leave through the
 * one translation to HTTP (`{ error: { code, message } }`) like every other error.
 */
import { AppError } from '../errors';

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized';
  readonly status = 401;
  constructor(message = 'Sign in to use this workspace.') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/**
 * The one answer for every share link that does not work (unknown, revoked, expired, or asking
 * for something outside its scope): one status and one body, so the answer says nothing about
 * which links exist.
 */
export class ShareNotFoundError extends AppError {
  readonly code = 'not_found';
  readonly status = 404;
  constructor() {
    super('This link does not exist, has expired or was revoked.');
    this.name = 'ShareNotFoundError';
  }
}

/** Too many failed sign-ins (sign-in-throttle.ts): try again after `retryAfterSeconds`. */
export class TooManySignInsError extends AppError {
  readonly code = 'too_many_attempts';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} min.`);
    this.name = 'TooManySignInsError';
  }
}
