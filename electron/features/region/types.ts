/** What the Region screen shows: every SES region, with what the account already has in each. */
import type { SesRegion } from '../../core/facts/regions';

export interface RegionView extends SesRegion {
  /** The identities the account has there; null when the region could not be asked in time. */
  identities: string[] | null;
}

export interface RegionListing {
  current: string;
  /** True once the person has chosen a region on the Region screen: a change then needs confirming. */
  chosen: boolean;
  advice: string;
  changeWarning: string;
  regions: RegionView[];
}

export interface RegionChoice {
  region: string;
  previous: string;
  changed: boolean;
  smtpHost: string;
}
