/** `GET /api/incidents/{id}/report?align=0`: alignment on unless switched off (the CLI's --no-align). */
import { z } from 'zod';

export const reportQuerySchema = z.object({
  align: z
    .enum(['0', '1', 'false', 'true'], 'align is 0 or 1')
    .optional()
    .transform((value) => value !== '0' && value !== 'false'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
