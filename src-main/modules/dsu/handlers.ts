/** Channels `dsu:*`: the Dossier Social Unique (DOMAIN §3), for ASS, CESF and responsables. */
import { createHash } from 'node:crypto';
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import type { DsuHandlers } from './contract';
import type { DsuOut } from './contract';
import { findUserById } from '../../store/users';
import { appendAudit } from '../../store/audit';
import { frDate, localDay, yearsBefore } from '../../shared/time';
import { siteRow } from '../admin';
import { getPerson, householdOf, householdExists } from '../persons';
import { accessOf, dsuOr404, EXCEPTIONAL_ACCESS_HOURS, refuseArchive, requireDsu, requireSocialWorker, sessionOf, type DsuAccess } from './access';
import { checkDocument } from './documents';
import { renderPdf } from './export';
import * as repo from './repo';
import { openDsuFor } from './opening';
import { situationHandlers } from './situation-handlers';

const dsuRef = (d: repo.DsuRow) => ({ id: d.id, number: d.number, status: d.status, referent: { id: d.referentId, displayName: d.referentName } });

/**
 * The last contact of each DSU (DOMAIN §3): the latest dated activity of any module on it, as
 * each declares it to the registry (`lastActivity`), and never earlier than the recorded one.
 */
export function withLastContact<T extends { id: number; lastContactOn: string }>(ctx: CallContext, rows: T[]): T[] {
  if (!rows.length) return rows;
  const db = ctx.app.vault.db;
  // A long list (the site's files) is read whole from each module's table rather than filtered id by id.
  const ids = rows.length > 200 ? null : rows.map((r) => r.id);
  const latest = new Map<number, string>();
  for (const m of ctx.app.modules) {
    if (!m.lastActivity) continue;
    for (const [id, day] of m.lastActivity(db, ids)) if ((latest.get(id) ?? '') < day) latest.set(id, day);
  }
  return rows.map((r) => {
    const day = latest.get(r.id);
    return day && day > r.lastContactOn ? { ...r, lastContactOn: day } : r;
  });
}

function partnerOr400(ctx: CallContext, id: number | null, field: string): void {
  if (id !== null && !repo.partnerExists(ctx.app.vault.db, id)) {
    throw new PasseurError('invalid_input', 'Ce partenaire n’existe pas dans l’annuaire.', field);
  }
}

function fullDsu(ctx: CallContext, dsu: repo.DsuRow, access: DsuAccess, journal: 'page' | 'all'): DsuOut & { hiddenNotes: number } {
  const db = ctx.app.vault.db;
  const viewer = sessionOf(ctx).userId;
  const household = householdOf(db, dsu.householdId)!;
  let entries;
  let more = false;
  if (journal === 'page') {
    ({ entries, more } = repo.journalPage(db, dsu.id, viewer, dsu.referentId, null));
  } else {
    entries = repo.journalPage(db, dsu.id, viewer, dsu.referentId, null, 1_000_000).entries;
  }
  return {
    id: dsu.id,
    number: dsu.number,
    status: dsu.status,
    closeReason: dsu.closeReason,
    openedAt: dsu.openedAt,
    closedAt: dsu.closedAt,
    archivedAt: dsu.archivedAt,
    lastContactOn: withLastContact(ctx, [dsu])[0]!.lastContactOn,
    referent: { id: dsu.referentId, displayName: dsu.referentName },
    household,
    intervenants: repo.intervenants(db, dsu.id),
    journal: entries,
    journalMore: more,
    documents: repo.documents(db, dsu.id),
    consents: repo.consents(db, dsu.id),
    exceptionalAccesses: access === 'referent' || access === 'responsable' ? repo.exceptionalAccesses(db, dsu.id) : [],
    access,
    canWrite: dsu.status === 'actif',
    hiddenNotes: entries.filter((e) => e.restrictedHidden).length,
  };
}

function audit(ctx: CallContext, action: string, entity: string, entityId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity, entityId, ...(detail ? { detail } : {}) }, ctx.now);
}

export const dsuHandlers = {
  ...situationHandlers,

  'dsu:list': (ctx, input) => {
    const s = sessionOf(ctx);
    const db = ctx.app.vault.db;
    if (input.scope === 'mine') return withLastContact(ctx, repo.listMine(db, s.userId)).sort((a, b) => b.lastContactOn.localeCompare(a.lastContactOn));
    return withLastContact(ctx, repo.listSite(db, s.userId, s.roles.includes('responsable')));
  },

  'dsu:open': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (!householdExists(db, input.householdId)) throw new PasseurError('not_found', 'Ce foyer n’existe pas.', 'householdId');
    const s = sessionOf(ctx);
    const referentId = input.referentId ?? s.userId;
    return dsuRef(db.transaction(() => openDsuFor(ctx, input.householdId, referentId))());
  },

  'dsu:get': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const dsu = dsuOr404(db, input.id);
    let access = accessOf(ctx, dsu);
    return db.transaction(() => {
      if (!access && input.reason !== undefined) {
        if (dsu.status === 'archive') refuseArchive(dsu);
        const expires = new Date(ctx.now.getTime() + EXCEPTIONAL_ACCESS_HOURS * 3600_000).toISOString();
        const grant = repo.insertExceptionalAccess(db, dsu.id, s.userId, input.reason, ctx.now.toISOString(), expires);
        audit(ctx, 'dsu.exceptional_access', 'dsu', dsu.id, { grant });
        access = 'exceptionnel';
      }
      if (!access) requireDsu(ctx, dsu.id, 'read'); // throws the right message
      audit(ctx, 'dsu.read', 'dsu', dsu.id);
      return fullDsu(ctx, dsu, access!, 'page');
    })();
  },

  'dsu:journal': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.id, 'read');
    return repo.journalPage(ctx.app.vault.db, dsu.id, sessionOf(ctx).userId, dsu.referentId, input.beforeId);
  },

  'dsu:addEntry': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    if (input.occurredOn > localDay(ctx.now)) throw new PasseurError('invalid_input', 'Une intervention ne peut pas être datée dans le futur.', 'occurredOn');
    for (const a of input.coAuthorIds) requireSocialWorker(db, a, 'coAuthorIds');
    partnerOr400(ctx, input.partnerId, 'partnerId');
    const id = db.transaction(() => {
      const entry = repo.insertEntry(
        db,
        {
          dsuId: dsu.id,
          occurredOn: input.occurredOn,
          type: input.type,
          field: input.field,
          summary: input.summary,
          restrictedNote: input.restrictedNote || null,
          partnerId: input.partnerId,
          appointmentId: null,
          createdBy: s.userId,
          authors: [s.userId, ...input.coAuthorIds],
        },
        ctx.now.toISOString(),
      );
      repo.touchLastContact(db, dsu.id, input.occurredOn);
      audit(ctx, 'journal.add', 'dsu', dsu.id, { entry, type: input.type, authors: 1 + input.coAuthorIds.length });
      return entry;
    })();
    return repo.getEntry(db, id, s.userId, dsu.referentId)!;
  },

  'dsu:setReferent': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    requireSocialWorker(db, input.referentId, 'referentId');
    db.transaction(() => {
      repo.setReferent(db, dsu.id, input.referentId);
      audit(ctx, 'dsu.referent', 'dsu', dsu.id, { from: dsu.referentId, to: input.referentId });
    })();
    return dsuRef(repo.getDsu(db, dsu.id)!);
  },

  'dsu:addIntervenant': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    if (input.userId !== null) {
      const u = requireSocialWorker(db, input.userId, 'userId');
      if (u.id === dsu.referentId) throw new PasseurError('conflict', 'Cette personne est déjà la référente ou le référent du dossier.', 'userId');
      if (repo.isActiveIntervenant(db, dsu.id, u.id)) throw new PasseurError('conflict', 'Cette personne intervient déjà sur ce dossier.', 'userId');
    }
    db.transaction(() => {
      const intervenant = repo.insertIntervenant(db, {
        dsuId: dsu.id,
        userId: input.userId,
        externalName: input.userId === null ? input.externalName : null,
        mission: input.mission,
        startedOn: localDay(ctx.now),
      });
      audit(ctx, 'dsu.intervenant_add', 'dsu', dsu.id, { intervenant, internal: input.userId !== null });
    })();
    return {};
  },

  'dsu:endIntervenant': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.getIntervenant(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Cet intervenant n’est plus sur le dossier.');
    requireDsu(ctx, row.dsuId, 'write');
    if (row.endedOn) return {};
    db.transaction(() => {
      repo.endIntervenant(db, input.id, localDay(ctx.now));
      audit(ctx, 'dsu.intervenant_end', 'dsu', row.dsuId, { intervenant: input.id });
    })();
    return {};
  },

  'dsu:addDocument': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    const { content, mime } = checkDocument(input.contentBase64);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = db.transaction(() => {
      const docId = repo.insertDocument(db, {
        dsuId: dsu.id,
        kind: input.kind,
        title: input.title,
        docDate: input.docDate,
        mime,
        size: content.length,
        sha256,
        content,
        uploadedBy: s.userId,
        uploadedAt: ctx.now.toISOString(),
      });
      audit(ctx, 'document.add', 'dsu', dsu.id, { document: docId, mime, size: content.length });
      return docId;
    })();
    return repo.documents(db, dsu.id).find((d) => d.id === id)!;
  },

  'dsu:getDocument': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.getDocumentFile(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Ce document n’existe pas.');
    requireDsu(ctx, row.dsuId, 'read');
    db.transaction(() => audit(ctx, 'document.read', 'dsu', row.dsuId, { document: input.id }))();
    const ext = row.mime === 'application/pdf' ? 'pdf' : row.mime === 'image/png' ? 'png' : 'jpg';
    const base = row.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 80) || 'document';
    return { fileName: `${base}.${ext}`, mime: row.mime, contentBase64: row.content.toString('base64') };
  },

  'dsu:addConsent': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    const person = getPerson(db, input.personId);
    if (!person || person.householdId !== dsu.householdId || person.mergedInto !== null) {
      throw new PasseurError('invalid_input', 'Cette personne ne fait pas partie du foyer de ce dossier.', 'personId');
    }
    partnerOr400(ctx, input.partnerId, 'partnerId');
    let recipient = input.recipientLabel;
    if (input.partnerId !== null && !recipient) {
      const p = repo.partnerNames(db, input.partnerId);
      recipient = p.service ? `${p.organisation} — ${p.service}` : p.organisation;
    }
    const id = db.transaction(() => {
      const cid = repo.insertConsent(db, {
        dsuId: dsu.id,
        personId: person.id,
        partnerId: input.partnerId,
        recipient,
        scope: input.scope,
        form: input.form,
        givenOn: input.givenOn,
        recordedBy: s.userId,
        recordedAt: ctx.now.toISOString(),
      });
      audit(ctx, 'consent.add', 'dsu', dsu.id, { consent: cid, form: input.form });
      return cid;
    })();
    return repo.getConsent(db, id)!;
  },

  'dsu:withdrawConsent': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = repo.getConsent(db, input.id);
    if (!c) throw new PasseurError('not_found', 'Ce consentement n’existe pas.');
    requireDsu(ctx, c.dsuId, 'write');
    if (c.withdrawnOn) throw new PasseurError('conflict', `Ce consentement a déjà été retiré le ${frDate(c.withdrawnOn)}.`);
    if (input.withdrawnOn < c.givenOn) throw new PasseurError('invalid_input', 'La date de retrait ne peut pas précéder la date du consentement.', 'withdrawnOn');
    db.transaction(() => {
      repo.withdrawConsent(db, c.id, input.withdrawnOn, sessionOf(ctx).userId);
      audit(ctx, 'consent.withdraw', 'dsu', c.dsuId, { consent: c.id });
    })();
    const { dsuId: _d, ...out } = repo.getConsent(db, c.id)!;
    return out;
  },

  'dsu:close': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.id, 'write');
    db.transaction(() => {
      repo.setStatus(db, dsu.id, { status: 'clos', closeReason: input.reason, closedAt: ctx.now.toISOString(), archivedAt: null });
      audit(ctx, 'dsu.close', 'dsu', dsu.id, { reason: input.reason });
    })();
    return dsuRef(repo.getDsu(db, dsu.id)!);
  },

  'dsu:reopen': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.id, 'read');
    if (dsu.status === 'actif') throw new PasseurError('conflict', `Le dossier ${dsu.number} est déjà actif.`);
    if (dsu.status === 'archive' && !sessionOf(ctx).roles.includes('responsable')) refuseArchive(dsu);
    db.transaction(() => {
      repo.setStatus(db, dsu.id, { status: 'actif', closeReason: null, closedAt: null, archivedAt: null });
      repo.touchLastContact(db, dsu.id, localDay(ctx.now));
      audit(ctx, 'dsu.reopen', 'dsu', dsu.id, { from: dsu.status });
    })();
    return dsuRef(repo.getDsu(db, dsu.id)!);
  },

  'dsu:retention': (ctx) => {
    const rule = ctx.app.parameters('dsu_retention', localDay(ctx.now));
    const limitDate = yearsBefore(localDay(ctx.now), rule.value.years);
    // Candidates by the recorded last contact, then kept only if no module has a later activity.
    const rows = withLastContact(ctx, repo.listRetention(ctx.app.vault.db, sessionOf(ctx).userId, limitDate)).filter((r) => r.lastContactOn < limitDate);
    return { limitDate, source: rule.source, rows };
  },

  'dsu:archive': (ctx, input) => {
    const db = ctx.app.vault.db;
    const rule = ctx.app.parameters('dsu_retention', localDay(ctx.now));
    const limitDate = yearsBefore(localDay(ctx.now), rule.value.years);
    const rows = withLastContact(ctx, input.ids.map((id) => dsuOr404(db, id)));
    const early = rows.filter((d) => d.status === 'archive' || d.lastContactOn >= limitDate);
    if (early.length) {
      throw new PasseurError(
        'conflict',
        `Rien n’a été archivé : ${early.length > 1 ? `${early.length} dossiers ne sont pas archivables` : '1 dossier n’est pas archivable'} (dernier contact il y a moins de ${rule.value.years} ans, ou déjà archivé) : ${early
          .slice(0, 5)
          .map((d) => d.number)
          .join(', ')}. Rechargez la liste.`,
      );
    }
    const nowIso = ctx.now.toISOString();
    return db.transaction(() => {
      let closed = 0;
      for (const d of rows) {
        if (d.status === 'actif') closed++;
        repo.setStatus(db, d.id, { status: 'archive', closeReason: d.closeReason ?? input.closeReason, closedAt: d.closedAt ?? nowIso, archivedAt: nowIso });
        audit(ctx, 'dsu.archive', 'dsu', d.id, { closedNow: d.status === 'actif' });
      }
      return { closed, archived: rows.length };
    })();
  },

  'dsu:export': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu, access } = requireDsu(ctx, input.id, 'read');
    const data = fullDsu(ctx, dsu, access, 'all');
    db.transaction(() => audit(ctx, 'dsu.export', 'dsu', dsu.id, { format: input.format }))();
    const site = siteRow(db);
    const day = localDay(ctx.now);
    const { hiddenNotes, ...dsuOut } = data;
    // The file's own parts (the household's situation) first, then the other modules' in the registry's order.
    const modules = [...ctx.app.modules].sort((a, b) => Number(b.name === 'dsu') - Number(a.name === 'dsu'));
    const parts = modules.flatMap((m) => (m.dsuExport ? m.dsuExport(db, dsu.id) : []));
    if (input.format === 'json') {
      const docs = repo.documentContents(db, dsu.id);
      const contents = new Map(docs.map((d) => [d.id, d.content.toString('base64')]));
      const json = {
        format: 'passeur.dsu',
        // 2: with `parts`, the other modules' parts of the file (the aid requests…).
        version: 2,
        exportedAt: ctx.now.toISOString(),
        site,
        hiddenRestrictedNotes: hiddenNotes,
        dsu: { ...dsuOut, documents: dsuOut.documents.map((d) => ({ ...d, contentBase64: contents.get(d.id) ?? '' })) },
        parts,
      };
      return { fileName: `${dsu.number}-${day}.json`, mime: 'application/json', contentBase64: Buffer.from(JSON.stringify(json, null, 2)).toString('base64') };
    }
    const pdf = await renderPdf({ site, exportedAt: day, exportedBy: findUserById(db, s.userId)?.displayName ?? '', dsu: dsuOut, hiddenNotes, parts });
    return { fileName: `${dsu.number}-${day}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
} satisfies { [C in keyof DsuHandlers as C extends `dsu:${string}` ? C : never]: DsuHandlers[C] };
