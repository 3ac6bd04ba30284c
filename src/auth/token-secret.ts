import { keptSecret } from '../shared/config/kept-secret';

/**
 * The key that signs tokens: AUTH_TOKEN_SECRET when set (several servers must share it),
 * otherwise a random one made on first start and kept, readable by the owner only, under the
 * data folder, so tokens outlive a restart.
 */
export function tokenSecret(configured: string | null, dataDir: string): string {
  return keptSecret(configured, dataDir, 'auth-secret');
}
