/** The contract's shapes this module's screens use. */
import type { Output } from '../../api';

export type ReferralOut = Output<'concertation:get'>;
export type ReferralSummary = Output<'concertation:list'>[number];
export type MemberOut = Output<'concertation:members'>[number];
export type ConsentState = Output<'concertation:forDsu'>['consents'][number];

/** What a section of the referral's page is given. */
export interface SectionProps {
  referral: ReferralOut;
  /** The record was written: `message` is announced, the record read again. */
  onChanged: (message: string) => void;
}
