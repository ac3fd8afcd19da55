/**
 * The application's error vocabulary. Library code throws these; `errorToResponse`
 * (lib/server/http/error-response.ts) is the one place they become HTTP.
 *
 * Each error carries a stable machine-readable `code` (what clients branch on) and an HTTP
 * status; the message is for people and names the thing that was wrong.
 */
export interface Issue {
  /** Where in the input, e.g. `name` or `query.limit`. */
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  readonly code = 'conflict';
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large';
  readonly status = 413;
  constructor(message: string) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * Evidence that was received but cannot be ingested (empty, binary, unknown format, unreadable
 * as its format). The source is kept, failed, with this message as its error.
 */
export class UnprocessableEvidenceError extends AppError {
  readonly code = 'unprocessable_evidence';
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEvidenceError';
  }
}

/**
 * An analysis that would need more memory than this server gives analyses
 * (lib/server/analysis/analysis-memory.ts). 422: asking again does not help until the evidence or
 * the server's memory changes.
 */
export class AnalysisTooLargeError extends AppError {
  readonly code = 'analysis_too_large';
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisTooLargeError';
  }
}

/** The upload stopped before all its bytes arrived (client gone, stream error, abort). */
export class UploadInterruptedError extends AppError {
  readonly code = 'upload_interrupted';
  // 400: the request was incomplete. The client has usually gone and never reads it.
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UploadInterruptedError';
  }
}
