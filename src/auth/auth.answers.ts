import { answer } from '../shared/http/api-answer';

/**
 * What the routes of auth.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const AUTH_ANSWERS = {
  /** POST /auth/login (200) */
  login: answer({
    tokenType: 'Bearer',
    accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    expiresIn: 900,
    refreshToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    passwordChangeRequired: true,
    roles: ['admin'],
  }),
  /** POST /auth/refresh (200) */
  refresh: answer({
    tokenType: 'Bearer',
    accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    expiresIn: 900,
    refreshToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    passwordChangeRequired: false,
    roles: ['receiving'],
  }),
  /** POST /auth/password (200) */
  changePassword: answer({
    tokenType: 'Bearer',
    accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    expiresIn: 900,
    refreshToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWlkIn0.c2lnbmF0dXJl',
    passwordChangeRequired: false,
    roles: ['admin'],
  }),
  /** GET /auth/me (200) */
  me: answer({
    kind: 'user',
    id: 'cb4cd391-a5fa-5f68-83e7-1f3d3fbbbef9',
    actor: 'admin',
    roles: ['admin'],
    mustChangePassword: true,
  }),
};
