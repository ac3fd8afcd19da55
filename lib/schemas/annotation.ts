/**
 * Annotations and the postmortem at the API boundary (issue 5): one contract for the routes and
 * the browser.
 *
 *   GET  /api/incidents/{id}/annotations[?deleted=1]        -> { annotations: AnnotationDto[] }
 *   POST /api/incidents/{id}/annotations   createAnnotationBodySchema -> 201 AnnotationDto
 *   PATCH  /api/incidents/{id}/annotations/{annotationId}  updateAnnotationBodySchema -> AnnotationDto
 *   DELETE /api/incidents/{id}/annotations/{annotationId}  -> AnnotationDto (deletedAt set; a revision kept)
 *   POST /api/incidents/{id}/annotations/{annotationId}/restore -> AnnotationDto
 *   GET  /api/incidents/{id}/annotations/{annotationId}/revisions -> { revisions: AnnotationRevisionDto[] }
 *   GET/PUT /api/incidents/{id}/postmortem                 -> PostmortemDto / putPostmortemBodySchema
 *   PUT/DELETE /api/incidents/{id}/story/{kind}/{eventId}  -> the finding in or out of the story (PostmortemDto)
 *   GET  /api/incidents/{id}/postmortem/narrative          -> NarrativeDto (annotations + story findings with evidence)
 *   GET /api/incidents/{id}/postmortem.md                  -> text/markdown export
 *   GET /api/incidents/{id}/bundle                         -> the incident as a JSON bundle
 *   POST /api/incidents/import                             -> 201 the imported incident
 *
 * Times in targets are aligned ms since the epoch (the investigation's `at`).
 */
import { z } from 'zod';
import { idSchema } from './ids';

export const ANNOTATION_KINDS = ['trigger', 'detection', 'diagnosis', 'repair', 'key_moment', 'note'] as const;
export const annotationKindSchema = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof annotationKindSchema>;

export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = {
  trigger: 'trigger',
  detection: 'detection',
  diagnosis: 'diagnosis',
  repair: 'repair',
  key_moment: 'key moment',
  note: 'note',
};

export const MAX_ANNOTATION_BODY = 20_000;
export const MAX_NAME = 100;

export const annotationTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), eventId: z.number().int().positive() }),
  z.object({ type: z.literal('state'), entity: z.string().min(1).max(300), field: z.string().min(1).max(200), at: z.number().finite() }),
  z
    .object({ type: z.literal('range'), from: z.number().finite(), to: z.number().finite() })
    .refine((r) => r.to >= r.from, { message: 'a range ends at or after its start', path: ['to'] }),
]);
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

export const annotationDtoSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: annotationKindSchema,
  target: annotationTargetSchema,
  /** Markdown, shown rendered as inert text (never HTML). */
  body: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Edits and deletes so far (the creation is not counted). */
  changes: z.number().int(),
});
export type AnnotationDto = z.infer<typeof annotationDtoSchema>;

export const annotationListDtoSchema = z.object({ annotations: z.array(annotationDtoSchema) });

export const annotationRevisionDtoSchema = z.object({
  action: z.enum(['created', 'edited', 'deleted', 'restored']),
  kind: annotationKindSchema,
  body: z.string(),
  editor: z.string(),
  createdAt: z.string(),
});
export type AnnotationRevisionDto = z.infer<typeof annotationRevisionDtoSchema>;

/**
 * `author`: who is writing, when the workspace has no sign-in (the UI asks once and remembers);
 * with sign-in configured the session's name is used instead and this is ignored.
 */
const authorField = z.string().trim().min(1).max(MAX_NAME).optional();

export const createAnnotationBodySchema = z.object({
  kind: annotationKindSchema,
  target: annotationTargetSchema,
  body: z.string().trim().min(1, 'write something').max(MAX_ANNOTATION_BODY),
  author: authorField,
});

export const updateAnnotationBodySchema = z
  .object({ kind: annotationKindSchema.optional(), body: z.string().trim().min(1, 'write something').max(MAX_ANNOTATION_BODY).optional(), author: authorField })
  .refine((b) => b.kind !== undefined || b.body !== undefined, { message: 'change the kind or the body' });

export const storyKeySchema = z.object({ kind: z.string().min(1).max(40), eventId: z.coerce.number().int().positive() });

export const postmortemDtoSchema = z.object({
  title: z.string(),
  summary: z.string(),
  impact: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string().nullable(),
  /** Findings marked as part of the story, by kind and triggering event. */
  story: z.array(z.object({ kind: z.string(), eventId: z.number().int() })),
});
export type PostmortemDto = z.infer<typeof postmortemDtoSchema>;

export const putPostmortemBodySchema = z.object({
  title: z.string().max(300),
  summary: z.string().max(MAX_ANNOTATION_BODY),
  impact: z.string().max(MAX_ANNOTATION_BODY),
  author: authorField,
});

/** Route params and the listing's query (added with the routes). */
export const annotationParamsSchema = z.object({ id: idSchema, annotationId: idSchema });
export const annotationListQuerySchema = z.object({ deleted: z.enum(['0', '1']).default('0').transform((v) => v === '1') });
export const storyParamsSchema = storyKeySchema.extend({ id: idSchema });

/** A witness's value of one entity field at one moment (the entity view's row at or before it). */
export const narrativeWitnessValueSchema = z.object({
  label: z.string(),
  owner: z.boolean(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** False before the witness's first observation of the field. */
  held: z.boolean(),
  disagrees: z.boolean(),
});

export const narrativeEvidenceSchema = z.object({
  /** The event(s) behind the item, raw lines as written. */
  events: z.array(z.object({ id: z.number().int(), source: z.string(), at: z.number().nullable(), raw: z.string() })),
  /** For state targets and findings naming an entity field: what each witness held then. */
  witnesses: z
    .object({ entity: z.string(), field: z.string(), at: z.number(), values: z.array(narrativeWitnessValueSchema) })
    .nullable(),
});
export type NarrativeEvidence = z.infer<typeof narrativeEvidenceSchema>;

export const narrativeFindingSchema = z.object({
  kind: z.string(),
  eventId: z.number().int(),
  summary: z.string(),
  entity: z.string().nullable(),
  field: z.string().nullable(),
});

/**
 * One narrative item: an annotation (not deleted) or a finding marked part of the story, at its
 * aligned time (null: an event annotation whose event is no longer in the analysis; listed last).
 */
export const narrativeItemSchema = z.object({
  at: z.number().nullable(),
  annotation: annotationDtoSchema.nullable(),
  finding: narrativeFindingSchema.nullable(),
  evidence: narrativeEvidenceSchema,
});
export type NarrativeItem = z.infer<typeof narrativeItemSchema>;

/** `GET /api/incidents/{id}/postmortem/narrative`: the story in aligned time, one request. */
export const narrativeDtoSchema = z.object({ items: z.array(narrativeItemSchema) });
export type NarrativeDto = z.infer<typeof narrativeDtoSchema>;

export const annotationRevisionListDtoSchema = z.object({ revisions: z.array(annotationRevisionDtoSchema) });
