/**
 * Channels `aid:*` (DOMAIN §4): the request form and its live evaluation, saving a draft, the
 * lists and the responsable's queue, the workflow's actions, payment and the decision letter.
 * A request lives in a DSU: reading or writing it needs the same access as the DSU (référent,
 * co-intervenant, responsable, exceptional access).
 */
import type { CallContext } from '../../api/app';
import type { AidesHandlers } from './contract';
import type { AidOut } from './contract';
import { PasseurError, refuseFields } from '../../shared/errors';
import { civility, personName, postalLines } from '../../shared/french';
import { frDate } from '../../shared/time';
import { evaluate, twelveMonthsBefore } from './engine';
import { aidOr404, aidView, audit, demandeOf, reglementAt, requireAid, today } from './context';
import { checkAllowed } from './checks';
import { act } from './decisions';
import { renderLetter } from './letters';
import { type DsuRow, getConsent, getPerson, householdOf, requireDsu, sessionOf, siteLogo, sitePostal } from './outside';
import * as repo from './repo';
import { optionsOut, regRef, type Fields } from './views';

function checkFields(ctx: CallContext, f: Fields, dsu: DsuRow): void {
  const db = ctx.app.vault.db;
  // Every problem at once, each on its field (the form shows them all together).
  const problems: Record<string, string> = {};
  const person = getPerson(db, f.personId);
  if (!person || person.householdId !== dsu.householdId || person.mergedInto !== null) {
    problems.personId = 'Le bénéficiaire doit être une personne du foyer de ce dossier.';
  }
  if (f.requestedOn > today(ctx)) problems.requestedOn = 'La date de la demande ne peut pas être dans le futur.';
  if (f.origin === 'partenaire') {
    if (f.originPartnerId === null) problems.originPartnerId = 'Indiquez le partenaire qui a orienté la demande.';
    else if (!repo.partnerExists(db, f.originPartnerId)) {
      problems.originPartnerId = 'Ce partenaire n’existe pas dans l’annuaire : choisissez-le dans la liste, ou ajoutez-le d’abord à l’annuaire des partenaires.';
    }
  } else if (f.originPartnerId !== null) {
    problems.originPartnerId = 'Un partenaire d’orientation ne s’indique que pour une demande orientée par un partenaire : choisissez cette origine ou retirez le partenaire.';
  }
  if (f.payeeKind !== 'beneficiaire' && !f.payeeName) {
    problems.payeeName = 'Indiquez le nom du tiers payé (bailleur, fournisseur, établissement…).';
  }
  if (f.paymentMode === 'virement_tiers' && f.payeeKind === 'beneficiaire') {
    problems.payeeKind = 'Un virement à un tiers demande de choisir le tiers payé (bailleur, fournisseur…).';
  }
  if (f.consentId !== null) {
    const c = getConsent(db, f.consentId);
    if (!c || c.dsuId !== dsu.id) problems.consentId = 'Ce consentement n’est pas enregistré dans ce dossier.';
  }
  refuseFields(problems);
  // What the dispositif allows, under the version in force on the request's date (without one, the draft is kept and cannot be submitted).
  const inForce = repo.reglementRowInForce(db, f.requestedOn, f.dispositif);
  if (!inForce) return;
  const reg = repo.reglementDoc(db, inForce.id);
  const owner = reg.dispositifs.some((d) => d.code === f.dispositif) ? undefined : repo.dispositifOwner(db, inForce.code, [f.dispositif]);
  if (owner) {
    // A dispositif of another règlement (the FSL's…) with no version of it in force on the request's date.
    throw new PasseurError(
      'invalid_input',
      `Le dispositif « ${repo.dispositifLabels(db).get(f.dispositif) ?? f.dispositif} » relève du règlement « ${owner.code} », dont aucune version n’est en vigueur au ${frDate(f.requestedOn)} : datez la demande dans sa période de vigueur, ou choisissez un dispositif d’un règlement en vigueur.`,
      'dispositif',
    );
  }
  checkAllowed(reg, f);
}

export const requestHandlers = {
  'aid:options': (ctx, input) => {
    const db = ctx.app.vault.db;
    const day = input.day ?? today(ctx);
    let rows = repo.reglementRowsInForce(db, day);
    if (input.reglementCode !== undefined) {
      const known = repo.reglementRows(db).some((r) => r.code === input.reglementCode);
      rows = rows.filter((r) => r.code === input.reglementCode);
      if (rows.length === 0) {
        throw new PasseurError(
          known ? 'conflict' : 'not_found',
          known
            ? `Aucune version du règlement « ${input.reglementCode} » n’est en vigueur au ${frDate(day)} : choisissez un autre règlement, ou faites activer la version applicable à cette date.`
            : `Le règlement « ${input.reglementCode} » n’existe pas : choisissez un règlement de la liste (Règlement des aides).`,
          'reglementCode',
        );
      }
    }
    const row = rows[0] ?? reglementAt(ctx, day).row; // none in force: the refusal that says so
    return optionsOut(row, rows.map((r) => ({ row: r, reglement: repo.reglementDoc(db, r.id) })));
  },

  'aid:evaluate': (ctx, input) => {
    const { id: exceptId, ...f } = input;
    const { dsu } = requireDsu(ctx, f.dsuId, 'read');
    checkFields(ctx, f, dsu);
    const { row, reglement } = reglementAt(ctx, f.requestedOn, f.dispositif);
    return {
      evaluation: evaluate(demandeOf(ctx, f, dsu, exceptId ?? null), reglement),
      reglement: regRef(row),
      history: repo.historyOfDsu(ctx.app.vault.db, dsu.id, f.requestedOn, exceptId ?? null),
    };
  },

  'aid:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { id, ...f } = input;
    const { dsu } = requireDsu(ctx, f.dsuId, 'write');
    checkFields(ctx, f, dsu);
    if (id !== undefined) {
      const a = aidOr404(ctx, id);
      if (a.dsuId !== dsu.id) throw new PasseurError('invalid_input', 'Une demande ne change pas de dossier : créez-en une nouvelle.', 'dsuId');
      if (a.status !== 'brouillon' && a.status !== 'ajournee') {
        throw new PasseurError('conflict', 'Cette demande a été soumise : elle ne se modifie plus (reprenez-la en brouillon si elle n’est pas encore prise en charge).');
      }
      db.transaction(() => {
        repo.updateAid(db, id, f, ctx.now);
        audit(ctx, 'aid.update', 'aid', id);
      })();
      return aidView(ctx, id);
    }
    const newId = db.transaction(() => {
      const n = repo.insertAid(db, f, s.userId, ctx.now);
      repo.addEvent(db, n, s.userId, 'create', null, 'brouillon', '', ctx.now);
      audit(ctx, 'aid.create', 'aid', n, { dsu: dsu.id });
      return n;
    })();
    return aidView(ctx, newId);
  },

  'aid:get': (ctx, input) => {
    const { aid } = requireAid(ctx, input.id, 'read');
    ctx.app.vault.db.transaction(() => audit(ctx, 'aid.read', 'aid', aid.id))();
    return aidView(ctx, aid.id);
  },

  'aid:forDsu': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    return repo.summaries(ctx.app.vault.db, 'a.dsu_id = ?', 'a.requested_on DESC, a.id DESC', dsu.id);
  },

  'aid:list': (ctx, input) => {
    const s = sessionOf(ctx);
    const order = "a.status IN ('accordee', 'refusee', 'classee_sans_suite'), a.requested_on DESC, a.id DESC";
    if (input.scope === 'mine') return repo.summaries(ctx.app.vault.db, 'a.created_by = ?', order, s.userId);
    if (!s.roles.includes('responsable')) throw new PasseurError('forbidden', 'Seuls les responsables voient toutes les demandes du site ; vos demandes sont dans « Mes demandes ».');
    return repo.summaries(ctx.app.vault.db, 'a.requested_on > ?', order, twelveMonthsBefore(today(ctx)));
  },

  'aid:queue': (ctx) => repo.waitingSummaries(ctx.app.vault.db),

  'aid:lastBudget': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const r = repo.lastBudget(ctx.app.vault.db, dsu.id);
    return r ? { number: r.number, on: r.on_, budget: JSON.parse(r.budget) as AidOut['budget'] } : null;
  },

  'aid:act': (ctx, input) => {
    act(ctx, input);
    return aidView(ctx, input.id);
  },

  'aid:payment': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { aid: a } = requireAid(ctx, input.id, 'read');
    if (a.status !== 'accordee') throw new PasseurError('conflict', 'Seule une aide accordée se mandate et se paie.');
    if (input.paidOn !== null && input.mandatedOn === null) throw new PasseurError('invalid_input', 'Indiquez d’abord la date de mandatement.', 'mandatedOn');
    if (input.mandatedOn !== null && a.decidedOn && input.mandatedOn < a.decidedOn) throw new PasseurError('invalid_input', 'Le mandatement ne peut pas précéder la décision.', 'mandatedOn');
    if (input.paidOn !== null && input.mandatedOn !== null && input.paidOn < input.mandatedOn) throw new PasseurError('invalid_input', 'Le paiement ne peut pas précéder le mandatement.', 'paidOn');
    if ((input.mandatedOn ?? '') > today(ctx) || (input.paidOn ?? '') > today(ctx)) throw new PasseurError('invalid_input', 'Une date de mandatement ou de paiement ne peut pas être dans le futur.');
    const payeeKind = input.payeeKind ?? a.payeeKind;
    const payeeName = input.payeeName ?? a.payeeName;
    if (payeeKind !== 'beneficiaire' && !payeeName) throw new PasseurError('invalid_input', 'Indiquez le nom du tiers payé.', 'payeeName');
    db.transaction(() => {
      repo.setAid(db, a.id, { mandated_on: input.mandatedOn, paid_on: input.paidOn, payee_kind: payeeKind, payee_name: payeeName }, ctx.now);
      audit(ctx, 'aid.payment', 'aid', a.id, { mandated: input.mandatedOn !== null, paid: input.paidOn !== null });
    })();
    return aidView(ctx, a.id);
  },

  'aid:letter': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const { aid: a, dsu } = requireAid(ctx, input.id, 'read');
    if (a.decisionId === null) throw new PasseurError('conflict', 'Aucune décision n’a encore été prise sur cette demande : pas de courrier à éditer.');
    const view = aidView(ctx, a.id);
    const decision = view.decisions[view.decisions.length - 1]!;
    const h = householdOf(db, dsu.householdId)!;
    const person = getPerson(db, a.personId)!;
    db.transaction(() => audit(ctx, 'aid.letter', 'aid', a.id, { decision: decision.id }))();
    const title = civility(person.sex);
    const pdf = await renderLetter({
      site: sitePostal(db),
      logo: siteLogo(db),
      today: today(ctx),
      parameters: ctx.app.parameters,
      aid: view,
      decision,
      // The postal address: complement, number and street, then postcode and commune.
      recipient: {
        name: `${title} ${personName(person)}`,
        salutation: `${title},`,
        lines: postalLines(h),
      },
    });
    return { fileName: `decision-${a.number}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
} satisfies { [C in keyof AidesHandlers as C extends `aid:${string}` ? C : never]: AidesHandlers[C] };
