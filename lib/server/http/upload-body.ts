/**
 * The uploaded file of `POST /api/incidents/{id}/sources`, as a stream, never buffered:
 * - `multipart/form-data` with a `file` field (what a browser form or `curl -F file=@x` sends),
 *   parsed incrementally by busboy (`request.formData()` would hold the whole file in memory);
 * - any other content type: the body is the file, named by `?name=FILE`.
 *
 * `redact=0` turns redaction of secrets off for this upload: as `?redact=0`, or as a multipart
 * field `redact` sent before the file (the file is streamed as soon as it starts, so a field
 * after it is not seen; the browser upload sends it first).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { redactFlagSchema, sourceNameSchema, uploadQuerySchema } from '@/lib/schemas/source';
import type { ByteSource } from '../blob-store';
import { ValidationError } from '../errors';
import { parseInput, queryObject } from './parse-input';

export interface UploadBody {
  name: string;
  body: ByteSource;
  expectedBytes?: number;
  /** Redact secrets (default true). */
  redact: boolean;
}

const FILE_FIELD = 'file';
const REDACT_FIELD = 'redact';

export async function uploadBody(request: Request): Promise<UploadBody> {
  if (!request.body) throw new ValidationError('no file: the request has no body', [{ path: 'body', message: 'expected the file' }]);
  const contentType = request.headers.get('content-type') ?? '';
  const query = parseInput(uploadQuerySchema, queryObject(request.url), 'query');
  const redact = query.redact ?? true;
  if (/^multipart\/form-data/i.test(contentType)) return multipartFile(request.body, contentType, redact);
  const { name } = query;
  if (!name) throw new ValidationError('name the file: ?name=FILE, or send multipart/form-data with a `file` field', [{ path: 'query.name', message: 'required for a raw body' }]);
  const length = request.headers.get('content-length');
  return { name, body: request.body, redact, ...(length !== null && /^\d+$/.test(length) ? { expectedBytes: Number(length) } : {}) };
}

function multipartFile(body: ReadableStream<Uint8Array>, contentType: string, redactByQuery: boolean): Promise<UploadBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1 } });
    } catch (error) {
      reject(new ValidationError(`invalid multipart request: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    let found = false;
    let redact = redactByQuery;
    let invalid: ValidationError | null = null;
    parser.on('field', (field, value) => {
      if (field !== REDACT_FIELD || found) return;
      const flag = redactFlagSchema.safeParse(value);
      if (flag.success) redact = flag.data;
      else invalid = new ValidationError('redact is 0 or 1', [{ path: `body.${REDACT_FIELD}`, message: 'expected 0 or 1' }]);
    });
    parser.on('file', (field, stream, info) => {
      if (field !== FILE_FIELD || found) {
        stream.resume(); // drain parts we do not want, or busboy stalls
        return;
      }
      found = true;
      if (invalid) {
        stream.resume();
        reject(invalid);
        return;
      }
      const name = sourceNameSchema.safeParse(info.filename ?? '');
      if (!name.success) {
        stream.resume();
        reject(new ValidationError('the uploaded file has no name', [{ path: 'body.file', message: 'a file name is required' }]));
        return;
      }
      // The body may break before ingest starts reading (it creates the source row first): without
      // a listener that error would be uncaught; ingest still sees the stream errored and fails it.
      stream.on('error', () => {});
      resolve({ name: name.data, body: stream, redact });
    });
    parser.on('close', () => {
      if (!found) reject(new ValidationError('no file in the form', [{ path: `body.${FILE_FIELD}`, message: 'expected a `file` field' }]));
    });
    // A broken request body destroys busboy, which errors the file stream being read: the
    // ingest sees an interrupted upload. Before the file started, this rejects instead.
    pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), parser).catch((error: unknown) => {
      if (!found) reject(new ValidationError(`invalid multipart request: ${error instanceof Error ? error.message : String(error)}`));
    });
  });
}
