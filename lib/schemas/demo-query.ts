/** `POST /api/demo?fresh=1`: make a new demo incident even when one exists. */
import { z } from 'zod';

export const demoQuerySchema = z.object({
  fresh: z
    .enum(['0', '1', 'false', 'true'], 'fresh is 0 or 1')
    .optional()
    .transform((value) => value === '1' || value === 'true'),
});
