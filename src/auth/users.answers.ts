import { answer } from '../shared/http/api-answer';
import { userExample } from '../shared/http/answer-fragments';

/**
 * What the routes of users.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const USERS_ANSWERS = {
  /** POST /users (201) */
  create: answer({
    id: '06a080aa-9da7-5350-acc3-5ac44b4687aa',
    username: 'carol',
    oneTimePassword: '6Hxki6Wuc6UKr66nfDR4',
  }),
  /** GET /users (200) */
  list: answer(
    {
      items: [userExample],
      nextCursor: null,
    },
    ['items[].lastLoginAt', 'nextCursor'],
  ),
  /** GET /users/:id (200) */
  get: answer(userExample, ['lastLoginAt']),
  /** PUT /users/:id/roles (200) */
  changeRoles: answer({
    id: '06a080aa-9da7-5350-acc3-5ac44b4687aa',
    changed: true,
  }),
  /** POST /users/:id/disable (200) */
  disable: answer({
    id: '06a080aa-9da7-5350-acc3-5ac44b4687aa',
    changed: true,
  }),
  /** POST /users/:id/enable (200) */
  enable: answer({
    id: '06a080aa-9da7-5350-acc3-5ac44b4687aa',
    changed: true,
  }),
  /** POST /users/:id/reset-password (200) */
  resetPassword: answer({
    id: '5673e735-1c40-534e-8bbe-14c1c6a4cf3c',
    oneTimePassword: 'kYcoHqb-c_Y1YX2dQ3sb',
  }),
};
