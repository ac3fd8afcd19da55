/** Incidents at the API boundary: the create body and the response shape. */
import { z } from 'zod';

export const createIncidentBodySchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200, 'name is at most 200 characters'),
});
export type CreateIncidentBody = z.infer<typeof createIncidentBodySchema>;

export const incidentDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Number of sources, any status. */
  sources: z.number().int(),
  /** Events of ready sources. */
  events: z.number().int(),
});
export type IncidentDto = z.infer<typeof incidentDtoSchema>;
