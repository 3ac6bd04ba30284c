import { ChangeVendorTerms, RegisterVendor } from '../../../src/vendors/vendor.commands';
import { vendorDecider } from '../../../src/vendors/vendor.decider';
import type { VendorEvent, VendorProfile } from '../../../src/vendors/vendor.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';

const context = { actor: 'buyer', correlationId: 'c-1', causationId: 'r-1' };
const vendorId = 'v-1';
const profile: VendorProfile = {
  name: 'Nourison Rugs',
  leadTimeDays: 21,
  consolidation: 'daily',
  email: 'orders@nourison.example',
  phone: null,
};
const registered: VendorEvent = { type: 'VendorRegistered', data: { vendorId, ...profile } };

describe('vendor decider', () => {
  describe('RegisterVendor', () => {
    it('registers a new vendor with its profile', () => {
      expect(given(vendorDecider, []).when(new RegisterVendor(vendorId, profile, context))).toEqual(
        [registered],
      );
    });

    it('does nothing when the same registration is repeated', () => {
      expect(
        given(vendorDecider, [registered]).when(new RegisterVendor(vendorId, profile, context)),
      ).toEqual([]);
    });

    it('refuses to register the same vendor again with another profile', () => {
      const other = { ...profile, name: 'Someone Else' };
      expect(() =>
        given(vendorDecider, [registered]).when(new RegisterVendor(vendorId, other, context)),
      ).toThrow(expect.objectContaining({ rule: 'vendor-already-registered' }));
      expect(() =>
        given(vendorDecider, [registered]).when(new RegisterVendor(vendorId, other, context)),
      ).toThrow(BusinessRuleViolation);
    });
  });

  describe('ChangeVendorTerms', () => {
    it('records the new terms with the previous ones', () => {
      const events = given(vendorDecider, [registered]).when(
        new ChangeVendorTerms(vendorId, { consolidation: 'weekly' }, context),
      );
      expect(events).toEqual([
        {
          type: 'VendorTermsChanged',
          data: {
            vendorId,
            leadTimeDays: 21,
            consolidation: 'weekly',
            previous: { leadTimeDays: 21, consolidation: 'daily' },
          },
        },
      ]);
    });

    it('does nothing when the terms are already those', () => {
      expect(
        given(vendorDecider, [registered]).when(
          new ChangeVendorTerms(vendorId, { leadTimeDays: 21, consolidation: 'daily' }, context),
        ),
      ).toEqual([]);
    });

    it('applies terms changed earlier before deciding', () => {
      const changed: VendorEvent = {
        type: 'VendorTermsChanged',
        data: {
          vendorId,
          leadTimeDays: 30,
          consolidation: 'manual',
          previous: { leadTimeDays: 21, consolidation: 'daily' },
        },
      };
      expect(
        given(vendorDecider, [registered, changed]).when(
          new ChangeVendorTerms(vendorId, { leadTimeDays: 30 }, context),
        ),
      ).toEqual([]);
    });

    it('refuses terms for a vendor that was never registered', () => {
      expect(() =>
        given(vendorDecider, []).when(
          new ChangeVendorTerms(vendorId, { leadTimeDays: 3 }, context),
        ),
      ).toThrow(UnknownEntityError);
    });
  });
});
