/**
 * Ids as they appear in URLs. Incident and source ids are random base62 strings
 * (lib/server/ids.ts); anything else cannot name a stored row, so it is a 404-worthy shape error.
 */
import { z } from 'zod';

export const idSchema = z.string().regex(/^[0-9A-Za-z]{8,32}$/, 'not a Witness id');

export const incidentParamsSchema = z.object({ id: idSchema });
export const sourceParamsSchema = z.object({ id: idSchema });
