/**
 * What a person may do, by job. `auditor` reads everything and can never write; `admin` manages
 * users, roles and API keys. A user may hold several roles, except that an auditor holds no other.
 */
export const ROLES = [
  'sales',
  'purchasing',
  'receiving',
  'accounting',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** The roles a write route may be granted to: never `auditor`. */
export type WritingRole = Exclude<Role, 'auditor'>;
