import type { ChainSource } from './chain-source';
import { LogVerifier, type VerificationReport } from './log-verifier';

export interface VerifyLogOptions {
  readonly signingKey: string | null;
  readonly digestEvery: number | null;
  readonly pageSize?: number;
  /** Called after each page: events verified so far, of about `total`. */
  readonly onProgress?: (verified: number, total: number) => void;
}

/** Reads a whole log through the verifier; yields to the event loop between pages. */
export async function verifyLog(
  source: ChainSource,
  options: VerifyLogOptions,
): Promise<VerificationReport> {
  const [total, digests] = await Promise.all([source.count(), source.digests()]);
  const verifier = new LogVerifier({
    digests: source.densePositions ? digests : [],
    signingKey: options.signingKey,
    digestEvery: source.densePositions ? options.digestEvery : null,
    densePositions: source.densePositions,
  });
  let verified = 0;
  options.onProgress?.(0, total);
  for await (const page of source.pages(options.pageSize ?? 10_000)) {
    for (const row of page) verifier.add(row);
    verified += page.length;
    options.onProgress?.(verified, Math.max(total, verified));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return verifier.finish();
}
