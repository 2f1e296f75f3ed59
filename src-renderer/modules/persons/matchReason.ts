/** Why a person was found by the search, in words (« nom exact », « orthographe proche de « martin » »). */
import type { TFunction } from 'i18next';
import type { Output } from '../../../src-main/modules';

export type MatchReason = Output<'persons:search'>['results'][number]['reason'];

export function matchReasonText(t: TFunction, r: MatchReason): string {
  return t(`person.match.${r.kind}`, { word: r.word });
}
