/**
 * The analysis profile (spec section 5): how entities, state, effects and invariants are read
 * from the evidence. Given to the command line with `--profile FILE`, saved with an incident.
 */
import { z } from 'zod';

const fieldName = z.string().min(1);

export const entityRuleSchema = z
  .object({
    type: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'an entity type is a word such as "item" or "order"'),
    keys: z.array(fieldName).default([]),
    paths: z.array(z.string().startsWith('/', 'a path template starts with "/", e.g. "/api/items/:id"')).default([]),
    state: z.array(fieldName).min(1, 'name at least one state field'),
    scope: z.array(fieldName).default([]),
    stages: z.record(fieldName, z.array(z.union([z.string(), z.number(), z.boolean()])).min(2)).default({}),
    owner: z.string().min(1).optional(),
  })
  .strict()
  .refine((rule) => rule.keys.length > 0 || rule.paths.length > 0, {
    message: 'an entity needs "keys" or "paths" to find its id',
    path: ['keys'],
  });

export const effectRuleSchema = z
  .object({
    name: z.string().min(1),
    match: z.record(fieldName, z.union([z.string(), z.number(), z.boolean()])),
    sameWhen: z.array(fieldName).min(1),
  })
  .strict();

const uniqueInvariant = z
  .object({
    name: z.string().min(1),
    kind: z.literal('unique'),
    entity: z.string().min(1),
    field: fieldName,
    equals: z.union([z.string(), z.number(), z.boolean()]),
    per: fieldName.optional(),
  })
  .strict();

const rangeInvariant = z
  .object({
    name: z.string().min(1),
    kind: z.literal('range'),
    entity: z.string().min(1),
    field: fieldName,
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((rule) => rule.min !== undefined || rule.max !== undefined, { message: 'a range needs "min" or "max"', path: ['min'] });

export const invariantSchema = z.union([uniqueInvariant, rangeInvariant]);

export const profileSchema = z
  .object({
    entities: z.array(entityRuleSchema).default([]),
    effects: z.array(effectRuleSchema).default([]),
    invariants: z.array(invariantSchema).default([]),
    toleranceMs: z.number().nonnegative().default(1000),
    offsets: z.record(z.string().min(1), z.number()).default({}),
  })
  .strict();

export type AnalysisProfile = z.infer<typeof profileSchema>;
export type EntityRule = z.infer<typeof entityRuleSchema>;
export type EffectRule = z.infer<typeof effectRuleSchema>;
export type Invariant = z.infer<typeof invariantSchema>;

/** zod issues as `path: message` lines, the form error messages and the UI show. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}
