/** Refused before anything was written; the message says the way out. */
export class SeedRefused extends Error {
  override readonly name = 'SeedRefused';
}
