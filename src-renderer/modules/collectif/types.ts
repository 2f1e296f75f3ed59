/** The contract's shapes this module's screens use. */
import type { Output } from '../../api';

export type ActionOut = Output<'collectif:get'>;
export type ActionSummary = Output<'collectif:list'>['actions'][number];
export type ParticipantsOut = Output<'collectif:participants'>;
export type Professional = Output<'collectif:list'>['professionals'][number];

/** What a section of the action page is given. */
export interface SectionProps {
  action: ActionOut;
  /** Something was written: `message` is announced, the action read again. */
  onChanged: (message: string) => void;
}
