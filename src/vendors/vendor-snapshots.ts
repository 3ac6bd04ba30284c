import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import { vendorDecider } from './vendor.decider';
import type { VendorProfile } from './vendor.events';

/** A registered vendor as other features see it. */
export type VendorSnapshot = { readonly vendorId: string } & VendorProfile;

/**
 * Vendors for other features, read from the vendor's stream rather than a read model: a vendor
 * registered a moment ago counts. Vendors are never removed, so a check cannot go stale.
 */
@Injectable()
export class VendorSnapshots {
  constructor(private readonly states: StreamStates) {}

  /** The vendor, or null when no vendor is registered under this id. */
  async registered(vendorId: string): Promise<VendorSnapshot | null> {
    const { state } = await this.states.load(vendorDecider, streams.vendor(vendorId));
    if (state.status !== 'registered') return null;
    const { status: _status, ...vendor } = state;
    return vendor;
  }
}
