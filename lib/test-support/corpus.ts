/**
 * The shared corpus of real third-party evidence files (../shared/corpus beside the repo, see its
 * MANIFEST.md). Tests read it in place at test time; nothing from it is copied into the repo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(process.env.WITNESS_CORPUS_DIR ?? path.join(process.cwd(), '..', 'shared', 'corpus'));

export function corpusPath(relative: string): string {
  return path.join(CORPUS_DIR, relative);
}

export function readCorpusText(relative: string): string {
  return readFileSync(corpusPath(relative), 'utf8');
}

/** The files of one corpus directory (e.g. `har`), as paths relative to the corpus. */
export function listCorpusDir(relative: string): string[] {
  return readdirSync(corpusPath(relative))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => `${relative}/${name}`);
}
