/**
 * A business rule said no (HTTP 422). `rule` is a stable kebab-case name clients can act on;
 * the message explains it to a person.
 */
export class BusinessRuleViolation extends Error {
  override readonly name = 'BusinessRuleViolation';

  constructor(
    readonly rule: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The command names something that does not exist (HTTP 404). */
export class UnknownEntityError extends Error {
  override readonly name = 'UnknownEntityError';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}
