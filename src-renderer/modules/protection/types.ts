/** The contract's shapes this module's screens use. */
import type { Output } from '../../api';

export type EvaluationOut = Output<'protection:get'>;
export type EvaluationSummary = Output<'protection:list'>[number];
