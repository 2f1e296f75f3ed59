/** The contract's shapes this module's screens use. */
import type { Output } from '../../api';

export type FileOut = Output<'surendettement:get'>;
export type FileSummary = Output<'surendettement:list'>[number];
export type DebtOut = FileOut['debts'][number];

/** What a tab of the file page is given. */
export interface TabProps {
  file: FileOut;
  /** The file was written: `message` is announced, the file read again. */
  onChanged: (message: string) => void;
}
