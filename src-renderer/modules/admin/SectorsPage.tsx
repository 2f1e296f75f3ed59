import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxList, ConfirmDialog, DialogActions, DialogBox, ErrorSummary, PageHeader, SelectField, TextInput } from '../../ui/components';
import { useResource } from '../../ui/useResource';

type Sector = Output<'admin:listSectors'>[number];
type Commune = Output<'site:info'>['communes'][number];
type User = Output<'admin:listUsers'>[number];

/** Sectors of the territory: each commune → a sector → its référent ASS and CESF (DOMAIN §2). */
export function SectorsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { data, error: loadError, reload: load } = useResource(async () => {
    const [sectors, site, users] = await Promise.all([must('admin:listSectors', {}), must('site:info', {}), canEdit ? must('admin:listUsers', {}) : Promise.resolve([])]);
    return { sectors, communes: site.communes, users };
  });
  const sectors: Sector[] = data?.sectors ?? [];
  const communes: Commune[] = data?.communes ?? [];
  const users: User[] = data?.users ?? [];
  const [editing, setEditing] = useState<Sector | 'new' | null>(null);
  const [addingCommune, setAddingCommune] = useState(false);
  const [deleting, setDeleting] = useState<Sector | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const uncovered = communes.filter((c) => c.sectorId === null);

  return (
    <>
      <PageHeader title={t('nav.sectors')}>
        {canEdit && (
          <>
            <Button variant="secondary" onPress={() => setAddingCommune(true)}>
              {t('sectors.addCommune')}
            </Button>
            <Button variant="primary" onPress={() => setEditing('new')}>
              {t('sectors.new')}
            </Button>
          </>
        )}
      </PageHeader>
      <p className="lead">{t('sectors.lead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {uncovered.length > 0 && (
        <Alert kind="info">
          {t('sectors.uncovered', { count: uncovered.length })} {uncovered.map((c) => `${c.name} (${c.insee})`).join(', ')}
        </Alert>
      )}
      {sectors.length === 0 ? (
        <p>{t('sectors.empty')}</p>
      ) : (
        <ul className="sector-list">
          {sectors.map((s) => (
            <li key={s.id} className="sector-card">
              <h2>{s.name}</h2>
              <dl>
                <dt>{t('sectors.referentAss')}</dt>
                <dd>{s.referentAss?.displayName ?? t('sectors.none')}</dd>
                <dt>{t('sectors.referentCesf')}</dt>
                <dd>{s.referentCesf?.displayName ?? t('sectors.none')}</dd>
                <dt>{t('sectors.communes')}</dt>
                <dd>{s.communes.length ? s.communes.map((c) => `${c.name} (${c.insee})`).join(', ') : t('sectors.none')}</dd>
              </dl>
              {canEdit && (
                <div className="actions">
                  <Button variant="quiet" onPress={() => setEditing(s)} aria-label={t('sectors.editOf', { name: s.name })}>
                    {t('common.edit')}
                  </Button>
                  <Button variant="quiet" aria-label={t('sectors.deleteOf', { name: s.name })} onPress={() => setDeleting(s)}>
                    {t('common.delete')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <SectorForm
          sector={editing === 'new' ? null : editing}
          communes={communes}
          users={users}
          onClose={() => setEditing(null)}
          onSaved={async (s) => {
            setEditing(null);
            setNotice(t('sectors.saved', { name: s.name }));
            await load();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('sectors.deleteOf', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          variant="danger"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await must('admin:deleteSector', { id: deleting.id });
            setDeleting(null);
            setNotice(t('sectors.deleted', { name: deleting.name }));
            await load();
          }}
        >
          <p>{t('sectors.deleteExplain', { count: deleting.communes.length })}</p>
        </ConfirmDialog>
      )}
      {addingCommune && (
        <CommuneForm
          onClose={() => setAddingCommune(false)}
          onSaved={async (c) => {
            setAddingCommune(false);
            setNotice(t('sectors.communeAdded', { name: c.name }));
            await load();
          }}
        />
      )}
    </>
  );
}

function SectorForm({ sector, communes, users, onClose, onSaved }: { sector: Sector | null; communes: Commune[]; users: User[]; onClose: () => void; onSaved: (s: Sector) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(sector?.name ?? '');
  const [ass, setAss] = useState<string | null>(sector?.referentAss ? String(sector.referentAss.id) : null);
  const [cesf, setCesf] = useState<string | null>(sector?.referentCesf ? String(sector.referentCesf.id) : null);
  const [selected, setSelected] = useState<string[]>(sector?.communes.map((c) => c.insee) ?? []);
  const form = useFormErrors(['name', 'referentAssId', 'referentCesfId', 'communes']);
  const none = { id: 'none', label: t('sectors.none') };
  const withRole = (role: 'ass' | 'cesf') => [none, ...users.filter((u) => !u.disabled && u.roles.includes(role)).map((u) => ({ id: String(u.id), label: u.displayName }))];

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    try {
      const saved = await must('admin:saveSector', {
        ...(sector ? { id: sector.id } : {}),
        name,
        referentAssId: ass && ass !== 'none' ? Number(ass) : null,
        referentCesfId: cesf && cesf !== 'none' ? Number(cesf) : null,
        communes: selected,
      });
      await onSaved(saved);
    } catch (err) {
      form.fail(err);
    }
  }

  return (
    <DialogBox title={sector ? t('sectors.editOf', { name: sector.name }) : t('sectors.new')} isOpen onClose={onClose}>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('sectors.name')} name="name" value={name} onChange={setName} isRequired error={form.of('name')} autoFocus />
        <div className="grid-2">
          <SelectField label={t('sectors.referentAss')} options={withRole('ass')} value={ass ?? 'none'} onChange={setAss} error={form.of('referentAssId')} />
          <SelectField label={t('sectors.referentCesf')} options={withRole('cesf')} value={cesf ?? 'none'} onChange={setCesf} error={form.of('referentCesfId')} />
        </div>
        <CheckboxList
          label={t('sectors.communes')}
          options={communes.map((c) => ({
            value: c.insee,
            label: `${c.name} (${c.insee})`,
            disabled: c.sectorId !== null && c.sectorId !== sector?.id,
            ...(c.sectorId !== null && c.sectorId !== sector?.id ? { hint: t('sectors.inOther', { name: c.sectorName }) } : {}),
          }))}
          value={selected}
          onChange={setSelected}
          error={form.of('communes')}
        />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} />
      </Form>
    </DialogBox>
  );
}

function CommuneForm({ onClose, onSaved }: { onClose: () => void; onSaved: (c: { insee: string; name: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const [insee, setInsee] = useState('');
  const [name, setName] = useState('');
  const form = useFormErrors(['insee', 'name']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await onSaved(await must('admin:addCommune', { insee, name }));
    } catch (err) {
      form.fail(err);
    }
  }
  return (
    <DialogBox title={t('sectors.addCommune')} isOpen onClose={onClose}>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('sectors.insee')} name="insee" value={insee} onChange={setInsee} isRequired error={form.of('insee')} autoFocus />
        <TextInput label={t('sectors.communeName')} name="name" value={name} onChange={setName} isRequired error={form.of('name')} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.add')} />
      </Form>
    </DialogBox>
  );
}
