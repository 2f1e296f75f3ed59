/**
 * The referrals a professional made or follows (a responsable: the site's), with their next
 * date; below, the instance's permanent members, kept by the responsable.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxField, DialogActions, DialogBox, ErrorSummary, PageHeader, RadioList, SelectField, TextInput } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import type { SessionInfo } from '../../../src-main/modules';
import type { MemberOut, ReferralSummary } from './types';

const col = columnHelperFor<ReferralSummary>();
/** A phrase that starts a table cell starts with a capital. */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ListPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [closed, setClosed] = useState(false);
  const list = useResource(() => must('concertation:list', { closed }));
  const { reload } = list;
  // Reads again when the choice between open and closed referrals changes.
  useEffect(() => {
    void reload();
  }, [closed, reload]);
  const columns = useMemo(
    () => [
      col.accessor('household', { header: () => t('concertation.list.household'), sortFn: 'french', cell: (c) => <a href={`#/concertation/${c.row.original.id}`}>{c.getValue()}</a> }),
      col.accessor((r) => r.dsu.number, { id: 'dsu', header: () => t('concertation.list.dsu'), sortFn: 'french' }),
      col.accessor('referredOn', { header: () => t('concertation.list.referredOn'), sortFn: 'basic', cell: (c) => isoToFr(c.getValue()) }),
      col.accessor((r) => r.referredBy.displayName, { id: 'by', header: () => t('concertation.list.by'), sortFn: 'french' }),
      col.accessor('status', { header: () => t('concertation.page.status'), cell: (c) => t(`concertation.statuses.${c.getValue()}`) }),
      col.accessor((r) => r.next?.due ?? r.heldOn ?? '9999-12-31', {
        id: 'next',
        header: () => t('concertation.list.next'),
        sortFn: 'basic',
        cell: (c) => {
          const r = c.row.original;
          if (r.next) return <span className={r.next.due < today() ? 'overdue' : ''}>{cap(t(`concertation.next.${r.next.kind}`, { date: isoToFr(r.next.due) }))}</span>;
          return r.heldOn ? cap(t('concertation.dsu.heldOn', { date: isoToFr(r.heldOn) })) : '—';
        },
      }),
    ],
    [t],
  );
  return (
    <div className="worklist">
      <PageHeader title={t('nav.concertation')}>
        {/* A responsable who follows no household sees every referral of the site (concertation:list). */}
        <p className="lead compact">{t(session.user.roles.includes('responsable') && !session.user.roles.some((r) => r === 'ass' || r === 'cesf') ? 'concertation.list.leadAll' : 'concertation.list.lead')}</p>
      </PageHeader>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && (
        <DataTable
          label={t('concertation.list.label')}
          columns={columns}
          data={list.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('concertation.list.filter')}
          empty={t(closed ? 'concertation.list.emptyClosed' : 'concertation.list.empty')}
          onRowAction={(r) => (window.location.hash = `#/concertation/${r.id}`)}
          countText={(shown, total, n) => t('concertation.list.count', { count: n, shown, total })}
          toolbar={
            <SelectField
              label={t('concertation.list.show')}
              value={closed ? 'closed' : 'open'}
              onChange={(v) => setClosed(v === 'closed')}
              options={[
                { id: 'open', label: t('concertation.list.open') },
                { id: 'closed', label: t('concertation.list.closed') },
              ]}
            />
          }
        />
      )}
      <MembersPanel canEdit={session.user.roles.includes('responsable')} />
    </div>
  );
}

function MembersPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const members = useResource(() => must('concertation:members', {}));
  const [editing, setEditing] = useState<MemberOut | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="panel concertation-permanent" aria-labelledby="concertation-permanent-title">
      <div className="panel-header">
        <h2 id="concertation-permanent-title">{t('concertation.permanent.title')}</h2>
        {canEdit && (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('concertation.permanent.add')}
          </Button>
        )}
      </div>
      <p className="muted small">{t('concertation.permanent.lead')}</p>
      <div role="status" aria-live="polite">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
      {members.error && <Alert kind="error">{members.error}</Alert>}
      {members.data?.length === 0 && <p className="muted">{t('concertation.permanent.none')}</p>}
      <ul className="plain concertation-list">
        {members.data?.map((m) => (
          <li key={m.id} className={m.active ? undefined : 'muted'}>
            <strong>{m.name}</strong> — {m.organisation}
            {!m.active && <> ({t('concertation.permanent.inactive')})</>}
            <span className="muted small"> — {m.charterSignedOn ? t('concertation.permanent.charter', { date: isoToFr(m.charterSignedOn) }) : t('concertation.permanent.noCharter')}</span>
            {canEdit && (
              <Button variant="quiet" onPress={() => setEditing(m)} aria-label={t('concertation.permanent.editOf', { name: m.name })}>
                {t('common.edit')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {editing && members.data && (
        <MemberDialog
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            setNotice(m);
            void members.reload();
          }}
        />
      )}
    </section>
  );
}

function MemberDialog({ member, onClose, onSaved }: { member: MemberOut | null; onClose: () => void; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const partners = useResource(() => must('partners:list', {}));
  const [source, setSource] = useState<'partner' | 'free'>(member?.partnerId ? 'partner' : 'free');
  const [partner, setPartner] = useState<string | null>(member?.partnerId ? String(member.partnerId) : null);
  const [name, setName] = useState(member?.name ?? '');
  const [organisation, setOrganisation] = useState(member && !member.partnerId ? member.organisation : '');
  const [active, setActive] = useState(member?.active ?? true);
  const errors = useFormErrors(['partnerId', 'name', 'organisation']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check(source === 'partner' && !partner ? { partnerId: t('concertation.members.choosePartner') } : {})) return;
    try {
      await must('concertation:saveMember', { id: member?.id ?? null, partnerId: source === 'partner' ? Number(partner) : null, name, organisation: source === 'free' ? organisation : '', active });
      onSaved(t(member ? 'concertation.permanent.updated' : 'concertation.permanent.added', { name: name.trim() }));
    } catch (err) {
      errors.fail(err);
    }
  };
  const options = (partners.data ?? []).filter((p) => p.active).map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }));
  return (
    <DialogBox title={member ? t('concertation.permanent.editOf', { name: member.name }) : t('concertation.permanent.add')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('concertation.members.name')} name="name" value={name} onChange={setName} isRequired error={errors.of('name')} />
        <RadioList
          label={t('concertation.members.source')}
          value={source}
          onChange={setSource}
          options={[
            { value: 'partner', label: t('concertation.members.fromDirectory') },
            { value: 'free', label: t('concertation.members.typed') },
          ]}
        />
        {source === 'partner' ? (
          <SelectField label={t('concertation.members.organisation')} value={partner} onChange={setPartner} isRequired error={errors.of('partnerId')} options={options} />
        ) : (
          <TextInput label={t('concertation.members.organisation')} name="organisation" value={organisation} onChange={setOrganisation} isRequired error={errors.of('organisation')} />
        )}
        {member && <CheckboxField label={t('concertation.permanent.active')} value={active} onChange={setActive} />}
        <ErrorSummary errors={errors.errors} />
        <DialogActions submitLabel={member ? t('common.save') : t('common.add')} />
      </Form>
    </DialogBox>
  );
}
