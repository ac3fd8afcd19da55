/**
 * process.env, parsed once. Every setting has a default that works on a laptop, so
 * `npm run dev` needs no .env file.
 */
import { z } from 'zod';

export const envSchema = z.object({
  /** `file:./data/witness.db` (SQLite, relative to the working directory) or `postgresql://...`. */
  DATABASE_URL: z
    .string()
    .min(1)
    .default('file:./data/witness.db')
    .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), 'expected file:PATH or postgresql://...'),
  /** Where original uploads are kept, byte for byte. */
  BLOB_DIR: z.string().min(1).default('./data/blobs'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  return result.data;
}
