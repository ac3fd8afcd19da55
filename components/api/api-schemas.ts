/**
 * The HTTP API's response shapes as the browser parses them. The DTO schemas are the API's own
 * (lib/schemas), so the UI and the routes share one contract; this file adds the envelopes
 * (`{ incidents }`, `{ sources }`, the error shape and the 422 upload answer) and the UI's
 * type names. Every response is parsed here, so a contract drift shows as one clear error
 * ("unexpected response from ...") instead of `undefined` deep in a table cell.
 */
import { z } from 'zod';
import { eventDtoSchema, eventFacetsDtoSchema, eventPageDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { diagnosticDtoSchema, sourceDtoSchema } from '@/lib/schemas/source';

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string(),
    issues: z.array(z.object({ path: z.unknown().optional(), message: z.string() })).optional(),
  }),
});

export const incidentSchema = incidentDtoSchema;
export type Incident = z.infer<typeof incidentSchema>;

/** `{ incidents: [...] }`; a bare array is accepted too, so the list survives either shape. */
export const incidentListSchema = z
  .union([z.object({ incidents: z.array(incidentSchema) }), z.array(incidentSchema)])
  .transform((body) => (Array.isArray(body) ? body : body.incidents));

export type SourceDiagnostic = z.infer<typeof diagnosticDtoSchema>;

export const sourceSchema = sourceDtoSchema;
export type Source = z.infer<typeof sourceSchema>;

export const sourceListSchema = z
  .union([z.object({ sources: z.array(sourceSchema) }), z.array(sourceSchema)])
  .transform((body) => (Array.isArray(body) ? body : body.sources));

/** A source that could not be ingested answers its error plus the stored (failed) source. */
export const failedUploadSchema = apiErrorBodySchema.extend({ source: sourceSchema.optional() });

export const eventSchema = eventDtoSchema;
export type EventRow = z.infer<typeof eventSchema>;
export type EventIdsView = EventRow['ids'];

export const eventPageSchema = eventPageDtoSchema;

export const facetsSchema = eventFacetsDtoSchema;
export type Facets = z.infer<typeof facetsSchema>;
