/** How the CCAPEX's records read on a case and on a session (no access rule here: the callers check it). */
import type { Db } from '../../store/database';
import type { CaseOut, OpinionOut } from './contract';
import * as repo from './repo';

export const opinionShape = (o: repo.OpinionRow): OpinionOut => ({
  day: o.day,
  avis: o.avis,
  text: o.text,
  recommendations: o.recommendations,
  recordedAt: o.recordedAt,
  recordedBy: { id: o.userId, displayName: o.userName },
});

/** The sessions a case is on, by date, each with its evaluation, its note's generation and the opinion given. */
export function ccapexOfCase(db: Db, caseId: number): CaseOut['ccapex'] {
  const opinions = new Map(repo.opinionsOfCase(db, caseId).map((o) => [o.sessionId, o]));
  return repo.sessionsOfCase(db, caseId).map((a) => {
    const o = opinions.get(a.sessionId);
    return { sessionId: a.sessionId, heldOn: a.heldOn, place: a.place, position: a.position, evaluation: a.evaluation, proposals: a.proposals, noteGeneratedAt: a.noteGeneratedAt, opinion: o ? opinionShape(o) : null };
  });
}
