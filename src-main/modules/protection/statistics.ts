/**
 * The activity report's tables 7 and 8 (DOMAIN §7): evaluations by the service social against
 * all the informations the site received, and the anonymised statistics sheets' sources.
 *
 * « Evaluated by the service social »: the evaluations recorded here whose receipt falls in the
 * period (each one assigned to at least one ASS or CESF), also split by profession. « All
 * received »: the number of IP (IS) the site received in a year, as the responsable records it
 * (`protection:setReceived`), for every calendar year the period covers whole; a year with no
 * number recorded counts its evaluations recorded here (never fewer than those evaluated).
 */
import type { Statistic } from '../../api/app';
import type { Db } from '../../store/database';
import { KINDS, type DangerKind, type Kind, type Proposal } from './kinds';
import { dueDate, type SheetSource } from './rules';
import type { ParameterLookup } from '../../shared/parameters';
import * as repo from './repo';

/** The sheets' sources: what each record gives its anonymised sheet (the due date from the legal parameters in force). */
export function sheetSources(db: Db, params: ParameterLookup, rows: readonly repo.EvaluationRow[]): SheetSource[] {
  const ids = rows.map((r) => r.id);
  const persons = repo.personsOfMany(db, ids);
  const team = repo.teamOfMany(db, ids);
  return rows.map((e) => {
    const list = persons.get(e.id) ?? [];
    const home = list.find((p) => p.role === 'concerne' && p.householdId !== null)?.householdId ?? null;
    return {
      id: e.id,
      kind: e.kind,
      receivedOn: e.receivedOn,
      origin: e.origin,
      createdAt: e.createdAt,
      due: dueDate(params, e.kind, e.receivedOn, e.delayDays)?.due ?? null,
      persons: list.map((p) => ({ role: p.role, birthDate: p.birthDate, sex: p.sex })),
      adultsInHome: e.kind === 'ip' && home !== null ? repo.adultsOfHousehold(db, home, e.receivedOn) : 0,
      informed: e.informedOn !== null ? 'oui' : e.notInformedReason !== '' ? 'non' : 'non_renseigne',
      dangerLevel: e.dangerLevel,
      dangerKinds: JSON.parse(e.dangerKinds) as DangerKind[],
      proposals: JSON.parse(e.proposals) as Proposal[],
      sentOn: e.sentOn,
      announcedOn: e.announcedOn,
      teamSize: (team.get(e.id) ?? []).length,
    };
  });
}

const LABEL: Record<Kind, { evaluated: string; received: string; table: string }> = {
  ip: { evaluated: 'Informations préoccupantes évaluées par le service social', received: 'Informations préoccupantes reçues par la MDS', table: 'table 7' },
  is: { evaluated: 'Informations signalantes PA/PH évaluées en binôme par le service social', received: 'Informations signalantes PA/PH reçues par la MDS', table: 'table 8' },
};

/** Whole calendar years inside [from, to]. */
function wholeYears(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (from <= `${y}-01-01` && `${y}-12-31` <= to) out.push(y);
  return out;
}

export function protectionStatistics(db: Db, from: string, to: string): Statistic[] {
  const evaluated = repo.countReceived(db, from, to);
  const byProfession = repo.countByProfession(db, from, to);
  const recorded = repo.receivedCounts(db);
  const years = wholeYears(from, to);
  return KINDS.flatMap((kind) => {
    const received = years.reduce((sum, y) => {
      const r = recorded.find((c) => c.year === y && c.kind === kind);
      const inYear = repo.countReceived(db, `${y}-01-01`, `${y}-12-31`)[kind];
      return sum + Math.max(r?.count ?? 0, inYear);
    }, 0);
    return [
      { key: `protection.${kind}.evaluated`, label: LABEL[kind].evaluated, value: evaluated[kind] },
      { key: `protection.${kind}.evaluated.ass`, label: `${LABEL[kind].evaluated}, dont avec une ASS`, value: byProfession[kind].ass },
      { key: `protection.${kind}.evaluated.cesf`, label: `${LABEL[kind].evaluated}, dont avec une CESF`, value: byProfession[kind].cesf },
      ...(years.length > 0 ? [{ key: `protection.${kind}.received`, label: `${LABEL[kind].received} (années entières de la période)`, value: received }] : []),
    ];
  });
}
