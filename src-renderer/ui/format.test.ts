import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { agree, centsToInput, formatCents, formatDate, formatDayLabel, formatOrdinal, parseEuros, personName, postalLine } from './format';

describe('French formats', () => {
  it('money from integer cents, French by default, English on request', async () => {
    await i18n.changeLanguage('fr');
    expect(formatCents(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(() => formatCents(12.5)).toThrow(/integer cents/);
    await i18n.changeLanguage('en');
    expect(formatCents(123456)).toBe('€1,234.56');
    await i18n.changeLanguage('fr');
  });
  it('dates in French words, the first of the month as « 1er »', async () => {
    await i18n.changeLanguage('fr');
    expect(formatDate('2026-03-31T10:00:00Z')).toBe('31 mars 2026');
    expect(formatDate('2026-12-01T10:00:00Z')).toBe('1er décembre 2026');
    expect(formatDate('2026-12-11T10:00:00Z')).toBe('11 décembre 2026');
    expect(formatDayLabel('2026-12-01')).toBe('mardi 1er décembre');
    expect(formatDayLabel('2026-12-21')).toBe('lundi 21 décembre');
    await i18n.changeLanguage('en');
    expect(formatDayLabel('2026-12-01')).toBe('Tuesday 1 December');
    await i18n.changeLanguage('fr');
  });
  it('ordinals: 1er, 1re, 2e in French; 1st, 2nd, 3rd, 11th in English', async () => {
    await i18n.changeLanguage('fr');
    expect([formatOrdinal(1), formatOrdinal(1, 'f'), formatOrdinal(2), formatOrdinal(10, 'f')]).toEqual(['1er', '1re', '2e', '10e']);
    await i18n.changeLanguage('en');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map((n) => formatOrdinal(n))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
    await i18n.changeLanguage('fr');
  });
  it('agreement, names and addresses written one way', () => {
    expect([agree('F', 'Demandeur', 'Demandeuse'), agree('M', 'Demandeur', 'Demandeuse'), agree('', 'Demandeur', 'Demandeuse', 'Demandeur ou demandeuse')]).toEqual(['Demandeuse', 'Demandeur', 'Demandeur ou demandeuse']);
    expect(personName({ birthName: 'Éluard', usageName: '', firstNames: 'Paul' })).toBe('ÉLUARD Paul');
    expect(personName({ birthName: 'Martin', usageName: 'Durand', firstNames: 'Marie' })).toBe('DURAND Marie');
    expect(postalLine({ address: '4 rue des Carmes', addressComplement: 'Résidence du Tescou', postcode: '82000', communeName: 'Montauban' })).toBe('4 rue des Carmes, Résidence du Tescou, 82000 Montauban');
  });
});

describe('counts through i18next’s plural rules', () => {
  it('French: 0 and 1 singular, nested counts agreed each with its own number', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('home.accounts', { active: 1, pending: 0, disabled: 2 })).toBe('1 compte actif, dont 0 en attente de premier mot de passe ; 2 désactivés.');
    expect(i18n.t('home.territory', { communes: 0, sectors: 1 })).toBe('0 commune sur le territoire, 1 secteur.');
    expect(i18n.t('partners.imported', { imported: 3, updated: 0 })).toBe('3 partenaires ajoutés, 0 mis à jour.');
    expect(i18n.t('retention.done', { archived: 1, closed: 1 })).toBe('1 dossier archivé, dont 1 clos à cette occasion.');
    expect(i18n.t('ponctuels.done', { count: 2 })).toBe('2 personnes supprimées.');
    expect(i18n.t('aides.commission.sessionLabel', { day: '10/12/2026', count: 1, decided: 0 })).toBe('10/12/2026 — 1 demande, 0 décidée');
    expect(i18n.t('aides.reglement.replaySummary', { from: '01/12/2025', to: '30/11/2026', count: 12, changed: 1 })).toBe('Du 01/12/2025 au 30/11/2026 : 12 demandes rejouées, 1 changerait de résultat.');
  });
  it('English: 0 is plural', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('home.accounts', { active: 0, pending: 0, disabled: 1 })).toBe('0 active accounts, 0 awaiting their first password; 1 disabled.');
    expect(i18n.t('ponctuels.done', { count: 1 })).toBe('1 person deleted.');
    await i18n.changeLanguage('fr');
  });
});

describe('amounts typed in euros', () => {
  it('reads French and plain writings into integer cents, refuses the rest', () => {
    expect(parseEuros('150')).toBe(15000);
    expect(parseEuros('150,5')).toBe(15050);
    expect(parseEuros('1 234,56 €')).toBe(123456);
    expect(parseEuros('0,07')).toBe(7);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('douze')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });
  it('writes cents back for editing', () => {
    expect(centsToInput(15000)).toBe('150');
    expect(centsToInput(15050)).toBe('150,50');
    expect(centsToInput(7)).toBe('0,07');
    expect(parseEuros(centsToInput(123456))).toBe(123456);
  });
});
