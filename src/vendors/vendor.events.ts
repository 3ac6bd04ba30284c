import type { DomainEvent } from '../shared/domain/decider';

/** How a vendor's open draft PO collects backorder lines before it is submitted. */
export const CONSOLIDATION_POLICIES = ['per-order', 'daily', 'weekly', 'manual'] as const;
export type ConsolidationPolicy = (typeof CONSOLIDATION_POLICIES)[number];

export interface VendorTerms {
  readonly leadTimeDays: number;
  readonly consolidation: ConsolidationPolicy;
}

export interface VendorProfile extends VendorTerms {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export type VendorRegistered = DomainEvent<
  'VendorRegistered',
  VendorProfile & { readonly vendorId: string }
>;

export type VendorTermsChanged = DomainEvent<
  'VendorTermsChanged',
  VendorTerms & { readonly vendorId: string; readonly previous: VendorTerms }
>;

export type VendorEvent = VendorRegistered | VendorTermsChanged;
