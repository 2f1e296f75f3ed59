/** The partner directory (DOMAIN §9): searchable, editable, importable from a spreadsheet's CSV. */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PartnerOut, SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, DialogActions, CheckboxField, DialogBox, ErrorSummary, PageHeader, TextAreaInput, TextInput } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { useResource } from '../../ui/useResource';

const col = columnHelperFor<PartnerOut>();
const FIELDS = ['organisation', 'service', 'category', 'address', 'postcode', 'city', 'phone', 'email', 'contact'] as const;

export function PartnersPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { data, error, reload } = useResource(() => must('partners:list', {}));
  const [editing, setEditing] = useState<PartnerOut | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canImport = session.user.roles.some((r) => r === 'secretaire' || r === 'responsable' || r === 'admin');
  const columns = useMemo(
    () => [
      col.accessor('organisation', { header: () => t('partners.organisation'), sortFn: 'french' }),
      col.accessor('service', { header: () => t('partners.service'), sortFn: 'french' }),
      col.accessor('category', { header: () => t('partners.category'), sortFn: 'french' }),
      col.accessor((p) => [p.address, `${p.postcode} ${p.city}`.trim()].filter(Boolean).join(', '), { id: 'address', header: () => t('partners.address') }),
      col.accessor((p) => [p.phone, p.email, p.contact].filter(Boolean).join(' · '), { id: 'contact', header: () => t('partners.contacts') }),
      col.accessor('missions', { header: () => t('partners.missions') }),
      col.display({
        id: 'actions',
        header: () => t('common.actions'),
        cell: (c) => (
          <Button variant="quiet" onPress={() => setEditing(c.row.original)} aria-label={t('partners.editOne', { name: c.row.original.organisation })}>
            {t('common.edit')}
          </Button>
        ),
      }),
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('nav.partners')}>
        {canImport && (
          <Button variant="secondary" onPress={() => setImporting(true)}>
            {t('partners.import')}
          </Button>
        )}
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('partners.new')}
        </Button>
      </PageHeader>
      <p className="lead">{t('partners.lead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {data && <DataTable label={t('partners.caption')} columns={columns} data={data} getRowId={(p) => String(p.id)} filterLabel={t('partners.filter')} empty={t('partners.empty')} />}
      {editing && (
        <PartnerDialog
          partner={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setNotice(t('partners.saved', { name: p.organisation }));
            void reload();
          }}
        />
      )}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onDone={(n) => {
            setImporting(false);
            setNotice(t('partners.imported', { imported: n.imported, updated: n.updated }));
            void reload();
          }}
        />
      )}
    </>
  );
}

function PartnerDialog({ partner, onClose, onSaved }: { partner: PartnerOut | null; onClose: () => void; onSaved: (p: PartnerOut) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<(typeof FIELDS)[number] | 'missions', string>>({
    organisation: partner?.organisation ?? '',
    service: partner?.service ?? '',
    category: partner?.category ?? '',
    address: partner?.address ?? '',
    postcode: partner?.postcode ?? '',
    city: partner?.city ?? '',
    phone: partner?.phone ?? '',
    email: partner?.email ?? '',
    contact: partner?.contact ?? '',
    missions: partner?.missions ?? '',
  });
  const [active, setActive] = useState(partner?.active ?? true);
  const form = useFormErrors([...FIELDS, 'missions']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await must('partners:save', { ...(partner ? { id: partner.id } : {}), ...values, active }));
    } catch (err) {
      form.fail(err);
    }
  };
  return (
    <DialogBox title={partner ? t('partners.editTitle') : t('partners.new')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <div className="grid-2">
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              label={t(`partners.${f}`)}
              name={f}
              value={values[f]}
              onChange={(v) => setValues((x) => ({ ...x, [f]: v }))}
              isRequired={f === 'organisation'}
              error={form.of(f)}
              autoFocus={f === 'organisation'}
            />
          ))}
        </div>
        <TextAreaInput label={t('partners.missions')} name="missions" value={values.missions} onChange={(v) => setValues((x) => ({ ...x, missions: v }))} rows={3} error={form.of('missions')} />
        <CheckboxField label={t('partners.active')} value={active} onChange={setActive} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} />
      </Form>
    </DialogBox>
  );
}

function ImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (n: { imported: number; updated: number }) => void }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<{ line: number; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t('partners.chooseCsv'));
    try {
      const r = await must('partners:import', { csv: await file.text() });
      if (r.errors.length) {
        setErrors(r.errors);
        setError(t('partners.importRejected', { count: r.errors.length }));
      } else onDone(r);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <DialogBox title={t('partners.import')} isOpen onClose={onClose}>
      <p>{t('partners.importHelp')}</p>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <div className="field">
          <label htmlFor="csv-file">{t('partners.csvFile')}</label>
          <input id="csv-file" ref={fileRef} type="file" accept=".csv,text/csv" />
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        {errors.length > 0 && (
          <table className="errors-table">
            <caption className="visually-hidden">{t('partners.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.line')}</th>
                <th scope="col">{t('partners.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((x, i) => (
                <tr key={i}>
                  <td>{x.line}</td>
                  <td>{x.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <DialogActions submitLabel={t('partners.importRun')} />
      </Form>
    </DialogBox>
  );
}
