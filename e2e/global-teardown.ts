/**
 * Removes the run's throwaway database and blobs (playwright.config.ts). WITNESS_E2E_KEEP=1
 * keeps them for a post-mortem of a failed run.
 */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.WITNESS_E2E_DIR;
  if (!dir || process.env.WITNESS_E2E_KEEP === '1') return;
  rmSync(dir, { recursive: true, force: true });
}
