/**
 * Random, URL-safe ids for incidents and sources: base62 from crypto randomness, so ids are
 * unguessable in share links and never need escaping. 12 characters = 71 bits.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newId(length = 12): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
