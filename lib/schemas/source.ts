/** Sources at the API boundary: the upload query and the response shape. */
import { z } from 'zod';
import { locatorSchema } from './locator';

export const SOURCE_STATUSES = ['uploading', 'parsing', 'ready', 'failed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** A file's base name: what the source is called everywhere (spec section 1). */
export const sourceNameSchema = z
  .string()
  .transform((name) => name.split(/[\\/]/).pop()?.trim() ?? '')
  .pipe(z.string().min(1, 'a file name is required').max(255, 'the file name is at most 255 characters'));

/** `redact=0` (query or multipart field) turns redaction of secrets off for one upload; on by default. */
export const redactFlagSchema = z
  .enum(['0', '1', 'false', 'true', 'off', 'on', 'no', 'yes'], { error: 'redact is 0 or 1' })
  .transform((flag) => flag === '1' || flag === 'true' || flag === 'on' || flag === 'yes');

/** `POST /api/incidents/{id}/sources?name=FILE` with the raw bytes as the body (`&redact=0` to keep secrets). */
export const uploadQuerySchema = z.object({ name: sourceNameSchema.optional(), redact: redactFlagSchema.optional() });

export const diagnosticDtoSchema = z.object({
  locator: locatorSchema.nullable(),
  code: z.string(),
  message: z.string(),
});
export type DiagnosticDto = z.infer<typeof diagnosticDtoSchema>;

export const sourceDtoSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  name: z.string(),
  position: z.number().int(),
  format: z.string().nullable(),
  status: z.enum(SOURCE_STATUSES),
  error: z.string().nullable(),
  sizeBytes: z.number(),
  parsedBytes: z.number(),
  compressed: z.boolean(),
  sha256: z.string().nullable(),
  events: z.number().int(),
  unparsed: z.number().int(),
  firstTs: z.number().nullable(),
  lastTs: z.number().nullable(),
  firstTime: z.string().nullable(),
  lastTime: z.string().nullable(),
  services: z.array(z.string()),
  /** Secrets were redacted on upload (lib/domain/redact); false when the upload opted out. */
  redacted: z.boolean(),
  /** Values redacted per kind (`header`, `cookie`, `param`, `field`, `bearer`, `jwt`); `{}` when none. */
  redactions: z.record(z.string(), z.number().int()),
  diagnostics: z.array(diagnosticDtoSchema).optional(),
  createdAt: z.string(),
});
export type SourceDto = z.infer<typeof sourceDtoSchema>;
