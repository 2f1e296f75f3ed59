/**
 * DOMAIN §1: the secretaire never receives social content. A site is filled with social
 * content, every piece of it carrying a marker; then every channel of the front desk, the
 * DSU, appointments and partners is called as the secretaire with real ids. Each answer is
 * either a refusal or free of every marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type Input } from '../../src-main/modules';
import type { PersonCard } from '../../src-main/modules';
import { newTeam, register, type Team } from '../helpers/team';

const MARK = 'SECRETSOCIAL';
const PDF = Buffer.from(`%PDF-1.4\n${MARK}-document\n%%EOF\n`);
/** A collective action, its session and its named participant (the person below). */
const col = { action: 0, session: 0, participant: 0 };
let team: Team;
let p: PersonCard;
const ids = { dsu: 0, entry: 0, document: 0, consent: 0, appointment: 0, toCancel: 0, intervenant: 0, merge: 0, other: 0, aid: 0, commission: 0, surFile: 0, surDebt: 0, expCase: 0, concertation: 0, concertationMember: 0, child: 0, evaluation: 0, ccapex: 0 };
/** Protection evaluations (DOMAIN §10): their own marker, for only their team and the responsables may read them. */
const PMARK = 'SECRETPROTECTION';
let cesf2: { id: number; token: string };

beforeAll(async () => {
  team = await newTeam(() => new Date(2026, 10, 23, 9, 0));
  p = await register(team, { birthName: 'Laurent', firstNames: 'Eva', birthDate: '1979-09-09', phone: '0655555555' });
  const other = await register(team, { birthName: 'Laurens', firstNames: 'Eva', phone: '0666666666' });
  ids.other = other.person.id;
  // A collective action led by the ASS, every free text of it marked, the person a named participant.
  col.action = (await team.must(team.ass.token, 'collectif:save', { title: `${MARK}-action`, aim: `${MARK}-objectif`, audience: `${MARK}-public`, partners: [{ name: `${MARK}-partenaire` }], fundings: [{ funder: `${MARK}-financeur`, amountCents: 10_000, fundingStatus: 'demande' }] })).id;
  col.session = (await team.must(team.ass.token, 'collectif:saveSession', { actionId: col.action, date: '2026-11-20', starts: '14:00', ends: '16:00', place: `${MARK}-lieu`, theme: `${MARK}-theme` })).sessions[0]!.id;
  col.participant = (await team.must(team.ass.token, 'collectif:addParticipant', { actionId: col.action, personId: p.person.id, consentGiven: true, consentOn: '2026-11-20', consentForm: 'ecrit' })).participants[0]!.id;
  await team.must(team.ass.token, 'collectif:attendance', { sessionId: col.session, anonymousCount: 2, marks: [{ participantId: col.participant, mark: 'present' }] });
  await team.must(team.ass.token, 'collectif:saveEvaluation', { actionId: col.action, date: '2026-11-23', text: `${MARK}-evaluation`, participantsWords: `${MARK}-paroles`, results: `${MARK}-resultats` });
  const rec = await team.must(team.sec.token, 'intake:record', {
    personId: p.person.id,
    mode: 'telephone',
    motifs: ['violences_intrafamiliales'],
    urgent: true,
    urgencyReason: `${MARK}-urgence`,
    request: `${MARK}-demande`,
    outcome: 'dsu',
  });
  ids.dsu = rec.dsu!.id;
  const s = team.ass.token;
  ids.entry = (await team.must(s, 'dsu:addEntry', { dsuId: ids.dsu, occurredOn: '2026-11-23', type: 'entretien_bureau', field: 'enfance', summary: `${MARK}-resume`, restrictedNote: `${MARK}-note` })).id;
  ids.document = (await team.must(s, 'dsu:addDocument', { dsuId: ids.dsu, kind: 'rapport', title: `${MARK}-titre`, docDate: '2026-11-23', contentBase64: PDF.toString('base64') })).id;
  ids.consent = (await team.must(s, 'dsu:addConsent', { dsuId: ids.dsu, personId: p.person.id, recipientLabel: `${MARK}-destinataire`, scope: `${MARK}-objet`, form: 'ecrit', givenOn: '2026-11-23' })).id;
  await team.must(s, 'dsu:addIntervenant', { dsuId: ids.dsu, externalName: `${MARK}-educ`, mission: `${MARK}-mission` });
  await team.must(s, 'dsu:saveSituation', {
    dsuId: ids.dsu,
    basedOn: null,
    situation: { validOn: '2026-11-23', housing: { status: 'heberge_tiers', landlord: `${MARK}-hebergeant` }, referentParcours: { name: `${MARK}-parcours` }, note: `${MARK}-situation` },
  });
  ids.intervenant = (team.app.vault.db.prepare('SELECT id FROM dsu_intervenants').get() as { id: number }).id;
  await team.must(team.ass2.token, 'dsu:get', { id: ids.dsu, reason: `${MARK}-motif d’accès exceptionnel` });
  const aid = await team.must(s, 'aid:save', {
    dsuId: ids.dsu,
    personId: p.person.id,
    requestedOn: '2026-11-23',
    dispositif: 'secours_cd',
    nature: 'alimentaire',
    object: `${MARK}-objet-aide`,
    amountCents: 9000,
    paymentMode: 'virement_beneficiaire',
    noteSociale: `${MARK}-note-sociale`,
    budget: { resources: [{ kind: 'rsa', amountCents: 30000, label: `${MARK}-budget` }], charges: [] },
  });
  ids.aid = aid.id;
  await team.must(s, 'aid:act', { action: 'submit', id: aid.id });
  await team.must(team.resp.token, 'aid:act', { action: 'take', id: aid.id });
  await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: aid.id, favorable: true, opinion: `${MARK}-avis` });
  ids.commission = (await team.must(team.resp.token, 'commission:save', { heldOn: '2026-11-23', members: ['Élue'] })).id;
  await team.must(team.resp.token, 'commission:assign', { id: ids.commission, add: [aid.id] });
  ids.appointment = (await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: p.person.id, startsAt: '2026-11-25T10:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' })).id;
  ids.toCancel = (await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: p.person.id, startsAt: '2026-11-25T14:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' })).id;
  // An overindebtedness file followed by the CESF, every free text of it marked.
  const sur = await team.must(s, 'surendettement:open', { dsuId: ids.dsu, referentId: team.cesf.id });
  ids.surFile = sur.id;
  ids.surDebt = (await team.must(s, 'surendettement:saveDebt', { fileId: sur.id, creditor: `${MARK}-creancier`, nature: 'dette_locative', amountCents: 210_000, monthlyCents: 0, guarantor: `${MARK}-caution` })).debts[0]!.id;
  await team.must(s, 'surendettement:saveBudget', { fileId: sur.id, validOn: '2026-11-23', adults: 1, dependants: 0, budget: { resources: [{ kind: 'rsa', amountCents: 64_652, label: `${MARK}-ressource` }], charges: [] }, assets: [{ kind: 'epargne', label: `${MARK}-bien`, valueCents: 10_000 }] });
  await team.must(s, 'surendettement:addStage', { fileId: sur.id, kind: 'depot', day: '2026-11-20', reference: `${MARK}-reference`, note: `${MARK}-etape` });
  // An eviction prevention case followed by the CESF, every free text of it marked.
  ids.expCase = (await team.must(s, 'expulsions:open', { dsuId: ids.dsu, referentId: team.cesf.id, landlordKind: 'personne_physique', landlordName: `${MARK}-bailleur`, dwelling: `${MARK}-logement`, leaseSigned: '2024-03-01', rentCents: 52_000 })).id;
  await team.must(s, 'expulsions:addDebt', { caseId: ids.expCase, day: '2026-11-20', amountCents: 156_000 });
  await team.must(s, 'expulsions:addStage', { caseId: ids.expCase, kind: 'commandement_payer', day: '2026-11-20', actor: `${MARK}-huissier`, reference: `${MARK}-acte`, note: `${MARK}-note-expulsion` });
  // A referral to the concertation instance, every free text of it marked, its record closed into the journal.
  ids.concertationMember = (await team.must(team.resp.token, 'concertation:saveMember', { name: `${MARK}-membre`, organisation: `${MARK}-organisme` }))[0]!.id;
  const instanceConsent = (await team.must(s, 'dsu:addConsent', { dsuId: ids.dsu, personId: p.person.id, recipientLabel: `Instance de concertation ${MARK}`, scope: `${MARK}-partage`, form: 'ecrit', givenOn: '2026-11-23' })).id;
  const ref = await team.must(s, 'concertation:refer', { dsuId: ids.dsu, consentId: instanceConsent, motif: `${MARK}-motif-saisine`, purpose: `${MARK}-objet-partage`, field: 'enfance', services: [`${MARK}-service`], elementKinds: ['logement'] });
  ids.concertation = ref.id;
  const associated = await team.must(s, 'concertation:addMember', { referralId: ref.id, name: `${MARK}-associe`, organisation: `${MARK}-bailleur-associe` });
  for (const m of associated.participants) await team.must(s, 'concertation:signCharter', { referralId: ref.id, participantId: m.id, signedOn: '2026-11-23' });
  await team.must(s, 'concertation:addElement', { referralId: ref.id, kind: 'logement', content: `${MARK}-element`, sharedBy: `${MARK}-apporte` });
  await team.must(s, 'concertation:recordMeeting', { referralId: ref.id, heldOn: '2026-11-23', place: `${MARK}-lieu`, attendees: associated.participants.map((m) => m.id) });
  await team.must(s, 'concertation:addDecision', { referralId: ref.id, action: `${MARK}-decision`, who: `${MARK}-qui` });
  await team.must(s, 'concertation:close', { referralId: ref.id });
  // An information préoccupante about the household's child, assigned to the ASS and the CESF; every free text of it marked.
  cesf2 = await team.userWith('cesf2', ['cesf'], 'Denise Deuxième');
  ids.child = (await team.must(team.sec.token, 'persons:create', { birthName: 'Laurent', firstNames: 'Jade', birthDate: '2015-04-04', household: { existingId: p.household!.id, role: 'enfant' }, confirmNotDuplicate: true })).person.id;
  const r = team.resp.token;
  ids.evaluation = (
    await team.must(r, 'protection:save', {
      kind: 'ip',
      receivedOn: '2026-11-02',
      origin: 'education_nationale',
      cellReference: `${PMARK}-ref`,
      facts: `${PMARK}-faits`,
      concerned: [ids.child],
      team: [{ userId: team.ass.id }, { userId: team.cesf.id }, { externalName: `${PMARK}-crip`, externalRole: 'crip' }],
    })
  ).id;
  await team.must(s, 'protection:setParents', { id: ids.evaluation, notInformedReason: `${PMARK}-motif` });
  await team.must(s, 'protection:addEntry', { evaluationId: ids.evaluation, occurredOn: '2026-11-10', type: 'vad', summary: `${PMARK}-visite` });
  await team.must(team.cesf.token, 'protection:saveReport', {
    id: ids.evaluation,
    domains: { besoins: `${PMARK}-besoins`, sante_developpement: `${PMARK}-sante`, ressources_parentales: `${PMARK}-parents`, environnement: `${PMARK}-environnement`, point_de_vue_enfant: `${PMARK}-enfant`, point_de_vue_parents: `${PMARK}-vue-parents` },
    dangerLevel: 'danger',
    dangerKinds: ['negligences'],
    proposals: ['signalement_procureur'],
    proposalsNote: `${PMARK}-propositions`,
  });
  ids.ccapex = (await team.must(s, 'expulsions:ccapexSave', { heldOn: '2026-11-16', place: `${MARK}-lieu-ccapex`, members: [{ name: `${MARK}-membre`, role: 'CAF' }] })).id;
  await team.must(s, 'expulsions:ccapexAddCase', { sessionId: ids.ccapex, caseId: ids.expCase });
  await team.must(s, 'expulsions:ccapexEvaluation', { sessionId: ids.ccapex, caseId: ids.expCase, evaluation: `${MARK}-evaluation-ccapex`, proposals: `${MARK}-propositions` });
});
afterAll(() => team?.app.close());

/** Real inputs for the channels of the front desk and the DSU. */
function inputFor(c: Channel): unknown {
  const inputs: Partial<{ [C in Channel]: Input<C> }> = {
    'persons:search': { q: 'laurent eva' },
    'persons:duplicates': { birthName: 'Laurent', firstNames: 'Eva', birthDate: '1979-09-09', phone: '0655555555' },
    'persons:get': { id: p.person.id },
    'persons:create': { birthName: 'Laurent', firstNames: 'Eva', household: { existingId: p.household!.id, role: 'autre' }, confirmNotDuplicate: true },
    'persons:update': { id: p.person.id, birthName: 'Laurent', firstNames: 'Eva', birthDate: '1979-09-09', phone: '0655555555' },
    'households:update': { id: p.household!.id, address: '3 place Nationale', communeInsee: '82121' },
    'persons:merge': { keepId: p.person.id, absorbId: ids.other },
    'persons:unmerge': { mergeId: 1 },
    'persons:merges': {},
    'persons:retention': {},
    'persons:purge': { ids: [p.person.id] },
    'persons:export': { id: p.person.id, format: 'json' },
    'intake:options': {},
    'tasks:mine': {},
    'intake:forDsu': { dsuId: ids.dsu },
    'intake:forPerson': { personId: p.person.id },
    'rdv:forDsu': { dsuId: ids.dsu },
    'intake:motifs': {},
    'intake:saveMotif': { label: 'Mobilité' },
    'intake:record': { personId: p.person.id, mode: 'presentiel', motifs: ['autre'], urgent: false, request: 'Renseignement', outcome: 'dsu' },
    'collectif:list': {},
    'collectif:get': { id: col.action },
    'collectif:save': { id: col.action, title: 'Atelier', aim: '' },
    'collectif:saveSession': { actionId: col.action, sessionId: col.session, date: '2026-11-20', starts: '14:00', ends: '16:00', place: 'MDS' },
    'collectif:participants': { actionId: col.action },
    'collectif:addParticipant': { actionId: col.action, personId: ids.other, consentGiven: true, consentOn: '2026-11-20', consentForm: 'ecrit' },
    'collectif:removeParticipant': { actionId: col.action, participantId: col.participant },
    'collectif:attendance': { sessionId: col.session, anonymousCount: 1, marks: [] },
    'collectif:saveEvaluation': { actionId: col.action, date: '2026-11-23', text: 'Bilan' },
    'rdv:agenda': { professionalId: team.ass.id, from: '2026-11-23', days: 7 },
    'rdv:book': { professionalId: team.ass.id, personId: p.person.id, startsAt: '2026-11-26T10:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' },
    'rdv:nextFree': { professionalId: team.ass.id, from: '2026-11-25T10:00', durationMin: 30 },
    'rdv:setStatus': { id: ids.appointment, status: 'absent' },
    'rdv:grid': { professionalIds: [team.ass.id, team.cesf.id], from: '2026-11-23', days: 5 },
    'rdv:move': { id: ids.appointment, professionalId: team.ass.id, startsAt: '2026-11-27T10:00', durationMin: 30, place: 'MDS' },
    'rdv:cancel': { id: ids.toCancel, reason: 'demande_personne', note: 'Rappellera' },
    'rdv:convocation': { id: ids.appointment, bring: ['Avis d’imposition'] },
    'rdv:reminders': { day: '2026-11-27' },
    'rdv:remindersFile': { day: '2026-11-27', format: 'csv' },
    'rdv:hours': {},
    'rdv:saveHours': { week: [[], [], [], [], [], [], []], closed: [] },
    'rdv:permanences': {},
    'rdv:savePermanence': { place: 'Mairie', address: '', communeInsee: '82125', professionalId: team.ass.id, weekday: 2, startsAt: '09:00', endsAt: '12:00', everyWeeks: 1, firstDay: '2026-12-01', lastDay: null },
    'partners:list': {},
    'partners:save': { organisation: 'CCAS de Montauban' },
    'partners:import': { csv: 'Organisme\nSecours populaire\n' },
    'dsu:list': { scope: 'site' },
    'dsu:open': { householdId: p.household!.id },
    'dsu:get': { id: ids.dsu, reason: 'Une raison suffisamment longue' },
    'dsu:journal': { id: ids.dsu, beforeId: ids.entry + 1 },
    'dsu:addEntry': { dsuId: ids.dsu, occurredOn: '2026-11-23', type: 'note_sociale', field: 'budget', summary: 'x' },
    'dsu:setReferent': { dsuId: ids.dsu, referentId: team.ass2.id },
    'dsu:addIntervenant': { dsuId: ids.dsu, externalName: 'X', mission: 'Y' },
    'dsu:endIntervenant': { id: ids.intervenant },
    'dsu:addDocument': { dsuId: ids.dsu, kind: 'autre', title: 'x', docDate: '2026-11-23', contentBase64: PDF.toString('base64') },
    'dsu:getDocument': { id: ids.document },
    'dsu:addConsent': { dsuId: ids.dsu, personId: p.person.id, recipientLabel: 'X', scope: 'Y', form: 'ecrit', givenOn: '2026-11-23' },
    'dsu:withdrawConsent': { id: ids.consent, withdrawnOn: '2026-11-23' },
    'dsu:close': { id: ids.dsu, reason: 'fin_de_demande' },
    'dsu:reopen': { id: ids.dsu },
    'dsu:retention': {},
    'dsu:archive': { ids: [ids.dsu] },
    'dsu:export': { id: ids.dsu, format: 'json' },
    'dsu:situation': { dsuId: ids.dsu },
    'dsu:saveSituation': { dsuId: ids.dsu, basedOn: null, situation: { validOn: '2026-11-23' } },
    'aid:options': {},
    'aid:evaluate': { dsuId: ids.dsu, personId: p.person.id, requestedOn: '2026-11-23', dispositif: 'secours_cd', nature: 'alimentaire', object: 'x', amountCents: 100, paymentMode: 'virement_beneficiaire', budget: { resources: [], charges: [] } },
    'aid:save': { dsuId: ids.dsu, personId: p.person.id, requestedOn: '2026-11-23', dispositif: 'secours_cd', nature: 'alimentaire', object: 'x', amountCents: 100, paymentMode: 'virement_beneficiaire', budget: { resources: [], charges: [] } },
    'aid:get': { id: ids.aid },
    'aid:forDsu': { dsuId: ids.dsu },
    'aid:list': { scope: 'mine' },
    'aid:queue': {},
    'aid:lastBudget': { dsuId: ids.dsu },
    'aid:act': { action: 'classify', id: ids.aid, reason: 'x' },
    'aid:payment': { id: ids.aid, mandatedOn: null, paidOn: null },
    'aid:letter': { id: ids.aid },
    'commission:list': {},
    'commission:save': { heldOn: '2026-11-30', members: ['x'] },
    'commission:get': { id: ids.commission },
    'commission:assign': { id: ids.commission, remove: [ids.aid] },
    'commission:decide': { id: ids.commission, requestId: ids.aid, decision: 'refusee', reasons: 'x' },
    'commission:agenda': { id: ids.commission },
    'envelope:list': { year: 2026 },
    'envelope:set': { year: 2026, envelope: 'enveloppe_cd', votedCents: 1 },
    'reglement:list': {},
    'reglement:get': { id: 1 },
    'reglement:import': { document: '{}' },
    'reglement:update': { id: 1, document: '{}' },
    'reglement:activate': { id: 1 },
    'surendettement:open': { dsuId: ids.dsu },
    'surendettement:get': { id: ids.surFile },
    'surendettement:forDsu': { dsuId: ids.dsu },
    'surendettement:list': {},
    'surendettement:exists': { dsuId: ids.dsu },
    'surendettement:saveDebt': { fileId: ids.surFile, creditor: 'Banque', nature: 'autre', amountCents: 1, monthlyCents: 1 },
    'surendettement:removeDebt': { fileId: ids.surFile, debtId: ids.surDebt },
    'surendettement:saveBudget': { fileId: ids.surFile, validOn: '2026-11-23', adults: 1, dependants: 0, budget: { resources: [], charges: [] } },
    'surendettement:addStage': { fileId: ids.surFile, kind: 'audience', day: '2026-12-01' },
    'surendettement:document': { id: ids.surFile, format: 'pdf' },
    'reglement:replay': { id: 1 },
    'expulsions:open': { dsuId: ids.dsu, landlordKind: 'personne_physique', landlordName: 'M. X', rentCents: 1 },
    'expulsions:get': { id: ids.expCase },
    'expulsions:forDsu': { dsuId: ids.dsu },
    'expulsions:list': {},
    'expulsions:exists': { dsuId: ids.dsu },
    'expulsions:saveCase': { caseId: ids.expCase, landlordKind: 'personne_physique', landlordName: 'M. X', rentCents: 1 },
    'expulsions:addDebt': { caseId: ids.expCase, day: '2026-11-23', amountCents: 1 },
    'expulsions:addStage': { caseId: ids.expCase, kind: 'audience', day: '2026-12-01' },
    'expulsions:setOutcome': { caseId: ids.expCase, outcome: 'relogement', day: '2026-11-23' },
    'expulsions:linkAid': { caseId: ids.expCase, aidId: ids.aid },
    'expulsions:forAid': { aidId: ids.aid },
    'concertation:members': {},
    'concertation:saveMember': { id: ids.concertationMember, name: 'X', organisation: 'Y' },
    'concertation:forDsu': { dsuId: ids.dsu },
    'concertation:list': {},
    'concertation:refer': { dsuId: ids.dsu, consentId: ids.consent, motif: 'x', purpose: 'y', field: 'enfance', services: ['z'], elementKinds: ['logement'] },
    'concertation:get': { id: ids.concertation },
    'concertation:addMember': { referralId: ids.concertation, name: 'X', organisation: 'Y' },
    'concertation:signCharter': { referralId: ids.concertation, participantId: 1, signedOn: '2026-11-23' },
    'concertation:recordMeeting': { referralId: ids.concertation, heldOn: '2026-11-23', place: 'X', attendees: [1] },
    'concertation:addElement': { referralId: ids.concertation, kind: 'logement', content: 'x' },
    'concertation:addDecision': { referralId: ids.concertation, action: 'x', who: 'y' },
    'concertation:close': { referralId: ids.concertation },
    'concertation:document': { id: ids.concertation },
    'protection:save': { id: ids.evaluation, kind: 'ip', receivedOn: '2026-11-02', origin: 'education_nationale', concerned: [ids.child], team: [{ userId: team.ass2.id }, { userId: team.cesf.id }] },
    'protection:list': {},
    'protection:get': { id: ids.evaluation },
    'protection:setParents': { id: ids.evaluation, informedOn: '2026-11-05', informedHow: 'courrier' },
    'protection:addEntry': { evaluationId: ids.evaluation, occurredOn: '2026-11-12', type: 'synthese', summary: 'x' },
    'protection:saveReport': { id: ids.evaluation, domains: {}, proposals: ['cloture'] },
    'protection:markSent': { id: ids.evaluation, sentOn: '2026-11-20' },
    'protection:announce': { id: ids.evaluation, announcedOn: '2026-11-23' },
    'protection:report': { id: ids.evaluation },
    'protection:sheet': { id: ids.evaluation, format: 'csv' },
    'protection:sheets': { from: '2026-01-01', to: '2026-12-31', format: 'csv' },
    'protection:received': {},
    'protection:setReceived': { year: 2026, kind: 'ip', count: 1 },
    'protection:includeInExport': { id: ids.evaluation, reason: 'x' },
    'expulsions:ccapexList': {},
    'expulsions:ccapexSave': { id: ids.ccapex, heldOn: '2026-11-16' },
    'expulsions:ccapexGet': { id: ids.ccapex },
    'expulsions:ccapexAddCase': { sessionId: ids.ccapex, caseId: ids.expCase },
    'expulsions:ccapexRemoveCase': { sessionId: ids.ccapex, caseId: ids.expCase },
    'expulsions:ccapexEvaluation': { sessionId: ids.ccapex, caseId: ids.expCase, evaluation: 'x' },
    'expulsions:ccapexNote': { sessionId: ids.ccapex, caseId: ids.expCase },
    'expulsions:ccapexOpinion': { sessionId: ids.ccapex, caseId: ids.expCase, day: '2026-11-20', avis: 'report' },
  };
  return inputs[c];
}

/** The front desk's and the social modules' channels, and every channel the secretaire may call (a new module's too). */
const openToSecretaire = (c: Channel) => {
  const access = contract[c].access;
  return access === 'authenticated' || (Array.isArray(access) && access.includes('secretaire'));
};
const CHECKED_CHANNELS = CHANNELS.filter((c) => /^(persons|households|intake|rdv|partners|dsu|aid|commission|envelope|reglement|surendettement|expulsions|concertation|collectif|protection):/.test(c) || (openToSecretaire(c) && !/^(auth|setup|site):/.test(c)));

describe('what the secretaire receives', () => {
  it('covers every channel of the front desk, the DSU, appointments and partners', () => {
    expect(CHECKED_CHANNELS.length).toBeGreaterThanOrEqual(60);
    for (const c of CHECKED_CHANNELS) expect(inputFor(c), c).toBeDefined();
  });

  it('has the social content in the store (so the test below means something)', async () => {
    const full = JSON.stringify([await team.must(team.ass.token, 'dsu:get', { id: ids.dsu }), await team.must(team.ass.token, 'intake:forDsu', { dsuId: ids.dsu })]);
    for (const m of ['resume', 'note', 'titre', 'objet', 'demande', 'urgence', 'motif d’accès']) expect(full).toContain(`${MARK}-${m}`);
    const situation = JSON.stringify(await team.must(team.ass.token, 'dsu:situation', { dsuId: ids.dsu }));
    for (const m of ['hebergeant', 'parcours', 'situation']) expect(situation).toContain(`${MARK}-${m}`);
    const aid = JSON.stringify(await team.must(team.ass.token, 'aid:get', { id: ids.aid }));
    for (const m of ['objet-aide', 'note-sociale', 'budget', 'avis']) expect(aid).toContain(`${MARK}-${m}`);
  });

  it('learns of an overindebtedness file only that it exists, who follows it and since when', async () => {
    const full = JSON.stringify(await team.must(team.cesf.token, 'surendettement:get', { id: ids.surFile }));
    for (const m of ['creancier', 'caution', 'ressource', 'bien', 'reference', 'etape']) expect(full).toContain(`${MARK}-${m}`);
    expect(await team.must(team.sec.token, 'surendettement:exists', { dsuId: ids.dsu })).toEqual([{ followedBy: 'Claire Conseillère', openedOn: '2026-11-23' }]);
  });

  it('learns of an eviction prevention case only that it exists, who follows it and since when', async () => {
    const full = JSON.stringify(await team.must(team.cesf.token, 'expulsions:get', { id: ids.expCase }));
    for (const m of ['bailleur', 'logement', 'huissier', 'acte', 'note-expulsion']) expect(full).toContain(`${MARK}-${m}`);
    expect(await team.must(team.sec.token, 'expulsions:exists', { dsuId: ids.dsu })).toEqual([{ followedBy: 'Claire Conseillère', openedOn: '2026-11-23' }]);
  });

  it('has the concertation’s content, and its synthesis in the DSU’s journal (so the calls below mean something)', async () => {
    const full = JSON.stringify(await team.must(team.ass.token, 'concertation:get', { id: ids.concertation }));
    for (const m of ['motif-saisine', 'objet-partage', 'service', 'associe', 'element', 'apporte', 'lieu', 'decision', 'qui']) expect(full).toContain(`${MARK}-${m}`);
    const journal = (await team.must(team.ass.token, 'dsu:get', { id: ids.dsu })).journal.find((e) => e.type === 'instance_synthese');
    expect(journal?.summary).toContain(`${MARK}-decision`);
    expect(journal?.summary).not.toContain(`${MARK}-element`);
  });

  it('sees nothing of a collective action, whose marked content is in the store', async () => {
    const full = JSON.stringify([await team.must(team.ass.token, 'collectif:get', { id: col.action }), await team.must(team.ass.token, 'collectif:participants', { actionId: col.action })]);
    for (const m of ['action', 'objectif', 'public', 'partenaire', 'financeur', 'lieu', 'theme', 'evaluation', 'paroles', 'resultats']) expect(full).toContain(`${MARK}-${m}`);
    expect(full).toMatch(/LAURENT Eva/);
    const tasks = await team.must(team.sec.token, 'tasks:mine', {});
    expect(tasks.items.filter((t) => t.module === 'collectif')).toEqual([]);
  });

  for (const c of CHECKED_CHANNELS) {
    it(`${c}: refused, or answered without social content`, async () => {
      const { dispatch } = await import('../../src-main/api/dispatch');
      const out = await dispatch(team.app, team.sec.token, c, inputFor(c));
      const allowed = openToSecretaire(c);
      if (!allowed) {
        expect(out.result.ok || out.result.error.code).toBe('forbidden');
        return;
      }
      expect(out.result.ok, JSON.stringify(out.result)).toBe(true); // a real answer, not an error that would pass trivially
      expect(JSON.stringify(out.result)).not.toContain(MARK);
      const b64 = Buffer.from(MARK).toString('base64').slice(0, 12);
      expect(JSON.stringify(out.result)).not.toContain(b64);
    });
  }
});

/**
 * DOMAIN §10: a protection evaluation is read by its team and the responsables only. A third
 * ASS, a CESF not assigned, the secrétaire and the admin call every channel of the contract
 * with real ids (the child's person, the household's DSU, the evaluation's id…): not one
 * answer carries the evaluation's marker, and its own channels answer them as for an id that
 * does not exist (or refuse the role).
 */
describe('what no one outside the evaluation’s team receives', () => {
  it('has the evaluation in the store, every text field marked (so the test below means something)', async () => {
    const full = JSON.stringify(await team.must(team.ass.token, 'protection:get', { id: ids.evaluation }));
    for (const m of ['ref', 'faits', 'crip', 'motif', 'visite', 'besoins', 'sante', 'parents', 'environnement', 'enfant', 'vue-parents', 'propositions']) expect(full).toContain(`${PMARK}-${m}`);
  });

  const outsiders = () => [['a third ASS', team.ass2.token], ['a CESF not assigned', cesf2.token], ['the secrétaire', team.sec.token], ['the admin', team.adminToken]] as const;
  const extra: [Channel, (c: Channel) => unknown][] = [
    ['persons:get', () => ({ id: ids.child })],
    ['persons:export', () => ({ id: ids.child, format: 'json' })],
    ['persons:search', () => ({ q: 'laurent jade' })],
    ['persons:search', () => ({ q: PMARK.toLowerCase() })],
  ];

  for (const c of CHANNELS.filter((x) => !/^(auth|setup):/.test(x))) {
    it(`${c}: no marker of the evaluation for anyone outside its team`, async () => {
      const { dispatch } = await import('../../src-main/api/dispatch');
      for (const [who, token] of outsiders()) {
        const inputs = [inputFor(c) ?? {}, ...extra.filter(([x]) => x === c).map(([, f]) => f(c))];
        for (const input of inputs) {
          const out = await dispatch(team.app, token, c, input);
          const text = JSON.stringify(out.result);
          expect(text, `${c} as ${who}`).not.toContain(PMARK);
          if (text.includes('contentBase64')) {
            const bytes = Buffer.from((out.result as { value: { contentBase64: string } }).value.contentBase64, 'base64').toString('latin1');
            expect(bytes, `${c} as ${who}`).not.toContain(PMARK);
          }
          if (c.startsWith('protection:') && !out.result.ok) expect(['forbidden', 'not_found'], `${c} as ${who}`).toContain(out.result.error.code);
          if (c === 'protection:list' && out.result.ok) expect(out.result.value, who).toEqual([]);
          if ((c === 'protection:get' || c === 'protection:report' || c === 'protection:sheet') && (who === 'a third ASS' || who === 'a CESF not assigned')) {
            expect(out.result, `${c} as ${who}`).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Cette évaluation est introuvable. Ouvrez la liste « Évaluations IP / IS » pour retrouver celles qui vous sont confiées.' } });
          }
        }
      }
    });
  }
});
