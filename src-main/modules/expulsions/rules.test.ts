import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileParameters, parameterDefinition } from '../../shared/parameters';
import { nonWorkingReason } from '../../shared/legal-days';
import { addDays, weekday } from '../../shared/time';
import {
  addWorkingDays,
  computeEvictionDates,
  EVICTION_STAGE_KINDS,
  EVICTION_STAGE_LABELS,
  LANDLORD_KINDS,
  type EvictionDate,
  type EvictionInput,
  type EvictionStageInput,
} from './rules';
import { refused } from '../../../tests/helpers/refused';


const base: EvictionInput = { leaseSigned: '2024-03-10', landlord: 'personne_physique', rehousingAssured: false, stages: [] };
const run = (stages: EvictionStageInput[], more: Partial<EvictionInput> = {}) => computeEvictionDates({ ...base, ...more, stages }, fileParameters);
const one = (stages: EvictionStageInput[], kind: EvictionDate['kind'], more: Partial<EvictionInput> = {}): EvictionDate => {
  const found = run(stages, more).dates.filter((d) => d.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** Whether a day falls in 1 November – 31 March (the trêve of L412-6, as shipped). */
const inTreve = (day: string) => day.slice(5) >= '11-01' || day.slice(5) <= '03-31';

describe('the dated parameters', () => {
  it('ship every delay with its article, changing only with the law', () => {
    const d = parameterDefinition('expulsions_delais');
    expect(d.renewal).toBeNull();
    const v = fileParameters('expulsions_delais', '2026-06-01');
    expect(v.value).toEqual({
      commandement_payer_switch: '2023-07-29',
      commandement_payer_before_months: 2,
      commandement_payer_from_weeks: 6,
      ccapex_avant_assignation_months: 2,
      notification_prefet_days: 42,
      dsf_premier_entretien_working_days: 15,
      dsf_seconde_proposition_working_days: 15,
      quitter_lieux_months: 2,
      prorogation_max_months: 3,
      delais_grace_min_months: 1,
      delais_grace_max_months: 12,
      silence_prefet_months: 2,
    });
    for (const article of ['art. 24', '2023-668', 'décret n° 2021-8', 'L412-1', 'L412-2', 'L412-3', 'L412-4', 'R153-1']) expect(v.source).toContain(article);
    expect(v.warning).toBeNull();
    const t = fileParameters('treve_hivernale', '2030-01-01');
    expect(t).toMatchObject({ value: { start: '11-01', end: '03-31' }, warning: null });
    expect(t.source).toContain('L412-6');
    expect(parameterDefinition('treve_hivernale').renewal).toBeNull();
  });
});

describe('commandement de payer (loi 89-462 art. 24 I)', () => {
  it('a lease signed on 10 March 2024: 6 weeks', () => {
    // Thursday 15 January 2026 + 6 weeks = Thursday 26 February 2026 (same weekday; a working day).
    const d = one([{ kind: 'commandement_payer', date: '2026-01-15' }], 'fin_commandement_payer');
    expect(d).toMatchObject({ due: '2026-02-26', from: { kind: 'commandement_payer', date: '2026-01-15' } });
    expect(d.extended).toBeUndefined();
    expect(d.rule).toBe(
      'Commandement de payer le 15/01/2026 + 6 semaines (même jour de la semaine, CPC art. 641) = 26/02/2026 (bail signé le 10/03/2024, à partir du 29/07/2023) ; la dette non réglée à cette date, la clause résolutoire est acquise le lendemain.',
    );
    expect(d.article).toContain('art. 24 I');
  });

  it('a lease signed in 2022: 2 months, extended past a Sunday (642)', () => {
    // 15 January 2026 + 2 months = 15 March 2026, a Sunday → Monday 16 March 2026.
    const d = one([{ kind: 'commandement_payer', date: '2026-01-15' }], 'fin_commandement_payer', { leaseSigned: '2022-06-01' });
    expect(d).toMatchObject({ due: '2026-03-16', extended: true });
    expect(d.rule).toContain('15/01/2026 + 2 mois (même quantième, CPC art. 641) = 15/03/2026, un dimanche : prorogé au lundi 16 mars 2026');
    expect(d.rule).toContain('bail signé le 01/06/2022, avant le 29/07/2023');
  });

  it('the switch day itself: a lease signed on 29 July 2023 gets 6 weeks, one signed the day before 2 months', () => {
    // Monday 2 March 2026 + 6 weeks = Monday 13 April 2026; + 2 months = Saturday 2 May 2026 → Monday 4 May.
    expect(one([{ kind: 'commandement_payer', date: '2026-03-02' }], 'fin_commandement_payer', { leaseSigned: '2023-07-29' }).due).toBe('2026-04-13');
    expect(one([{ kind: 'commandement_payer', date: '2026-03-02' }], 'fin_commandement_payer', { leaseSigned: '2023-07-28' }).due).toBe('2026-05-04');
  });

  it('6 weeks ending on a public holiday move to the next working day', () => {
    // Thursday 2 April 2026 + 6 weeks = Thursday 14 May 2026, Ascension → Friday 15 May.
    const d = one([{ kind: 'commandement_payer', date: '2026-04-02' }], 'fin_commandement_payer');
    expect(d).toMatchObject({ due: '2026-05-15', extended: true });
    expect(d.rule).toContain('un jour férié (Ascension) : prorogé au vendredi 15 mai 2026');
  });

  it('an unknown lease date: said, not guessed', () => {
    const r = run([{ kind: 'commandement_payer', date: '2026-01-15' }], { leaseSigned: null });
    expect(r.dates).toEqual([]);
    expect(r.pending).toEqual(['Commandement de payer du 15/01/2026 : date de signature du bail inconnue, délai non calculé (6 semaines pour un bail signé à partir du 29/07/2023, 2 mois pour un bail antérieur).']);
  });

  it('a commandement before the first entry of the parameter: a French error, not a guess', () => {
    const e = refused(() => run([{ kind: 'commandement_payer', date: '2023-06-01' }], { leaseSigned: '2020-01-01' }));
    expect(e.message).toBe('Paramètre « Prévention des expulsions — délais de la procédure » : aucune valeur connue au 01/06/2023 (première valeur au 29/07/2023).');
  });
});

describe('assignation (loi 89-462 art. 24 II and III)', () => {
  it('the préfet is notified at the latest 42 days before the hearing, counted backwards and never extended', () => {
    // Hearing Monday 14 September 2026 − 42 days = Monday 3 August 2026.
    const d = one([{ kind: 'assignation', date: '2026-06-20', hearing: '2026-09-14' }], 'notification_prefet');
    expect(d).toMatchObject({ due: '2026-08-03', from: { kind: 'assignation', date: '2026-06-20' } });
    expect(d.rule).toBe(
      'Audience le 14/09/2026 − 42 jours (6 semaines), à rebours, le jour de l’audience ne compte pas = 03/08/2026 : l’assignation est notifiée au préfet au plus tard ce jour-là ; délai à rebours, non prorogé (CPC art. 642 ne s’applique pas).',
    );
    // Hearing Thursday 25 June 2026 − 42 = Thursday 14 May 2026 (Ascension): kept, not moved later.
    expect(one([{ kind: 'assignation', date: '2026-04-01', hearing: '2026-06-25' }], 'notification_prefet')).toMatchObject({ due: '2026-05-14' });
  });

  it('the hearing may come from a later audience stage; without any, it is pending', () => {
    expect(one([{ kind: 'assignation', date: '2026-04-01' }, { kind: 'audience', date: '2026-06-15', label: 'JCP de Montauban' }], 'notification_prefet').due).toBe('2026-05-04');
    const r = run([{ kind: 'assignation', date: '2026-04-01' }]);
    expect(r.dates).toEqual([]);
    expect(r.pending[0]).toContain('Assignation du 01/04/2026 : date d’audience inconnue');
  });

  it('a landlord personne morale may assign only 2 months after the CCAPEX referral', () => {
    // Referral 5 January 2026 + 2 months = 5 March 2026: assignation possible from 6 March.
    const d = one([{ kind: 'signalement_ccapex', date: '2026-01-05' }], 'assignation_possible', { landlord: 'personne_morale' });
    expect(d.due).toBe('2026-03-06');
    expect(d.rule).toContain('05/01/2026 + 2 mois (même quantième, CPC art. 641) = 05/03/2026');
    // A landlord personne physique or an SCI familiale is not bound by it.
    expect(run([{ kind: 'signalement_ccapex', date: '2026-01-05' }], { landlord: 'personne_physique' }).dates).toEqual([]);
    expect(run([{ kind: 'signalement_ccapex', date: '2026-01-05' }], { landlord: 'sci_familiale' }).dates).toEqual([]);
    // Once the assignation is delivered the date is met; delivered too early, it is said.
    const early = run([{ kind: 'signalement_ccapex', date: '2026-01-05' }, { kind: 'assignation', date: '2026-03-05', hearing: '2026-06-15' }], { landlord: 'personne_morale' });
    expect(early.dates.map((x) => x.kind)).not.toContain('assignation_possible');
    expect(early.warnings).toEqual([expect.stringContaining('Assignation délivrée le 05/03/2026, moins de 2 mois après la saisine de la CCAPEX du 05/01/2026 (possible à partir du 06/03/2026)')]);
    const inTime = run([{ kind: 'signalement_ccapex', date: '2026-01-05' }, { kind: 'assignation', date: '2026-03-06', hearing: '2026-06-15' }], { landlord: 'personne_morale' });
    expect(inTime.warnings).toEqual([]);
    const missing = run([{ kind: 'assignation', date: '2026-03-06', hearing: '2026-06-15' }], { landlord: 'personne_morale' });
    expect(missing.pending).toEqual(['Bailleur personne morale : la saisine de la CCAPEX, au moins 2 mois avant l’assignation, n’est pas enregistrée ; vérifiez-la.']);
  });
});

describe('diagnostic social et financier (décret 2021-8): working days', () => {
  it('across the May 2026 holidays (1, 8, 14 and 25 May)', () => {
    // Referral Monday 27 April 2026, + 15 working days: 28, 29, 30 April (3), [1 May], 4–7 May (7), [8 May],
    // 11–13 May (10), [14 May], 15 May (11), 18–21 May (15) → Thursday 21 May 2026.
    // Hearing Monday 15 June 2026, − 15 working days: 12–8 June (5), 5–1 June (10), 29–26 May (14),
    // [25 May], 22 May (15) → Friday 22 May 2026.
    const r = run([
      { kind: 'assignation', date: '2026-04-10', hearing: '2026-06-15' },
      { kind: 'diagnostic_social_financier', date: '2026-04-27' },
    ]);
    const first = r.dates.find((d) => d.kind === 'dsf_premier_entretien')!;
    const second = r.dates.find((d) => d.kind === 'dsf_seconde_proposition')!;
    expect(first.due).toBe('2026-05-21');
    expect(first.rule).toContain('3 jours fériés sautés : vendredi 1er mai 2026 (Fête du travail), vendredi 8 mai 2026 (Fête de la Victoire 1945), jeudi 14 mai 2026 (Ascension)');
    expect(second.due).toBe('2026-05-22');
    expect(second.rule).toContain('1 jour férié sauté : lundi 25 mai 2026 (Lundi de Pentecôte)');
    expect(second.article).toContain('décret n° 2021-8');
  });

  it('across Christmas 2027 and the new year (25 December and 1 January fall on Saturdays)', () => {
    // Referral Wednesday 15 December 2027, + 15: 16, 17 (2), 20–24 (7), 27–31 (12), 3–5 January 2028 (15) → 5 January 2028.
    // Hearing Monday 10 January 2028, − 15: 7–3 January (5), 31–27 December (10), 24–20 December (15) → Monday 20 December 2027.
    const r = run([
      { kind: 'assignation', date: '2027-10-20', hearing: '2028-01-10' },
      { kind: 'diagnostic_social_financier', date: '2027-12-15' },
    ]);
    expect(r.dates.find((d) => d.kind === 'dsf_premier_entretien')!.due).toBe('2028-01-05');
    expect(r.dates.find((d) => d.kind === 'dsf_seconde_proposition')!.due).toBe('2027-12-20');
    // With a weekday Christmas (Friday 25 December 2026): referral Friday 18 December 2026, + 15:
    // 21–24 (4), [25], 28–31 (8), [1 January 2027], 4–8 January (13), 11, 12 (15) → Tuesday 12 January 2027.
    expect(addWorkingDays('2026-12-18', 15)).toEqual({ due: '2027-01-12', skipped: ['2026-12-25', '2027-01-01'] });
  });

  it('the first offer once made, and the second once the household answered, are no longer due', () => {
    const stages: EvictionStageInput[] = [
      { kind: 'assignation', date: '2026-04-10', hearing: '2026-06-15' },
      { kind: 'diagnostic_social_financier', date: '2026-04-27', firstOffer: '2026-05-05', answered: true },
    ];
    expect(run(stages).dates.map((d) => d.kind)).toEqual(['notification_prefet', 'audience']);
    // Offered after the window: said.
    const late = run([{ kind: 'diagnostic_social_financier', date: '2026-04-27', firstOffer: '2026-05-22', answered: true }]);
    expect(late.warnings).toEqual(['Diagnostic social et financier : l’entretien a été proposé le 22/05/2026, après le délai de 15 jours ouvrés suivant la saisine du 27/04/2026 (au plus tard le 21/05/2026).']);
  });
});

describe('commandement de quitter les lieux (CPCE L412-1 to L412-6)', () => {
  it('served mid-September 2026: 2 months end mid-November, inside the trêve → 1 April 2027', () => {
    // 15 September 2026 + 2 months = 15 November 2026; expulsion possible from 16 November,
    // inside 1 November – 31 March → the day after the trêve, Thursday 1 April 2027.
    const d = one([{ kind: 'commandement_quitter_lieux', date: '2026-09-15' }], 'expulsion_possible');
    expect(d).toMatchObject({ due: '2027-04-01', treve: true, label: 'Expulsion possible au plus tôt (après la trêve hivernale)' });
    expect(d.rule).toBe(
      'Commandement de quitter les lieux le 15/09/2026 + 2 mois (même quantième, CPC art. 641) = 15/11/2026 ; l’expulsion est possible à partir du lendemain, 16/11/2026 ; ce jour tombe pendant la trêve hivernale du 1er novembre au 31 mars : reportée au jeudi 1er avril 2027 (CPCE art. L412-6).',
    );
    expect(d.article).toContain('L412-6');
  });

  it('the same with rehousing assured: not moved', () => {
    const d = one([{ kind: 'commandement_quitter_lieux', date: '2026-09-15' }], 'expulsion_possible', { rehousingAssured: true });
    expect(d.due).toBe('2026-11-16');
    expect(d.treve).toBeUndefined();
    expect(d.rule).toContain('mais le relogement est assuré : non reporté (CPCE art. L412-6)');
  });

  it('extended by the judge (L412-2): up to 3 months more; beyond, refused', () => {
    // 10 March 2026 + (2 + 3) months = 10 August 2026 → from Tuesday 11 August 2026.
    const d = one([{ kind: 'commandement_quitter_lieux', date: '2026-03-10', extensionMonths: 3 }], 'expulsion_possible');
    expect(d.due).toBe('2026-08-11');
    expect(d.rule).toContain('+ 2 mois prorogés de 3 mois par le juge, soit 5 mois (même quantième, CPC art. 641) = 10/08/2026');
    const e = refused(() => run([{ kind: 'commandement_quitter_lieux', date: '2026-03-10', extensionMonths: 4 }]));
    expect(e.message).toBe(
      'Dates de la procédure d’expulsion : étape « commandement de quitter les lieux » du 10/03/2026 — une prorogation de 4 mois dépasse le maximum de 3 mois (code des procédures civiles d’exécution, art. L412-2). Corrigez extensionMonths.',
    );
  });

  it('délais de grâce (L412-3, L412-4): 1 month to 1 year; the expulsion waits for their end', () => {
    // Judgment 2 March 2026 + 12 months = 2 March 2027; commandement 10 April 2026 + 2 months = 10 June 2026.
    // The later is 2 March 2027 → from 3 March 2027, inside the trêve → 1 April 2027.
    const r = run([
      { kind: 'jugement', date: '2026-03-02', graceMonths: 12 },
      { kind: 'commandement_quitter_lieux', date: '2026-04-10' },
    ]);
    expect(r.dates.map((d) => [d.kind, d.due])).toEqual([
      ['fin_delais_grace', '2027-03-02'],
      ['expulsion_possible', '2027-04-01'],
    ]);
    expect(r.dates[1]!.rule).toContain('les délais de grâce courent jusqu’au 02/03/2027, plus tard');
    expect(refused(() => run([{ kind: 'jugement', date: '2026-03-02', graceMonths: 13 }])).message).toContain('des délais de grâce de 13 mois sortent des bornes de la loi : de 1 mois à 12 mois');
    expect(refused(() => run([{ kind: 'jugement', date: '2026-03-02', graceMonths: 0 }])).message).toBe('Dates de la procédure d’expulsion : étape n° 1 (graceMonths) — délais de grâce : au moins 1 mois.');
  });

  it('no expulsion on a Sunday or a public holiday (L141-1), even on the day after the trêve', () => {
    // 13 May 2026 + 2 months = 13 July 2026 → 14 July (fête nationale) → Wednesday 15 July 2026.
    const d = one([{ kind: 'commandement_quitter_lieux', date: '2026-05-13' }], 'expulsion_possible');
    expect(d).toMatchObject({ due: '2026-07-15', extended: true });
    expect(d.rule).toContain('14/07/2026 ; un jour férié (Fête Nationale de la France) : reportée au mercredi 15 juillet 2026 (aucune exécution un dimanche ou un jour férié, CPCE art. L141-1)');
    // 15 September 2023 + 2 months → 16 November 2023, trêve → 1 April 2024, lundi de Pâques → Tuesday 2 April 2024.
    const easter = one([{ kind: 'commandement_quitter_lieux', date: '2023-09-15' }], 'expulsion_possible');
    expect(easter).toMatchObject({ due: '2024-04-02', treve: true, extended: true });
    // A Saturday is allowed: 31 May 2026 + 2 months = 31 July 2026 → Saturday 1 August 2026.
    expect(one([{ kind: 'commandement_quitter_lieux', date: '2026-05-31' }], 'expulsion_possible').due).toBe('2026-08-01');
  });
});

describe('concours de la force publique (CPCE R153-1)', () => {
  it('the préfet’s silence for 2 months is a refusal; no longer due once he decided', () => {
    // 20 November 2026 + 2 months = 20 January 2027; 31 December 2026 + 2 months = 28 February 2027.
    expect(one([{ kind: 'demande_concours_force_publique', date: '2026-11-20' }], 'silence_prefet').due).toBe('2027-01-20');
    const d = one([{ kind: 'demande_concours_force_publique', date: '2026-12-31' }], 'silence_prefet');
    expect(d.due).toBe('2027-02-28');
    expect(d.article).toBe('Code des procédures civiles d’exécution, art. R153-1');
    expect(run([{ kind: 'demande_concours_force_publique', date: '2026-11-20' }, { kind: 'decision_prefet', date: '2026-12-10' }]).dates).toEqual([]);
  });
});

describe('the whole case', () => {
  it('dates sorted by day; after the issue nothing later is due', () => {
    const stages: EvictionStageInput[] = [
      { kind: 'commandement_quitter_lieux', date: '2026-09-15' },
      { kind: 'commandement_payer', date: '2026-01-15' },
      { kind: 'passage_ccapex', date: '2026-10-06' },
      { kind: 'assignation', date: '2026-04-01', hearing: '2026-06-15' },
    ];
    expect(run(stages).dates.map((d) => `${d.kind} ${d.due}`)).toEqual([
      'fin_commandement_payer 2026-02-26',
      'notification_prefet 2026-05-04',
      'audience 2026-06-15',
      'passage_ccapex 2026-10-06',
      'expulsion_possible 2027-04-01',
    ]);
    const closed = run([...stages, { kind: 'issue', date: '2026-12-01', label: 'relogement' }]);
    expect(closed.dates.map((d) => d.kind)).toEqual(['fin_commandement_payer', 'notification_prefet', 'audience', 'passage_ccapex']);
  });

  it('exports the stage kinds with a French label each', () => {
    expect(EVICTION_STAGE_KINDS).toHaveLength(14);
    for (const k of EVICTION_STAGE_KINDS) expect(EVICTION_STAGE_LABELS[k]).toMatch(/^[a-zé]/);
    expect(LANDLORD_KINDS).toEqual(['personne_morale', 'personne_physique', 'sci_familiale']);
  });

  it('refuses bad input with a French message naming the stage and the field', () => {
    const msg = (input: unknown) => refused(() => computeEvictionDates(input as EvictionInput, fileParameters)).message;
    expect(msg({ ...base, stages: [{ kind: 'assignation', date: '2026-02-30' }] })).toBe('Dates de la procédure d’expulsion : étape n° 1 (date) — cette date n’existe pas dans le calendrier.');
    expect(msg({ ...base, landlord: 'bailleur' })).toBe('Dates de la procédure d’expulsion : landlord — le type de bailleur parmi : personne_morale, personne_physique, sci_familiale.');
    expect(msg({ ...base, leaseSigned: '10/03/2024' })).toBe('Dates de la procédure d’expulsion : leaseSigned — date attendue au format AAAA-MM-JJ, par exemple 2026-09-15.');
    expect(msg({ ...base, stages: [{ kind: 'jugement', date: '2026-03-02', hearing: '2026-04-01' }] })).toBe(
      'Dates de la procédure d’expulsion : étape n° 1 (jugement) — « hearing » ne s’applique qu’à une assignation ; retirez-le de cette étape.',
    );
    expect(msg({ ...base, stages: [{ kind: 'assignation', date: '2026-03-02', hearing: '2026-03-01' }] })).toBe(
      'Dates de la procédure d’expulsion : étape n° 1 (assignation) — l’audience (01/03/2026) précède l’assignation (02/03/2026) ; corrigez l’une des deux dates.',
    );
    expect(msg({ ...base, stages: [{ kind: 'expulsion_faite', date: '2026-03-02' }] })).toContain('étape n° 1 (kind) — une étape parmi : impayes, signalement_ccapex');
    expect(msg({ ...base, stages: [{ kind: 'audience', date: '2026-03-02', juge: 'JCP' }] })).toBe(
      'Dates de la procédure d’expulsion : étape n° 1 — champ inconnu : juge (champs possibles : kind, date, hearing, firstOffer, answered, delaisGranted, graceMonths, extensionMonths, label).',
    );
    expect(msg({ ...base, rehousingAssured: 'oui' })).toBe('Dates de la procédure d’expulsion : rehousingAssured — true si le relogement est assuré, sinon false.');
  });

  it('properties: sorted dates; the earliest expulsion never in the trêve (unless rehousing is assured) nor on a Sunday or holiday; working-day windows end on working days', () => {
    const stage = fc.record({
      kind: fc.constantFrom(...EVICTION_STAGE_KINDS),
      offset: fc.integer({ min: 0, max: 2200 }),
      after: fc.integer({ min: 0, max: 120 }),
      flag: fc.option(fc.boolean()),
      grace: fc.option(fc.integer({ min: 1, max: 12 })),
      extension: fc.option(fc.integer({ min: 0, max: 3 })),
    });
    const seen = { expulsion: 0, treve: 0, dsf: 0 };
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 12 }), fc.constantFrom(...LANDLORD_KINDS), fc.boolean(), fc.integer({ min: 0, max: 6000 }), (raw, landlord, rehousingAssured, lease) => {
        const stages: EvictionStageInput[] = raw.map((r) => {
          const date = addDays('2023-08-01', r.offset);
          const s: EvictionStageInput = { kind: r.kind, date };
          if (r.kind === 'assignation' && r.flag !== null) s.hearing = addDays(date, r.after);
          if (r.kind === 'diagnostic_social_financier') {
            s.answered = r.flag;
            if (r.flag) s.firstOffer = addDays(date, r.after % 30);
          }
          if (r.kind === 'jugement' || r.kind === 'commandement_quitter_lieux') s.graceMonths = r.grace;
          if (r.kind === 'commandement_quitter_lieux') s.extensionMonths = r.extension;
          return s;
        });
        const { dates } = computeEvictionDates({ leaseSigned: addDays('2010-01-01', lease), landlord, rehousingAssured, stages }, fileParameters);
        dates.forEach((d, k) => {
          if (k > 0) expect(d.due >= dates[k - 1]!.due).toBe(true);
          expect(d.rule.length).toBeGreaterThan(20);
          if (d.kind === 'expulsion_possible') {
            seen.expulsion++;
            if (d.treve) seen.treve++;
            if (!rehousingAssured) expect(inTreve(d.due)).toBe(false);
            if (d.treve) expect(d.due.slice(5) >= '04-01' && d.due.slice(5) <= '04-05').toBe(true);
            const reason = nonWorkingReason(d.due);
            expect(reason === null || reason === 'samedi').toBe(true);
          }
          if (d.kind === 'dsf_premier_entretien' || d.kind === 'dsf_seconde_proposition' || d.kind === 'fin_commandement_payer') {
            seen.dsf++;
            expect(nonWorkingReason(d.due)).toBeNull();
            expect(weekday(d.due)).toBeLessThanOrEqual(5);
          }
        });
      }),
      { numRuns: 300 },
    );
    // The properties were met on many dates, not vacuously (about 40 to 60 expulsion dates a run, 5 to 12 of them moved by the trêve).
    expect(seen.expulsion).toBeGreaterThan(15);
    expect(seen.treve).toBeGreaterThan(0);
    expect(seen.dsf).toBeGreaterThan(20);
  });
});
