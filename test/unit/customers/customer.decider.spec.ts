import {
  ChangeCustomerDetails,
  RecordTaxExemption,
  RegisterCustomer,
  RevokeTaxExemption,
} from '../../../src/customers/customer.commands';
import { customerDecider } from '../../../src/customers/customer.decider';
import type { CustomerDetails, CustomerEvent } from '../../../src/customers/customer.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';
import { context } from '../../support/domain-fixtures';

const customerId = 'cust-1';
const details: CustomerDetails = {
  name: 'Ada Lovelace',
  phone: '+1 555 0100',
  email: 'ada@example.com',
};
const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: { customerId, ...details },
};

describe('customer decider', () => {
  describe('RegisterCustomer', () => {
    it('registers a new customer with name, phone and email', () => {
      expect(
        given(customerDecider, []).when(new RegisterCustomer(customerId, details, context)),
      ).toEqual([registered]);
    });

    it('does nothing when the same registration is repeated', () => {
      expect(
        given(customerDecider, [registered]).when(
          new RegisterCustomer(customerId, details, context),
        ),
      ).toEqual([]);
    });

    it('refuses to register the same customer again with other details', () => {
      const register = () =>
        given(customerDecider, [registered]).when(
          new RegisterCustomer(customerId, { ...details, email: null }, context),
        );
      expect(register).toThrow(BusinessRuleViolation);
      expect(register).toThrow(expect.objectContaining({ rule: 'customer-already-registered' }));
    });
  });

  describe('ChangeCustomerDetails', () => {
    it('records only the fields that change, with their previous values', () => {
      expect(
        given(customerDecider, [registered]).when(
          new ChangeCustomerDetails(
            customerId,
            { name: 'Ada Lovelace', phone: null, email: 'ada@lovelace.example' },
            context,
          ),
        ),
      ).toEqual([
        {
          type: 'CustomerDetailsChanged',
          data: {
            customerId,
            changes: { phone: null, email: 'ada@lovelace.example' },
            previous: { phone: '+1 555 0100', email: 'ada@example.com' },
          },
        },
      ]);
    });

    it('does nothing when the details are already those', () => {
      const changed: CustomerEvent = {
        type: 'CustomerDetailsChanged',
        data: { customerId, changes: { phone: '+1 555 0199' }, previous: { phone: '+1 555 0100' } },
      };
      expect(
        given(customerDecider, [registered, changed]).when(
          new ChangeCustomerDetails(customerId, { phone: '+1 555 0199' }, context),
        ),
      ).toEqual([]);
    });

    it('refuses to change a customer that was never registered', () => {
      expect(() =>
        given(customerDecider, []).when(
          new ChangeCustomerDetails(customerId, { name: 'Ada King' }, context),
        ),
      ).toThrow(UnknownEntityError);
    });
  });
});

describe('customer tax exemption', () => {
  const registered: CustomerEvent = {
    type: 'CustomerRegistered',
    data: { customerId: 'cust-1', name: 'Ada', phone: null, email: null },
  };
  const exempted: CustomerEvent = {
    type: 'CustomerTaxExemptionRecorded',
    data: { customerId: 'cust-1', reference: 'TX-1' },
  };

  it('records an exemption once, and revokes it once', () => {
    expect(
      given(customerDecider, [registered]).when(new RecordTaxExemption('cust-1', 'TX-1', context)),
    ).toEqual([exempted]);
    expect(
      given(customerDecider, [registered, exempted]).when(
        new RecordTaxExemption('cust-1', 'TX-1', context),
      ),
    ).toEqual([]);
    const revoke = new RevokeTaxExemption('cust-1', 'expired', context);
    const revoked = given(customerDecider, [registered, exempted]).when(revoke);
    expect(revoked).toEqual([
      { type: 'CustomerTaxExemptionRevoked', data: { customerId: 'cust-1', reason: 'expired' } },
    ]);
    expect(given(customerDecider, [registered, exempted, ...revoked]).when(revoke)).toEqual([]);
  });

  it('refuses an exemption for a customer never registered', () => {
    expect(() =>
      given(customerDecider, []).when(new RecordTaxExemption('cust-1', 'TX-1', context)),
    ).toThrow(UnknownEntityError);
  });
});
