/**
 * Channel `persons:export`: a person's right of access (DOMAIN §3): everything every module
 * holds about the person, gathered through the registry (`personExport`), as a PDF for the
 * person or JSON for a transfer. Nothing about the other members of the household beyond
 * what concerns the person (the household's DSU journal, without restricted notes).
 */
import type { CallContext, ExportPart } from '../../api/app';
import { sessionOf } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { findUserById } from '../../store/users';
import { localDay } from '../../shared/time';
import { siteRow } from '../admin';
import { dsuOfHousehold, requireDsu } from '../dsu';
import { renderAccessPdf } from './access-pdf';
import type { PersonsHandlers } from './contract';
import { personOr404 } from './lookup';
import { dsusReferencing, householdOf, shortName } from './repo';
import { postalLine } from '../../shared/french';

function identity(ctx: CallContext, personId: number): ExportPart[] {
  const db = ctx.app.vault.db;
  const p = personOr404(ctx, personId);
  const h = p.householdId !== null ? householdOf(db, p.householdId) : null;
  return [
    {
      title: 'Identité et coordonnées',
      empty: '',
      entries: [
        {
          heading: shortName(p),
          fields: [
            { label: 'Nom de naissance', value: p.birthName },
            ...(p.usageName ? [{ label: 'Nom d’usage', value: p.usageName }] : []),
            { label: 'Prénom(s)', value: p.firstNames },
            ...(p.birthDate ? [{ label: 'Date de naissance', value: p.birthDate.split('-').reverse().join('/') }] : []),
            ...(p.phone ? [{ label: 'Téléphone', value: p.phone }] : []),
            ...(p.email ? [{ label: 'Courriel', value: p.email }] : []),
            ...(h ? [{ label: 'Adresse du foyer', value: postalLine(h) }] : []),
          ],
        },
      ],
    },
  ];
}

export const accessExportHandlers = {
  'persons:export': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const person = personOr404(ctx, input.id);
    // The files the data come from decide who may read: the household's DSU, and every DSU the
    // person's records belong to (an aid requested in a former household…): its référent,
    // co-intervenants, responsables, or an exceptional access.
    const dsus = new Set<number>();
    const current = person.householdId !== null ? dsuOfHousehold(db, person.householdId) : undefined;
    if (current) dsus.add(current.id);
    for (const ref of ctx.app.modules.flatMap((m) => m.personRefs ?? [])) {
      if (ref.dsuColumn) for (const id of dsusReferencing(db, { ...ref, dsuColumn: ref.dsuColumn }, person.id)) dsus.add(id);
    }
    for (const id of dsus) requireDsu(ctx, id, 'read');
    const parts = [...identity(ctx, person.id), ...ctx.app.modules.flatMap((m) => (m.personExport ? m.personExport(db, person.id) : []))];
    db.transaction(() => appendAudit(db, { userId: s.userId, action: 'person.export', entity: 'person', entityId: person.id, detail: { format: input.format } }, ctx.now))();
    const day = localDay(ctx.now);
    const site = siteRow(db);
    const fileBase = `droit-d-acces-${person.id}-${day}`;
    if (input.format === 'json') {
      const json = { format: 'passeur.person', version: 1, exportedAt: ctx.now.toISOString(), site: { name: site.name, code: site.code }, personId: person.id, parts };
      return { fileName: `${fileBase}.json`, mime: 'application/json', contentBase64: Buffer.from(JSON.stringify(json, null, 2)).toString('base64') };
    }
    const pdf = await renderAccessPdf({ site, exportedOn: day, exportedBy: findUserById(db, s.userId)?.displayName ?? '', personName: shortName(person), parts });
    return { fileName: `${fileBase}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
} satisfies Pick<PersonsHandlers, 'persons:export'>;
