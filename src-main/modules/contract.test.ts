/**
 * Walks the whole contract: every channel × every role (and no session) is allowed or
 * refused exactly as the table says, and malformed inputs never crash a handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../shared/roles';
import { newSite } from '../../tests/helpers/site';
import { hashDir } from '../../tests/helpers/tmp';
import { CHANNELS, contract, registry, type Channel, type Input } from './index';
import { dispatch } from '../api/dispatch';
import { channelTable } from '../api/app';
import { hasControlChars } from '../api/text';
import exemple from '../../resources/reglements/exemple.json';

/** A well-formed input per channel; typed, so a new channel cannot be forgotten here. */
const SAMPLES: { [C in Channel]: Input<C> } = {
  'setup:status': {},
  'setup:init': { siteName: 'Autre', siteCode: 'AUT', communes: [], admin: { login: 'x1', displayName: 'X Un', password: 'long enough password' } },
  'auth:session': {},
  'auth:login': { login: 'nobody', password: 'wrong' },
  'auth:logout': {},
  'auth:lock': {},
  'auth:unlock': { password: 'wrong password' },
  'auth:changePassword': { current: 'wrong', next: 'another long password' },
  'auth:recover': { login: 'nobody', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' },
  'site:info': {},
  'admin:listUsers': {},
  'admin:createUser': { login: 'walk.created', displayName: 'Walk Created', roles: ['ass'] },
  'admin:updateUser': { userId: 999, displayName: 'Nobody' },
  'admin:disableUser': { userId: 999, rotateKey: false },
  'admin:enableUser': { userId: 999 },
  'admin:resetPassword': { userId: 999 },
  'admin:listSectors': {},
  'admin:saveSector': { name: 'Walk sector', referentAssId: null, referentCesfId: null, communes: [] },
  'admin:deleteSector': { id: 999 },
  'admin:addCommune': { insee: '82999', name: 'Walkville' },
  'admin:getSettings': {},
  'admin:saveSettings': { idleLockMinutes: 15 },
  'admin:getSite': {},
  'admin:saveSite': { serviceName: 'Service social', addressLines: ['2 rue de la Banque'], postcode: '82000', city: 'Montauban', phone: '05 63 00 00 00' },
  'admin:setLogo': { logo: null },
  'admin:listBackups': {},
  'admin:backup': {},
  'admin:restoreBackup': { file: 'absente.passeur', login: 'admin', password: 'pas le bon mot de passe' },
  'admin:renewRecoveryCode': {},
  'audit:verify': {},
  'audit:list': { limit: 5 },
  // Ids 3 and 4 are walk.ass and walk.cesf (created in that order below); 999 exists nowhere.
  'persons:search': { q: 'dupont' },
  'persons:duplicates': { birthName: 'Dupont', firstNames: 'Marie', birthDate: '1980-01-02' },
  'persons:get': { id: 999 },
  'persons:create': { birthName: 'Walk', firstNames: 'Person', household: { address: '', communeInsee: null } },
  'persons:update': { id: 999, birthName: 'Walk', firstNames: 'Person' },
  'households:update': { id: 999, address: '1 rue', communeInsee: null },
  'persons:merge': { keepId: 998, absorbId: 999 },
  'persons:unmerge': { mergeId: 999 },
  'persons:merges': {},
  'persons:retention': {},
  'persons:purge': { ids: [999] },
  'persons:export': { id: 1, format: 'json' },
  'tasks:mine': {},
  'intake:forDsu': { dsuId: 1 },
  'intake:forPerson': { personId: 1 },
  'rdv:forDsu': { dsuId: 1 },
  'stats:period': { from: '2026-01-01', to: '2026-12-31' },
  'surendettement:open': { dsuId: 1 },
  'surendettement:get': { id: 1 },
  'surendettement:forDsu': { dsuId: 1 },
  'surendettement:list': {},
  'surendettement:exists': { dsuId: 1 },
  'surendettement:saveDebt': { fileId: 1, creditor: 'Banque du Quercy', nature: 'credit_consommation', amountCents: 450_000, monthlyCents: 15_000 },
  'surendettement:removeDebt': { fileId: 1, debtId: 1 },
  'surendettement:saveBudget': { fileId: 1, validOn: '2026-11-20', adults: 1, dependants: 0, budget: { resources: [], charges: [] } },
  'surendettement:addStage': { fileId: 1, kind: 'depot', day: '2026-11-20' },
  'surendettement:document': { id: 1, format: 'xlsx' },
  'protection:save': { kind: 'ip', receivedOn: '2026-11-02', origin: 'education_nationale', concerned: [999], team: [{ userId: 3 }, { externalName: 'Mme Crip', externalRole: 'crip' }] },
  'protection:list': {},
  'protection:get': { id: 1 },
  'protection:setParents': { id: 1, informedOn: '2026-11-05', informedHow: 'courrier' },
  'protection:addEntry': { evaluationId: 1, occurredOn: '2026-11-10', type: 'vad', summary: 'Visite' },
  'protection:saveReport': { id: 1, domains: { besoins: 'Besoins' }, dangerLevel: 'risque_danger', dangerKinds: ['negligences'], proposals: ['aed'] },
  'protection:markSent': { id: 1, sentOn: '2026-11-20' },
  'protection:announce': { id: 1, announcedOn: '2026-11-21' },
  'protection:report': { id: 1 },
  'protection:sheet': { id: 1, format: 'csv' },
  'protection:sheets': { from: '2026-01-01', to: '2026-12-31', format: 'csv' },
  'protection:received': {},
  'protection:setReceived': { year: 2026, kind: 'ip', count: 662 },
  'protection:includeInExport': { id: 1, reason: 'Demande de la personne, avis favorable' },
  'expulsions:open': { dsuId: 1, landlordKind: 'personne_morale', landlordName: 'Tarn-et-Garonne Habitat', rentCents: 52_000 },
  'expulsions:get': { id: 1 },
  'expulsions:forDsu': { dsuId: 1 },
  'expulsions:list': {},
  'expulsions:exists': { dsuId: 1 },
  'expulsions:saveCase': { caseId: 1, landlordKind: 'personne_physique', landlordName: 'M. Rivière', rentCents: 48_000 },
  'expulsions:addDebt': { caseId: 1, day: '2026-11-20', amountCents: 156_000 },
  'expulsions:addStage': { caseId: 1, kind: 'commandement_payer', day: '2026-11-20', actor: 'SCP Huissiers du Quercy' },
  'expulsions:setOutcome': { caseId: 1, outcome: 'relogement', day: '2026-11-20' },
  'expulsions:linkAid': { caseId: 1, aidId: 1 },
  'expulsions:forAid': { aidId: 1 },
  'concertation:members': {},
  'concertation:saveMember': { name: 'Mme Girard', organisation: 'CCAS de Montauban' },
  'concertation:forDsu': { dsuId: 1 },
  'concertation:list': {},
  'concertation:refer': { dsuId: 1, consentId: 1, motif: 'Retour d’un enfant après placement', purpose: 'Coordonner le soutien', field: 'enfance', services: ['CAF'], elementKinds: ['logement'] },
  'concertation:get': { id: 1 },
  'concertation:addMember': { referralId: 1, name: 'M. Petit', organisation: 'Bailleur social' },
  'concertation:signCharter': { referralId: 1, participantId: 1, signedOn: '2026-11-20' },
  'concertation:recordMeeting': { referralId: 1, heldOn: '2026-11-20', place: 'MDS', attendees: [1] },
  'concertation:addElement': { referralId: 1, kind: 'logement', content: 'Dette locative' },
  'concertation:addDecision': { referralId: 1, action: 'Demande FSL', who: 'ASS' },
  'concertation:close': { referralId: 1 },
  'concertation:document': { id: 1 },
  'expulsions:ccapexList': {},
  'expulsions:ccapexSave': { heldOn: '2026-12-10', place: 'Préfecture de Montauban', members: [{ name: 'Mme Durand', role: 'Sous-préfecture' }] },
  'expulsions:ccapexGet': { id: 1 },
  'expulsions:ccapexAddCase': { sessionId: 1, caseId: 1 },
  'expulsions:ccapexRemoveCase': { sessionId: 1, caseId: 1 },
  'expulsions:ccapexEvaluation': { sessionId: 1, caseId: 1, evaluation: 'Reprise du paiement du loyer courant.', proposals: 'Plan d’apurement sur 24 mois.' },
  'expulsions:ccapexNote': { sessionId: 1, caseId: 1 },
  'expulsions:ccapexOpinion': { sessionId: 1, caseId: 1, day: '2026-11-20', avis: 'orientation_fsl' },
  'intake:options': {},
  'intake:motifs': {},
  'intake:saveMotif': { label: 'Motif du parcours' },
  'intake:record': { personId: 999, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Demande', outcome: 'information' },
  'rdv:agenda': { professionalId: 3, from: '2026-11-23' },
  'rdv:book': { professionalId: 3, personId: 999, startsAt: '2099-01-05T09:00', durationMin: 30, kind: 'permanence', place: 'MDS' },
  'rdv:nextFree': { professionalId: 3, from: '2099-01-05T09:00', durationMin: 30 },
  'rdv:setStatus': { id: 999, status: 'honore', field: 'budget' },
  'rdv:grid': { professionalIds: [3, 4], from: '2026-11-23', days: 5 },
  'rdv:move': { id: 999, professionalId: 3, startsAt: '2099-01-05T10:00', durationMin: 30, place: 'MDS' },
  'rdv:cancel': { id: 999, reason: 'demande_personne', note: '' },
  'rdv:convocation': { id: 999, bring: ['Avis d’imposition'] },
  'rdv:reminders': { day: '2026-11-24' },
  'rdv:remindersFile': { day: '2026-11-24', format: 'csv' },
  'rdv:hours': {},
  'rdv:saveHours': { week: [[{ from: '08:30', to: '12:00' }], [], [], [], [], [], []], closed: [] },
  'rdv:permanences': {},
  'rdv:savePermanence': { place: 'Mairie de Montech', address: 'Place de la mairie', communeInsee: '82125', professionalId: 3, weekday: 2, startsAt: '09:00', endsAt: '12:00', everyWeeks: 2, firstDay: '2026-12-01' },
  'partners:list': {},
  'partners:save': { organisation: 'CAF de Tarn-et-Garonne' },
  'partners:import': { csv: 'Organisme;Service\nCPAM;Accueil\n' },
  'collectif:list': {},
  'collectif:get': { id: 999 },
  'collectif:save': { title: 'Atelier cuisine', aim: 'Rompre l’isolement', partners: [{ name: 'Secours populaire' }], fundings: [{ funder: 'CAF', amountCents: 150_000, fundingStatus: 'demande' }] },
  'collectif:saveSession': { actionId: 999, date: '2026-11-24', starts: '14:00', ends: '16:00', place: 'MDS' },
  'collectif:participants': { actionId: 999 },
  'collectif:addParticipant': { actionId: 999, personId: 999, consentGiven: true, consentOn: '2026-11-20', consentForm: 'ecrit' },
  'collectif:removeParticipant': { actionId: 999, participantId: 999 },
  'collectif:attendance': { sessionId: 999, anonymousCount: 2, marks: [] },
  'collectif:saveEvaluation': { actionId: 999, date: '2026-11-20', text: 'Évaluation' },
  'dsu:list': { scope: 'mine' },
  'dsu:open': { householdId: 999 },
  'dsu:get': { id: 999 },
  'dsu:journal': { id: 999, beforeId: 1 },
  'dsu:addEntry': { dsuId: 999, occurredOn: '2026-01-05', type: 'entretien_bureau', field: 'budget', summary: 'Résumé' },
  'dsu:setReferent': { dsuId: 999, referentId: 3 },
  'dsu:addIntervenant': { dsuId: 999, externalName: 'Mme Educ', mission: 'Éducatrice' },
  'dsu:endIntervenant': { id: 999 },
  'dsu:addDocument': { dsuId: 999, kind: 'autre', title: 'Doc', docDate: '2026-01-05', contentBase64: 'JVBERi0=' },
  'dsu:getDocument': { id: 999 },
  'dsu:addConsent': { dsuId: 999, personId: 999, recipientLabel: 'CAF', scope: 'Dossier logement', form: 'ecrit', givenOn: '2026-01-05' },
  'dsu:withdrawConsent': { id: 999, withdrawnOn: '2026-01-06' },
  'dsu:close': { id: 999, reason: 'fin_de_demande' },
  'dsu:reopen': { id: 999 },
  'dsu:retention': {},
  'dsu:archive': { ids: [999] },
  'dsu:export': { id: 999, format: 'json' },
  'dsu:situation': { dsuId: 999 },
  'dsu:saveSituation': { dsuId: 999, basedOn: null, situation: { validOn: '2026-01-05', housing: { status: 'locataire_social', rentCents: 45_000 } } },
  'aid:options': {},
  'aid:evaluate': { dsuId: 999, personId: 999, requestedOn: '2026-01-05', dispositif: 'secours_cd', nature: 'alimentaire', object: 'Courses', amountCents: 5000, paymentMode: 'virement_beneficiaire', budget: { resources: [], charges: [] } },
  'aid:save': { dsuId: 999, personId: 999, requestedOn: '2026-01-05', dispositif: 'secours_cd', nature: 'alimentaire', object: 'Courses', amountCents: 5000, paymentMode: 'virement_beneficiaire', budget: { resources: [], charges: [] } },
  'aid:get': { id: 999 },
  'aid:forDsu': { dsuId: 999 },
  'aid:list': { scope: 'mine' },
  'aid:queue': {},
  'aid:lastBudget': { dsuId: 999 },
  'aid:act': { action: 'take', id: 999 },
  'aid:payment': { id: 999, mandatedOn: '2026-01-05', paidOn: null },
  'aid:letter': { id: 999 },
  'commission:list': {},
  'commission:save': { heldOn: '2026-12-10', members: ['Mme Présidente'] },
  'commission:get': { id: 999 },
  'commission:assign': { id: 999, add: [999] },
  'commission:decide': { id: 999, requestId: 999, decision: 'refusee', reasons: 'Hors barème' },
  'commission:agenda': { id: 999 },
  'envelope:list': { year: 2026 },
  'envelope:set': { year: 2026, envelope: 'enveloppe_cd', votedCents: 100_000_00 },
  'reglement:list': {},
  'reglement:get': { id: 999 },
  'reglement:import': { document: JSON.stringify({ ...exemple, code: 'walk' }) },
  'reglement:update': { id: 999, document: '{}' },
  'reglement:activate': { id: 999 },
  'reglement:replay': { id: 999 },
  'params:list': {},
  'params:addEntry': { id: 'bareme_saisies', from: '2099-01-01', value: { tranches: [{ upTo_cents: 100, fraction: [1, 2] }, { upTo_cents: null, fraction: [1, 1] }], perDependant_cents: 0 }, source: 'Essai' },
  'params:import': { text: '[]' },
  'team:status': {},
  'team:createPairingCode': {},
  'team:setHosting': { enabled: false, address: '127.0.0.1', port: 7443 },
  'team:revoke': { id: 'poste-inconnu' },
};

const MALFORMED: unknown[] = [42, 'texte', [], true, { unexpected: 1 }, { login: 123 }, { userId: -1 }, { id: 'un' }, { limit: 1e9 }, { password: null }];

let site: Awaited<ReturnType<typeof newSite>>;
const users = new Map<Role, number>();

beforeAll(async () => {
  site = await newSite();
  for (const role of ROLES) {
    const u = await site.userWith(`walk.${role}`, [role]);
    users.set(role, u.id);
  }
});
afterAll(() => site?.app.close());

function freshSession(role: Role) {
  return site.app.sessions.create({ userId: users.get(role)!, login: `walk.${role}`, roles: [role], mustChangePassword: false }).token;
}

/**
 * Who may call what, written out here rather than read from the contract under test: a role
 * given or taken away by mistake in a contract file fails this walk. (DOMAIN §1: the front
 * desk finds, registers and books; ASS/CESF keep the DSU and instruct aids; responsables
 * validate, merge, hold the commission and the envelopes; the admin runs accounts,
 * territory and règlements but reads no social content.)
 */
const ACCESS: { [C in Channel]: 'public' | 'authenticated' | readonly Role[] } = {
  'setup:status': 'public',
  'setup:init': 'public',
  'auth:session': 'public',
  'auth:login': 'public',
  'auth:logout': 'authenticated',
  'auth:lock': 'authenticated',
  'auth:unlock': 'authenticated',
  'auth:changePassword': 'authenticated',
  'auth:recover': 'public',
  'site:info': 'authenticated',
  'admin:listUsers': ['admin'],
  'admin:createUser': ['admin'],
  'admin:updateUser': ['admin'],
  'admin:disableUser': ['admin'],
  'admin:enableUser': ['admin'],
  'admin:resetPassword': ['admin'],
  'admin:listSectors': ['admin', 'responsable'],
  'admin:saveSector': ['admin'],
  'admin:deleteSector': ['admin'],
  'admin:addCommune': ['admin'],
  'admin:getSettings': ['admin'],
  'admin:saveSettings': ['admin'],
  'admin:getSite': ['admin'],
  'admin:saveSite': ['admin'],
  'admin:setLogo': ['admin'],
  'admin:listBackups': ['admin'],
  'admin:backup': ['admin'],
  'admin:restoreBackup': ['admin'],
  'admin:renewRecoveryCode': ['admin'],
  'audit:verify': ['admin', 'responsable'],
  'audit:list': ['admin', 'responsable'],
  'persons:search': ['secretaire', 'ass', 'cesf', 'responsable'],
  'persons:duplicates': ['secretaire', 'ass', 'cesf', 'responsable'],
  'persons:get': ['secretaire', 'ass', 'cesf', 'responsable'],
  'persons:create': ['secretaire', 'ass', 'cesf', 'responsable'],
  'persons:update': ['secretaire', 'ass', 'cesf', 'responsable'],
  'households:update': ['secretaire', 'ass', 'cesf', 'responsable'],
  'persons:merge': ['responsable'],
  'persons:unmerge': ['responsable'],
  'persons:merges': ['responsable'],
  'persons:retention': ['responsable'],
  'persons:purge': ['responsable'],
  'persons:export': ['ass', 'cesf', 'responsable'],
  'tasks:mine': 'authenticated',
  'intake:forDsu': ['ass', 'cesf', 'responsable'],
  'intake:forPerson': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:forDsu': ['ass', 'cesf', 'responsable'],
  'stats:period': ['responsable'],
  'surendettement:open': ['ass', 'cesf'],
  'surendettement:get': ['ass', 'cesf', 'responsable'],
  'surendettement:forDsu': ['ass', 'cesf', 'responsable'],
  'surendettement:list': ['ass', 'cesf', 'responsable'],
  'surendettement:exists': ['secretaire', 'ass', 'cesf', 'responsable'],
  'surendettement:saveDebt': ['ass', 'cesf'],
  'surendettement:removeDebt': ['ass', 'cesf'],
  'surendettement:saveBudget': ['ass', 'cesf'],
  'surendettement:addStage': ['ass', 'cesf'],
  'surendettement:document': ['ass', 'cesf', 'responsable'],
  'protection:save': ['responsable'],
  'protection:list': ['ass', 'cesf', 'responsable'],
  'protection:get': ['ass', 'cesf', 'responsable'],
  'protection:setParents': ['ass', 'cesf', 'responsable'],
  'protection:addEntry': ['ass', 'cesf', 'responsable'],
  'protection:saveReport': ['ass', 'cesf', 'responsable'],
  'protection:markSent': ['ass', 'cesf', 'responsable'],
  'protection:announce': ['responsable'],
  'protection:report': ['ass', 'cesf', 'responsable'],
  'protection:sheet': ['ass', 'cesf', 'responsable'],
  'protection:sheets': ['responsable'],
  'protection:received': ['responsable'],
  'protection:setReceived': ['responsable'],
  'protection:includeInExport': ['responsable'],
  'expulsions:open': ['ass', 'cesf'],
  'expulsions:get': ['ass', 'cesf', 'responsable'],
  'expulsions:forDsu': ['ass', 'cesf', 'responsable'],
  'expulsions:list': ['ass', 'cesf', 'responsable'],
  'expulsions:exists': ['secretaire', 'ass', 'cesf', 'responsable'],
  'expulsions:saveCase': ['ass', 'cesf'],
  'expulsions:addDebt': ['ass', 'cesf'],
  'expulsions:addStage': ['ass', 'cesf'],
  'expulsions:setOutcome': ['ass', 'cesf'],
  'expulsions:linkAid': ['ass', 'cesf'],
  'expulsions:forAid': ['ass', 'cesf', 'responsable'],
  'concertation:members': ['ass', 'cesf', 'responsable'],
  'concertation:saveMember': ['responsable'],
  'concertation:forDsu': ['ass', 'cesf', 'responsable'],
  'concertation:list': ['ass', 'cesf', 'responsable'],
  'concertation:refer': ['ass', 'cesf'],
  'concertation:get': ['ass', 'cesf', 'responsable'],
  'concertation:addMember': ['ass', 'cesf'],
  'concertation:signCharter': ['ass', 'cesf'],
  'concertation:recordMeeting': ['ass', 'cesf'],
  'concertation:addElement': ['ass', 'cesf'],
  'concertation:addDecision': ['ass', 'cesf'],
  'concertation:close': ['ass', 'cesf'],
  'concertation:document': ['ass', 'cesf', 'responsable'],
  'expulsions:ccapexList': ['ass', 'cesf', 'responsable'],
  'expulsions:ccapexSave': ['ass', 'cesf'],
  'expulsions:ccapexGet': ['ass', 'cesf', 'responsable'],
  'expulsions:ccapexAddCase': ['ass', 'cesf'],
  'expulsions:ccapexRemoveCase': ['ass', 'cesf'],
  'expulsions:ccapexEvaluation': ['ass', 'cesf'],
  'expulsions:ccapexNote': ['ass', 'cesf'],
  'expulsions:ccapexOpinion': ['ass', 'cesf'],
  'intake:options': ['secretaire', 'ass', 'cesf', 'responsable'],
  'intake:record': ['secretaire', 'ass', 'cesf', 'responsable'],
  'intake:motifs': ['admin'],
  'intake:saveMotif': ['admin'],
  'rdv:agenda': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:book': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:nextFree': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:setStatus': ['ass', 'cesf', 'responsable'],
  'rdv:grid': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:move': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:cancel': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:convocation': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:reminders': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:remindersFile': ['secretaire', 'ass', 'cesf', 'responsable'],
  'rdv:hours': ['secretaire', 'ass', 'cesf', 'responsable', 'admin'],
  'rdv:saveHours': ['admin'],
  'rdv:permanences': ['admin'],
  'rdv:savePermanence': ['admin'],
  'partners:list': ['secretaire', 'ass', 'cesf', 'responsable', 'admin'],
  'partners:save': ['secretaire', 'ass', 'cesf', 'responsable', 'admin'],
  'partners:import': ['secretaire', 'responsable', 'admin'],
  'collectif:list': ['ass', 'cesf', 'responsable'],
  'collectif:get': ['ass', 'cesf', 'responsable'],
  'collectif:save': ['ass', 'cesf', 'responsable'],
  'collectif:saveSession': ['ass', 'cesf', 'responsable'],
  'collectif:participants': ['ass', 'cesf', 'responsable'],
  'collectif:addParticipant': ['ass', 'cesf', 'responsable'],
  'collectif:removeParticipant': ['ass', 'cesf', 'responsable'],
  'collectif:attendance': ['ass', 'cesf', 'responsable'],
  'collectif:saveEvaluation': ['ass', 'cesf', 'responsable'],
  'dsu:list': ['ass', 'cesf', 'responsable'],
  'dsu:open': ['ass', 'cesf', 'responsable'],
  'dsu:get': ['ass', 'cesf', 'responsable'],
  'dsu:journal': ['ass', 'cesf', 'responsable'],
  'dsu:addEntry': ['ass', 'cesf', 'responsable'],
  'dsu:setReferent': ['responsable'],
  'dsu:addIntervenant': ['ass', 'cesf', 'responsable'],
  'dsu:endIntervenant': ['ass', 'cesf', 'responsable'],
  'dsu:addDocument': ['ass', 'cesf', 'responsable'],
  'dsu:getDocument': ['ass', 'cesf', 'responsable'],
  'dsu:addConsent': ['ass', 'cesf', 'responsable'],
  'dsu:withdrawConsent': ['ass', 'cesf', 'responsable'],
  'dsu:close': ['ass', 'cesf', 'responsable'],
  'dsu:reopen': ['ass', 'cesf', 'responsable'],
  'dsu:retention': ['responsable'],
  'dsu:archive': ['responsable'],
  'dsu:export': ['ass', 'cesf', 'responsable'],
  'dsu:situation': ['ass', 'cesf', 'responsable'],
  'dsu:saveSituation': ['ass', 'cesf', 'responsable'],
  'aid:options': ['ass', 'cesf', 'responsable'],
  'aid:evaluate': ['ass', 'cesf', 'responsable'],
  'aid:save': ['ass', 'cesf'],
  'aid:get': ['ass', 'cesf', 'responsable'],
  'aid:forDsu': ['ass', 'cesf', 'responsable'],
  'aid:list': ['ass', 'cesf', 'responsable'],
  'aid:queue': ['responsable'],
  'aid:lastBudget': ['ass', 'cesf', 'responsable'],
  'aid:act': ['ass', 'cesf', 'responsable'],
  'aid:payment': ['responsable'],
  'aid:letter': ['ass', 'cesf', 'responsable'],
  'commission:list': ['responsable'],
  'commission:save': ['responsable'],
  'commission:get': ['responsable'],
  'commission:assign': ['responsable'],
  'commission:decide': ['responsable'],
  'commission:agenda': ['responsable'],
  'envelope:list': ['responsable'],
  'envelope:set': ['responsable'],
  'reglement:list': ['admin', 'responsable', 'ass', 'cesf'],
  'reglement:get': ['admin', 'responsable', 'ass', 'cesf'],
  'reglement:import': ['admin', 'responsable'],
  'reglement:update': ['admin', 'responsable'],
  'reglement:activate': ['admin', 'responsable'],
  'reglement:replay': ['admin', 'responsable'],
  'params:list': ['admin'],
  'params:addEntry': ['admin'],
  'params:import': ['admin'],
  'team:status': ['admin'],
  'team:createPairingCode': ['admin'],
  'team:setHosting': ['admin'],
  'team:revoke': ['admin'],
};

function expectedAllowed(channel: Channel, role: Role | null): boolean {
  const access = ACCESS[channel];
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}

describe('contract', () => {
  it('has a handler for every channel and no handler outside the contract', () => {
    expect([...channelTable(registry).keys()].sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(ACCESS).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  for (const channel of CHANNELS) {
    for (const role of [null, ...ROLES] as const) {
      const allowed = expectedAllowed(channel, role);
      it(`${channel} × ${role ?? 'sans session'} → ${allowed ? 'autorisé' : 'refusé'}`, async () => {
        const token = role ? freshSession(role) : null;
        const { result } = await dispatch(site.app, token, channel, SAMPLES[channel]);
        if (allowed) {
          if (!result.ok) expect(['forbidden', 'unauthenticated', 'internal', 'invalid_input']).not.toContain(result.error.code);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe(role ? 'forbidden' : 'unauthenticated');
            expect(result.error.message.length).toBeGreaterThan(20);
          }
        }
      });
    }
  }

  it('answers malformed inputs with invalid_input (or a refusal), never a crash', async () => {
    const token = freshSession('admin');
    for (const channel of CHANNELS) {
      for (const bad of MALFORMED) {
        const { result } = await dispatch(site.app, token, channel, bad);
        // Not an object at all: always refused at the boundary, before any handler.
        if (typeof bad !== 'object' || Array.isArray(bad)) expect(result, `${channel} ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        if (!result.ok) {
          expect(result.error.code, `${channel} ${JSON.stringify(bad)}`).not.toBe('internal');
          expect(result.error.message).not.toMatch(/at .*\.ts:|Error:/);
        }
      }
    }
  });

  it('names the faulty field in French', async () => {
    const { result } = await dispatch(site.app, site.adminToken, 'admin:createUser', { login: 'é!', displayName: 'X', roles: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'login' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Identifiant invalide/);
    if (!result.ok) expect(result.error.message).not.toMatch(/login/);
  });

  it('names every faulty field in French at once, without its technical name, writing nothing', async () => {
    const before = hashDir(site.dir);
    const { result } = await dispatch(site.app, freshSession('secretaire'), 'persons:create', { birthName: '', firstNames: '', birthDate: '31/02/1990', household: { address: '', communeInsee: null } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'birthName' } });
    if (result.ok) return;
    const fields = (result.error as { fields?: Record<string, string> }).fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['birthDate', 'birthName', 'firstNames']);
    expect(fields.birthName).toMatch(/^Nom de naissance : /);
    expect(fields.firstNames).toMatch(/^Prénom\(s\) : /);
    expect(fields.birthDate).toMatch(/^Date de naissance : /);
    expect(result.error.message).toBe(fields.birthName);
    for (const m of [result.error.message, ...Object.values(fields)]) expect(m).not.toMatch(/Donnée invalide|birthName|firstNames|birthDate/);
    expect(hashDir(site.dir)).toEqual(before);
  });

  it('refuses an unknown channel', async () => {
    const { result } = await dispatch(site.app, site.adminToken, 'admin:dropEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});

describe('control characters in text inputs', () => {
  const refused = (label: string) => `${label} : caractères de contrôle interdits (supprimez-les ou retapez le texte).`;
  const person = { firstNames: 'Marie', household: { address: '', communeInsee: null } };

  const cases: [string, Role, Channel, Record<string, unknown>, string, string][] = [
    ['a NUL in a birth name', 'secretaire', 'persons:create', { ...person, birthName: 'Du\u0000pont' }, 'birthName', 'Nom de naissance'],
    ['a bell in a birth name', 'secretaire', 'persons:create', { ...person, birthName: 'Dupont\u0007' }, 'birthName', 'Nom de naissance'],
    ['DEL in first names', 'secretaire', 'persons:create', { ...person, birthName: 'Dupont', firstNames: 'Ma\u007frie' }, 'firstNames', 'Prénom(s)'],
    ['a C1 control in a usage name', 'secretaire', 'persons:create', { ...person, birthName: 'Dupont', usageName: 'Mar\u0085tin' }, 'usageName', 'Nom d’usage'],
    ['a line feed inside a one-line address', 'secretaire', 'persons:create', { ...person, birthName: 'Dupont', household: { address: '1 rue\n2 rue', communeInsee: null } }, 'household.address', 'Numéro et voie'],
    ['a NUL in a display name', 'admin', 'admin:createUser', { login: 'ctl.user', displayName: 'Ctl\u0000User', roles: ['ass'] }, 'displayName', 'Nom affiché'],
    ['a bell in a display name (update)', 'admin', 'admin:updateUser', { userId: 1, displayName: 'Camille\u0007' }, 'displayName', 'Nom affiché'],
    ['a NUL in a login', 'admin', 'admin:createUser', { login: 'ctl\u0000user', displayName: 'Ctl User', roles: ['ass'] }, 'login', 'Identifiant'],
    ['a tab in a sector name', 'admin', 'admin:saveSector', { name: 'Nord\tEst', referentAssId: null, referentCesfId: null, communes: [] }, 'name', 'Nom du secteur'],
    ['an escape in a partner name', 'secretaire', 'partners:save', { organisation: 'CAF\u001b[31m' }, 'organisation', 'Organisme'],
    ['a vertical tab in multi-line missions', 'secretaire', 'partners:save', { organisation: 'CAF', missions: 'Aides\u000bLogement' }, 'missions', 'Missions'],
  ];

  it.each(cases)('refuses %s with invalid_input naming the field, writing nothing', async (_what, role, channel, input, field, label) => {
    const before = hashDir(site.dir);
    const { result } = await dispatch(site.app, freshSession(role), channel, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    if (!result.ok) expect(result.error.message).toBe(refused(label));
    expect(hashDir(site.dir)).toEqual(before);
  });

  it('keeps line feeds, carriage returns and tabs in multi-line texts, and trims them at the edges of one-line texts', async () => {
    const missions = 'Accès aux droits\nLogement :\r\n\t- FSL';
    const { result } = await dispatch(site.app, freshSession('secretaire'), 'partners:save', { organisation: '  Mission locale Garonne\n', missions });
    expect(result).toMatchObject({ ok: true, value: { organisation: 'Mission locale Garonne', missions } });
    const note = 'Première ligne\nDeuxième ligne\r\n\tretrait';
    const entry = contract['dsu:addEntry'].input.safeParse({ dsuId: 1, occurredOn: '2026-01-05', type: 'note_sociale', field: 'budget', summary: note, restrictedNote: note });
    expect(entry.success && entry.data.summary).toBe(note);
    const aid = { ...SAMPLES['aid:save'], noteSociale: note };
    const parsed = contract['aid:save'].input.safeParse(aid);
    expect(parsed.success && parsed.data.noteSociale).toBe(note);
    for (const bad of ['\u0000', '\u0007', '\u001b', '\u0085']) {
      const r = contract['aid:save'].input.safeParse({ ...aid, noteSociale: `Note${bad}sociale` });
      expect(r.success ? null : r.error.issues[0]).toMatchObject({ path: ['noteSociale'], message: refused('Note sociale') });
    }
  });

  it('refuses control characters in budget line labels of an aid request', () => {
    const aid = { ...SAMPLES['aid:save'], budget: { resources: [{ kind: 'salaires', amountCents: 100_000, label: 'Salaire\u0000' }], charges: [] } };
    const r = contract['aid:save'].input.safeParse(aid);
    expect(r.success ? null : r.error.issues[0]).toMatchObject({ path: ['budget', 'resources', 0, 'label'], message: refused('Libellé') });
  });

  it('tells control characters apart, at the range edges', () => {
    for (const c of [0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x80, 0x9f]) expect(hasControlChars(`a${String.fromCharCode(c)}b`), c.toString(16)).toBe(true);
    for (const c of [0x20, 0x7e, 0xa0, 0xe9, 0x2028, 0xfeff]) expect(hasControlChars(`a${String.fromCharCode(c)}b`), c.toString(16)).toBe(false);
    for (const c of [0x09, 0x0a, 0x0d]) expect(hasControlChars(`a${String.fromCharCode(c)}b`, true)).toBe(false);
    for (const c of [0x00, 0x0b, 0x0c, 0x1b, 0x7f, 0x85]) expect(hasControlChars(`a${String.fromCharCode(c)}b`, true)).toBe(true);
  });
});
