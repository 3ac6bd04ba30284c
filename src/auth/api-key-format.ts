import { createHash, randomBytes, randomUUID } from 'node:crypto';

const PREFIX = 'blk';
const FORMAT = /^blk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** A new key: `blk_<id>_<secret>`. The id finds its stream; only the secret's hash is kept. */
export function newApiKey(): { keyId: string; key: string; secretHash: string } {
  const keyId = randomUUID().replaceAll('-', '');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${PREFIX}_${keyId}_${secret}`, secretHash: secretHash(secret) };
}

export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const match = FORMAT.exec(key.trim());
  return match ? { keyId: match[1], secret: match[2] } : null;
}

/** A plain sha256 suffices: the secret is 256 random bits, not a guessable password. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
