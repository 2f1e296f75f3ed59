/**
 * The concertation instance's channels (DOMAIN §9, §3). A referral belongs to a household's
 * DSU and takes its access from it (dsu/access.ts): who may read the DSU reads the referral; the
 * social workers who hold it write. The sharing rests on a consent recorded in the DSU, given
 * for the instance and in force: checked at the referral and again before any element is
 * shared. Every read is audited; every write goes in one transaction with its audit row.
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { frDate, localDay } from '../../shared/time';
import type { ConcertationHandlers, ConsentState, ReferralOut, ReferralSummary } from './contract';
import { ELEMENT_LABELS_FR, INSTANCE_WORDS, type ElementKind } from './kinds';
import { renderRecord } from './documents';
import { delaysOf, meetingCheck, nextDate } from './rules';
import { consents, getConsent, insertEntry, requireDsu, sessionOf, touchLastContact } from './outside';
import * as repo from './repo';

function audit(ctx: CallContext, action: string, entity: string, entityId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity, entityId, ...(detail ? { detail } : {}) }, ctx.now);
}

const NOT_FOUND = 'Cette saisine de l’instance de concertation n’existe pas. Ouvrez le DSU du foyer pour retrouver ses saisines.';
const today = (ctx: CallContext) => localDay(ctx.now);

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');

/** A consent of the DSU as a referral sees it: usable when given for the instance and in force on `day`. */
export function consentState(c: Omit<NonNullable<ReturnType<typeof getConsent>>, 'dsuId'>, day: string): ConsentState {
  let why: string | null = null;
  if (c.givenOn > day) why = `Consentement daté du ${frDate(c.givenOn)}, pas encore en vigueur.`;
  else if (c.withdrawnOn !== null && c.withdrawnOn <= day) why = `Consentement retiré le ${frDate(c.withdrawnOn)} : la famille s’est opposée au partage.`;
  else if (!fold(c.recipient).includes(INSTANCE_WORDS)) why = `Consentement donné pour « ${c.recipient} », pas pour l’instance de concertation.`;
  return { id: c.id, person: c.person.name, recipient: c.recipient, scope: c.scope, givenOn: c.givenOn, withdrawnOn: c.withdrawnOn, usable: why === null, why };
}

/** The referral and its DSU as the caller may hold them; writing needs a social worker's role and an open record. */
function requireReferral(ctx: CallContext, id: number, mode: 'read' | 'write'): repo.ReferralRow {
  const r = repo.getReferral(ctx.app.vault.db, id);
  if (!r) throw new PasseurError('not_found', NOT_FOUND);
  requireDsu(ctx, r.dsuId, mode);
  if (mode === 'write') {
    if (!hasAny(sessionOf(ctx).roles, WORKERS)) throw new PasseurError('forbidden', 'Seul·e une assistante ou un assistant de service social, ou une CESF, qui suit le foyer complète la saisine.');
    if (r.status === 'close') throw new PasseurError('conflict', `Ce compte rendu est clos depuis le ${frDate(r.closedAt)} et sa synthèse est au journal du DSU : il ne se modifie plus. Pour une nouvelle situation, saisissez de nouveau l’instance.`);
  }
  return r;
}

function canWrite(ctx: CallContext, r: repo.ReferralRow): boolean {
  try {
    requireReferral(ctx, r.id, 'write');
    return true;
  } catch {
    return false;
  }
}

function summaryOf(ctx: CallContext, r: repo.ReferralRow, elementsShared: number): ReferralSummary {
  const d = delaysOf(r.referredAt, ctx.app.parameters);
  return {
    id: r.id,
    dsu: { id: r.dsuId, number: r.dsuNumber },
    household: repo.householdName(r),
    referredBy: { id: r.referredBy, displayName: r.referredByName },
    referredOn: r.referredOn,
    motif: r.motif,
    status: r.status,
    heldOn: r.heldOn,
    next: r.status === 'saisie' ? nextDate(d, today(ctx), elementsShared) : null,
  };
}

function consentOf(ctx: CallContext, r: repo.ReferralRow, day: string): ConsentState {
  return consentState(getConsent(ctx.app.vault.db, r.consentId)!, day);
}

/** The whole record as its reader sees it. */
function view(ctx: CallContext, r: repo.ReferralRow): ReferralOut {
  const db = ctx.app.vault.db;
  const elements = repo.elements(db, r.id);
  const d = delaysOf(r.referredAt, ctx.app.parameters);
  const consent = consentOf(ctx, r, today(ctx));
  const warnings: string[] = [];
  if (d.warning) warnings.push(d.warning);
  if (r.status !== 'close' && !consent.usable) warnings.push(`${consent.why} Aucun élément ne peut plus être partagé avec l’instance.`);
  if (r.heldOn) {
    const late = meetingCheck(r.heldOn, r.referredOn, d).late;
    if (late) warnings.push(r.lateReason ? `${late} Raison : ${r.lateReason}` : late);
  } else if (today(ctx) > d.meetingBy) {
    warnings.push(`L’instance devait se réunir au plus tard le ${frDate(d.meetingBy)} : enregistrez la réunion dès qu’elle s’est tenue.`);
  }
  return {
    ...summaryOf(ctx, r, elements.length),
    purpose: r.purpose,
    field: r.field,
    services: JSON.parse(r.services) as string[],
    elementKinds: JSON.parse(r.elementKinds) as ElementKind[],
    consent,
    delays: { gatherFrom: d.gatherFrom, gatherBy: d.gatherBy, meetingBy: d.meetingBy, source: d.source },
    place: r.place,
    lateReason: r.lateReason,
    participants: repo.participants(db, r.id),
    elements,
    decisions: repo.decisions(db, r.id),
    journalEntryId: r.journalEntry,
    closedAt: r.closedAt,
    warnings,
    canWrite: canWrite(ctx, r),
    partners: repo.partnerChoices(db),
  };
}

/** Reads the record after a write (the write's audit row says what changed; this read is not audited again). */
const afterWrite = (ctx: CallContext, id: number): ReferralOut => view(ctx, repo.getReferral(ctx.app.vault.db, id)!);

function notInFuture(ctx: CallContext, day: string, what: string, field: string): void {
  if (day > today(ctx)) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.`, field);
}

function partnerOr400(ctx: CallContext, partnerId: number | null, field: string): string | null {
  if (partnerId === null) return null;
  const name = repo.partnerName(ctx.app.vault.db, partnerId);
  if (name === undefined) throw new PasseurError('invalid_input', 'Organisme : ce partenaire n’est pas (ou plus) dans l’annuaire. Choisissez-en un autre ou tapez son nom.', field);
  return name;
}

/** The journal entry's summary: the meeting, who attended (organisations), the decisions; never the shared elements' content. */
function synthesis(r: repo.ReferralRow, participants: ReturnType<typeof repo.participants>, decisions: ReturnType<typeof repo.decisions>, kinds: ElementKind[]): string {
  const present = participants.filter((p) => p.attended).map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name));
  const lines = [
    `Instance de concertation réunie le ${frDate(r.heldOn)} à ${r.place}, saisie le ${frDate(r.referredOn)} par ${r.referredByName}.`,
    `Objet du partage : ${r.purpose}.`,
    `Présents : ${present.join(', ')}.`,
    `Natures des éléments partagés : ${kinds.map((k) => ELEMENT_LABELS_FR[k].toLowerCase()).join(', ')}.`,
    'Décisions :',
    ...decisions.map((d) => `- ${d.action} — ${d.who}${d.dueOn ? `, pour le ${frDate(d.dueOn)}` : ''}`),
  ];
  return lines.join('\n');
}

export const concertationHandlers = {
  'concertation:members': (ctx) => repo.members(ctx.app.vault.db),

  'concertation:saveMember': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (input.id !== null && !repo.memberExists(db, input.id)) throw new PasseurError('not_found', 'Ce membre permanent n’existe pas (ou plus). Rechargez la liste des membres.', 'id');
    const organisation = partnerOr400(ctx, input.partnerId, 'partnerId') ?? input.organisation;
    if (organisation === '') throw new PasseurError('invalid_input', 'Organisme : choisissez-le dans l’annuaire ou tapez son nom.', 'organisation');
    db.transaction(() => {
      const id = repo.saveMember(db, { ...input, organisation }, ctx.now.toISOString(), sessionOf(ctx).userId);
      audit(ctx, input.id === null ? 'concertation.member_add' : 'concertation.member_update', 'concertation_member', id, { active: input.active });
    })();
    return repo.members(db);
  },

  'concertation:forDsu': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const rows = repo.referralsOfDsu(db, dsu.id);
    const counts = repo.elementCounts(db, rows.map((r) => r.id));
    const consentStates = consents(db, dsu.id).map((c) => consentState(c, today(ctx)));
    db.transaction(() => audit(ctx, 'concertation.list', 'dsu', dsu.id, { referrals: rows.length }))();
    let canRefer = hasAny(sessionOf(ctx).roles, WORKERS);
    try {
      requireDsu(ctx, dsu.id, 'write');
    } catch {
      canRefer = false;
    }
    return { consents: consentStates, referrals: rows.map((r) => summaryOf(ctx, r, counts.get(r.id) ?? 0)), canRefer };
  },

  'concertation:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const all = s.roles.includes('responsable') && !hasAny(s.roles, WORKERS);
    const rows = repo.referralsFollowed(db, s.userId, all, input.closed);
    const counts = repo.elementCounts(db, rows.map((r) => r.id));
    if (rows.length > 0) db.transaction(() => audit(ctx, 'concertation.list', 'concertation', rows[0]!.id, { referrals: rows.length, closed: input.closed }))();
    return rows.map((r) => summaryOf(ctx, r, counts.get(r.id) ?? 0));
  },

  'concertation:refer': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    if (input.consentId === null) {
      throw new PasseurError(
        'invalid_input',
        'Consentement au partage : aucun n’est choisi. La famille doit d’abord consentir au partage de ses informations avec l’instance de concertation : enregistrez son consentement dans l’onglet « Consentements » du DSU (destinataire « Instance de concertation »), puis choisissez-le ici.',
        'consentId',
      );
    }
    const c = getConsent(db, input.consentId);
    if (!c || c.dsuId !== dsu.id) throw new PasseurError('invalid_input', 'Consentement au partage : il n’est pas (ou plus) enregistré dans ce DSU. Rechargez le dossier et choisissez un consentement du foyer.', 'consentId');
    const state = consentState(c, today(ctx));
    if (!state.usable) {
      throw new PasseurError(
        'invalid_input',
        `Consentement au partage : ${state.why} La saisine n’est possible qu’avec le consentement de la famille au partage avec l’instance de concertation, en vigueur : enregistrez-le dans l’onglet « Consentements » du DSU.`,
        'consentId',
      );
    }
    if (new Set(input.services.map(fold)).size !== input.services.length) throw new PasseurError('invalid_input', 'Services sollicités : chaque service n’est cité qu’une fois.', 'services');
    const at = ctx.now.toISOString();
    delaysOf(at, ctx.app.parameters); // a referral before the charter's first entry is refused here, before any write
    const permanent = repo.members(db).filter((m) => m.active);
    const id = db.transaction(() => {
      const id = repo.insertReferral(db, {
        dsuId: dsu.id,
        consentId: c.id,
        referredBy: s.userId,
        referredAt: at,
        referredOn: today(ctx),
        motif: input.motif,
        purpose: input.purpose,
        field: input.field,
        services: input.services,
        elementKinds: [...new Set(input.elementKinds)],
      });
      // The permanent members, each with the charter they signed once (if they did).
      for (const m of permanent) {
        repo.insertParticipant(db, { referralId: id, kind: 'permanent', memberId: m.id, partnerId: m.partnerId, name: m.name, organisation: m.organisation, at, by: s.userId, charter: repo.memberCharter(db, m.id) });
      }
      touchLastContact(db, dsu.id, today(ctx));
      audit(ctx, 'concertation.refer', 'concertation', id, { dsu: dsu.id, consent: c.id });
      return id;
    })();
    return afterWrite(ctx, id);
  },

  'concertation:get': (ctx, input) => {
    const r = requireReferral(ctx, input.id, 'read');
    ctx.app.vault.db.transaction(() => audit(ctx, 'concertation.read', 'concertation', r.id))();
    return view(ctx, r);
  },

  'concertation:addMember': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    const organisation = partnerOr400(ctx, input.partnerId, 'partnerId') ?? input.organisation;
    if (repo.participants(db, r.id).some((p) => fold(p.name) === fold(input.name) && fold(p.organisation) === fold(organisation))) {
      throw new PasseurError('conflict', `${input.name} est déjà membre de cette instance.`, 'name');
    }
    db.transaction(() => {
      const pid = repo.insertParticipant(db, { referralId: r.id, kind: 'associe', memberId: null, partnerId: input.partnerId, name: input.name, organisation, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      audit(ctx, 'concertation.member_associate', 'concertation', r.id, { participant: pid });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:signCharter': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    const p = repo.participants(db, r.id).find((x) => x.id === input.participantId);
    if (!p) throw new PasseurError('invalid_input', 'Ce membre n’est pas (ou plus) membre de cette instance. Rechargez la saisine.', 'participantId');
    if (p.charterSignedOn !== null) throw new PasseurError('conflict', `${p.name} a déjà signé la charte le ${frDate(p.charterSignedOn)}.`, 'participantId');
    notInFuture(ctx, input.signedOn, 'Date de signature de la charte', 'signedOn');
    const memberId = repo.participantMember(db, p.id);
    db.transaction(() => {
      repo.signCharter(db, p.id, input.signedOn, ctx.now.toISOString(), sessionOf(ctx).userId);
      // A permanent member signs the charter once: the signature is carried to the next referrals.
      if (memberId !== null) repo.signMemberCharter(db, memberId, input.signedOn, ctx.now.toISOString(), sessionOf(ctx).userId);
      audit(ctx, 'concertation.charter', 'concertation', r.id, { participant: p.id });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:recordMeeting': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    notInFuture(ctx, input.heldOn, 'Date de la réunion', 'heldOn');
    const check = meetingCheck(input.heldOn, r.referredOn, delaysOf(r.referredAt, ctx.app.parameters));
    if (check.error) throw new PasseurError('invalid_input', check.error, 'heldOn');
    const members = new Map(repo.participants(db, r.id).map((p) => [p.id, p]));
    const attendees = [...new Set(input.attendees)];
    for (const a of attendees) {
      const p = members.get(a);
      if (!p) throw new PasseurError('invalid_input', 'Présents : un des membres cochés n’est pas (ou plus) membre de cette instance. Rechargez la saisine.', 'attendees');
      if (p.charterSignedOn === null) {
        throw new PasseurError('invalid_input', `Présents : ${p.name} n’a pas signé la charte de l’instance (secret professionnel et secret partagé). Enregistrez sa signature avant de le compter présent.`, 'attendees');
      }
      if (p.charterSignedOn > input.heldOn) {
        throw new PasseurError('invalid_input', `Présents : ${p.name} a signé la charte le ${frDate(p.charterSignedOn)}, après la réunion du ${frDate(input.heldOn)} ; il ne peut pas y avoir assisté comme membre.`, 'attendees');
      }
    }
    db.transaction(() => {
      repo.setMeeting(db, r.id, { heldOn: input.heldOn, place: input.place, lateReason: check.late ? input.lateReason : '', at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      repo.setAttendance(db, r.id, attendees);
      touchLastContact(db, r.dsuId, input.heldOn);
      audit(ctx, 'concertation.meeting', 'concertation', r.id, { attendees: attendees.length, late: check.late !== null });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:addElement': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    const kinds = JSON.parse(r.elementKinds) as ElementKind[];
    if (!kinds.includes(input.kind)) {
      throw new PasseurError(
        'invalid_input',
        `Élément partagé : « ${ELEMENT_LABELS_FR[input.kind]} » n’est pas parmi ce dont l’objet du partage a besoin (${kinds.map((k) => ELEMENT_LABELS_FR[k].toLowerCase()).join(', ')}). Ne partagez que ces éléments-là.`,
        'kind',
      );
    }
    const consent = consentOf(ctx, r, today(ctx));
    if (!consent.usable) throw new PasseurError('forbidden', `Élément partagé : ${consent.why} Aucun élément ne peut plus être partagé avec l’instance.`, 'kind');
    db.transaction(() => {
      const eid = repo.insertElement(db, { referralId: r.id, kind: input.kind, content: input.content, sharedBy: input.sharedBy, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      audit(ctx, 'concertation.element', 'concertation', r.id, { element: eid, kind: input.kind });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:addDecision': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    if (r.status !== 'reunie' || r.heldOn === null) throw new PasseurError('conflict', 'Décisions : enregistrez d’abord la réunion de l’instance (date, lieu, présents) ; les décisions y sont prises.', 'action');
    if (input.dueOn !== null && input.dueOn < r.heldOn) {
      throw new PasseurError('invalid_input', `Échéance : le ${frDate(input.dueOn)} précède la réunion du ${frDate(r.heldOn)}. Indiquez une date à venir après la réunion.`, 'dueOn');
    }
    db.transaction(() => {
      const did = repo.insertDecision(db, { referralId: r.id, action: input.action, who: input.who, dueOn: input.dueOn, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      audit(ctx, 'concertation.decision', 'concertation', r.id, { decision: did });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:close': (ctx, input) => {
    const db = ctx.app.vault.db;
    const r = requireReferral(ctx, input.referralId, 'write');
    if (r.status !== 'reunie' || r.heldOn === null) throw new PasseurError('conflict', 'Clôture : enregistrez d’abord la réunion de l’instance, puis ses décisions.');
    const decisions = repo.decisions(db, r.id);
    if (decisions.length === 0) throw new PasseurError('conflict', 'Clôture : enregistrez au moins une décision (qui fait quoi, pour quand) ; la synthèse écrite au DSU les reprend.');
    const participants = repo.participants(db, r.id);
    const shared = [...new Set(repo.elements(db, r.id).map((e) => e.kind))];
    const s = sessionOf(ctx);
    const at = ctx.now.toISOString();
    const heldOn = r.heldOn;
    db.transaction(() => {
      const entry = insertEntry(
        db,
        { dsuId: r.dsuId, occurredOn: heldOn, type: 'instance_synthese', field: r.field, summary: synthesis(r, participants, decisions, shared), restrictedNote: null, partnerId: null, appointmentId: null, createdBy: s.userId, authors: [s.userId] },
        at,
      );
      repo.setClosed(db, r.id, at, s.userId, entry);
      touchLastContact(db, r.dsuId, heldOn);
      audit(ctx, 'concertation.close', 'concertation', r.id, { entry });
    })();
    return afterWrite(ctx, r.id);
  },

  'concertation:document': async (ctx, input) => {
    const r = requireReferral(ctx, input.id, 'read');
    const out = view(ctx, r);
    ctx.app.vault.db.transaction(() => audit(ctx, 'concertation.document', 'concertation', r.id))();
    return await renderRecord(ctx, out);
  },
} satisfies ConcertationHandlers;
