import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type CustomerListing,
  customerDirectoryProjection,
  phoneDigits,
  SHORTEST_PHONE_KEY,
} from '../../projections/customers/customer-directory.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { withoutStorageFields } from '../shared/readmodels/storage-fields';

/** Only digits and the marks people write phone numbers with. */
const PHONE_LIKE = /^[\d\s+().\-/]+$/;

export class GetCustomer {
  constructor(
    readonly customerId: string,
    readonly minPosition: Position | null,
  ) {}
}

export class ListCustomers {
  constructor(
    readonly q: string | undefined,
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

@QueryHandler(GetCustomer)
export class GetCustomerHandler implements IQueryHandler<GetCustomer, CustomerAnswer | null> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, minPosition }: GetCustomer): Promise<CustomerAnswer | null> {
    await this.readModels.readYourWrites(customerDirectoryProjection, minPosition);
    const customer = await this.readModels
      .collection<CustomerListing>(customerDirectoryProjection, 'customers')
      .findById(customerId);
    return customer && answerOf(customer);
  }
}

@QueryHandler(ListCustomers)
export class ListCustomersHandler implements IQueryHandler<ListCustomers, Page<CustomerAnswer>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ q, page, minPosition }: ListCustomers): Promise<Page<CustomerAnswer>> {
    await this.readModels.readYourWrites(customerDirectoryProjection, minPosition);
    const customers = this.readModels.collection<CustomerListing>(
      customerDirectoryProjection,
      'customers',
    );
    if (q) {
      const hits = await customers.search(searchText(q), { ...page, prefix: true });
      return {
        items: hits.items.map((hit) => answerOf(hit.document)),
        nextCursor: hits.nextCursor,
      };
    }
    const found = await customers.find({ sort: [['sortName', 'asc']], ...page });
    return { items: found.items.map(answerOf), nextCursor: found.nextCursor };
  }
}

/** The customer as answered: without the directory's sort and phone-search keys. */
function answerOf(customer: CustomerListing): CustomerAnswer {
  return withoutStorageFields(customer, ['sortName', 'phoneKeys']);
}

type CustomerAnswer = Omit<CustomerListing, 'sortName' | 'phoneKeys'>;

/**
 * A phone number however it is typed ("(201) 555-0143", "555 0143") is looked up as one run of
 * digits, which the directory indexes with every ending; anything else is searched word by word.
 */
function searchText(q: string): string {
  const digits = phoneDigits(q);
  return PHONE_LIKE.test(q) && digits.length >= SHORTEST_PHONE_KEY ? digits : q;
}
