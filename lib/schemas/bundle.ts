/**
 * The incident bundle (issue 5): one JSON document holding everything another Witness needs to
 * rebuild an incident: the sources' stored bytes (base64; redacted if they were redacted on
 * upload), the profile (which holds the manual clock offsets), the annotations with their whole
 * history, the postmortem and the findings marked part of the story.
 *
 * Database ids do not travel: an event is named by its source's place in `sources` and its
 * record position (`seq`), which re-ingesting the same bytes reproduces.
 */
import { z } from 'zod';
import { annotationKindSchema } from './annotation';

export const BUNDLE_FORMAT = 'witness-bundle';
export const BUNDLE_VERSION = 1;

export const bundleEventRefSchema = z.object({ source: z.number().int().min(0), seq: z.number().int().min(0) });
export type BundleEventRef = z.infer<typeof bundleEventRefSchema>;

const bundleTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: bundleEventRefSchema }),
  z.object({ type: z.literal('state'), entity: z.string().min(1), field: z.string().min(1), at: z.number() }),
  z.object({ type: z.literal('range'), from: z.number(), to: z.number() }),
]);
export type BundleTarget = z.infer<typeof bundleTargetSchema>;

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  incident: z.object({ name: z.string().min(1).max(200) }),
  /** The profile as its JSON text, or null. */
  profile: z.string().nullable(),
  sources: z.array(
    z.object({
      name: z.string().min(1),
      sha256: z.string().nullable(),
      redacted: z.boolean(),
      redactions: z.record(z.string(), z.number()),
      /** The stored bytes, base64. */
      bytes: z.string(),
    }),
  ),
  annotations: z.array(
    z.object({
      kind: annotationKindSchema,
      target: bundleTargetSchema,
      body: z.string(),
      author: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      deletedAt: z.string().nullable(),
      revisions: z.array(z.object({ action: z.string(), kind: annotationKindSchema, body: z.string(), editor: z.string(), createdAt: z.string() })),
    }),
  ),
  postmortem: z.object({ title: z.string(), summary: z.string(), impact: z.string(), updatedBy: z.string() }).nullable(),
  story: z.array(z.object({ kind: z.string(), event: bundleEventRefSchema, addedBy: z.string() })),
});
export type Bundle = z.infer<typeof bundleSchema>;
