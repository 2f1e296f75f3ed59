/** The contract's shapes this module's screens use. */
import type { Output } from '../../api';

export type CaseOut = Output<'expulsions:get'>;
export type CaseSummary = Output<'expulsions:list'>[number];

/** What a tab of the case page is given. */
export interface TabProps {
  c: CaseOut;
  /** The case was written: `message` is announced, the case read again. */
  onChanged: (message: string) => void;
}
