import { IssueApiKey, RevokeApiKey } from '../../../src/auth/api-key.commands';
import { apiKeyDecider } from '../../../src/auth/api-key.decider';
import type { ApiKeyEvent } from '../../../src/auth/api-key.events';
import type { Role } from '../../../src/auth/roles';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';
import { context } from '../../support/domain-fixtures';

const keyId = '0123456789abcdef0123456789abcdef';
const issued: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: { keyId, name: 'web-shop-sync', roles: ['sales'], secretHash: 'hash-1' },
};
const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { keyId, reason: 'leaked' } };

const issue = (roles: readonly Role[] = ['sales']) =>
  new IssueApiKey(keyId, 'web-shop-sync', roles, 'hash-1', context);

function refusal(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error.rule;
    throw error;
  }
  throw new Error('the command was not refused');
}

describe('API key decider', () => {
  describe('IssueApiKey', () => {
    it('issues a key with its name, roles and the hash of its secret', () => {
      expect(given(apiKeyDecider, []).when(issue())).toEqual([issued]);
    });

    it('keeps each role once, in one order', () => {
      const [event] = given(apiKeyDecider, []).when(issue(['sales', 'receiving', 'sales']));
      expect(event).toMatchObject({ data: { roles: ['receiving', 'sales'] } });
    });

    it('refuses a key id already issued, also once it is revoked', () => {
      expect(refusal(() => given(apiKeyDecider, [issued]).when(issue()))).toBe('api-key-exists');
      expect(refusal(() => given(apiKeyDecider, [issued, revoked]).when(issue()))).toBe(
        'api-key-exists',
      );
    });

    it('refuses a key without a role, and an auditor key with a writing role', () => {
      expect(refusal(() => given(apiKeyDecider, []).when(issue([])))).toBe('user-needs-a-role');
      expect(refusal(() => given(apiKeyDecider, []).when(issue(['auditor', 'admin'])))).toBe(
        'auditor-is-read-only',
      );
    });
  });

  describe('RevokeApiKey', () => {
    it('revokes an active key with the reason', () => {
      expect(
        given(apiKeyDecider, [issued]).when(new RevokeApiKey(keyId, 'leaked', context)),
      ).toEqual([revoked]);
    });

    it('does nothing when the key is already revoked', () => {
      expect(
        given(apiKeyDecider, [issued, revoked]).when(new RevokeApiKey(keyId, 'again', context)),
      ).toEqual([]);
    });

    it('refuses an unknown key', () => {
      expect(() =>
        given(apiKeyDecider, []).when(new RevokeApiKey(keyId, 'leaked', context)),
      ).toThrow(UnknownEntityError);
    });
  });

  it('keeps what a revoked key was, so it is known and refused rather than unknown', () => {
    expect(given(apiKeyDecider, [issued, revoked]).state).toEqual({
      status: 'revoked',
      ...issued.data,
    });
  });
});
