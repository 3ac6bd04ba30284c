import { SetMetadata } from '@nestjs/common';
import type { WritingRole } from './roles';

export const PUBLIC_ROUTE = 'access:public';
export const ALLOWED_ROLES = 'access:roles';
export const ANY_SIGNED_IN = 'access:signed-in';
export const LOGIN_ROUTE = 'access:login';
export const VERIFICATION_ROUTE = 'access:verification';

/** Open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Open to users holding one of these roles. Reads (GET) are also open to auditors, and no
 * route can be granted to the auditor role for writing. A route with no such mark is closed.
 */
export const Allow = (...roles: WritingRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Open to anyone signed in, even with a one-time password still to replace. */
export const SignedIn = () => SetMetadata(ANY_SIGNED_IN, true);

/** The sign-in route: throttled per username and address rather than as a write. */
export const LoginRoute = () => SetMetadata(LOGIN_ROUTE, true);

/**
 * A POST that appends nothing and only recomputes from the log (a replay, a verification):
 * auditors may run it besides the roles the route allows.
 */
export const Verification = () => SetMetadata(VERIFICATION_ROUTE, true);
