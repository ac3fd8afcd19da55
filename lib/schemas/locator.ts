/** Where a record came from inside its source (lib/domain/event.ts Locator). */
import { z } from 'zod';

export const locatorSchema = z.union([
  z.object({ line: z.number().int() }),
  z.object({ index: z.number().int() }),
  z.object({ spanId: z.string() }),
]);
