import { SetMetadata } from '@nestjs/common';

export const ANSWERS_WITH_SECRETS = 'http:answers-with-secrets';

/**
 * The answer holds a secret (a token, a one-time password, an API key): it is never recorded in
 * the log to replay a retry, so such a route ignores Idempotency-Key.
 */
export const AnswersWithSecrets = () => SetMetadata(ANSWERS_WITH_SECRETS, true);
