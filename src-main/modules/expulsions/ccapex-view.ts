/** How the CCAPEX's records read on a case and on a session (no access rule here: the callers check it). */
import type { Db } from '../../store/database';
import type { CaseOut, OpinionOut } from './contract';
import { ccapexConsentOn, type ConsentState } from './note';
import * as repo from './repo';

const consentOut = (c: ConsentState) => ({ kind: c.kind, on: c.kind === 'in_force' ? c.givenOn : c.kind === 'withdrawn' ? c.on : null });

export const opinionShape = (o: repo.OpinionRow): OpinionOut => ({
  day: o.day,
  avis: o.avis,
  text: o.text,
  recommendations: o.recommendations,
  recordedAt: o.recordedAt,
  recordedBy: { id: o.userId, displayName: o.userName },
});

/** The sessions a case is on, by date, each with its evaluation, its note's generation and the opinion given. */
export function ccapexOfCase(db: Db, caseId: number, dsuId: number): CaseOut['ccapex'] {
  const consents = repo.consentsOfDsu(db, dsuId);
  const opinions = new Map(repo.opinionsOfCase(db, caseId).map((o) => [o.sessionId, o]));
  return repo.sessionsOfCase(db, caseId).map((a) => {
    const o = opinions.get(a.sessionId);
    return { sessionId: a.sessionId, heldOn: a.heldOn, place: a.place, position: a.position, evaluation: a.evaluation, proposals: a.proposals, noteGeneratedAt: a.noteGeneratedAt, opinion: o ? opinionShape(o) : null, consent: consentOut(ccapexConsentOn(consents, a.heldOn)) };
  });
}
