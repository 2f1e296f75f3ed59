/**
 * The permanences (DOMAIN §7) the administrator records: a place outside the MDS (town hall,
 * France services), its address and commune, the professional who holds it, its weekday and
 * hours, every week or every other week, from a first day to an optional last one. The agenda
 * shows them in the professional's column and books into them.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, ErrorSummary, RadioList, SelectField, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';

type Data = Output<'rdv:permanences'>;
type Item = Data['items'][number];

export function PermanencesSection() {
  const { t } = useTranslation();
  const [data, setData] = useState<Data | null>(null);
  const [editing, setEditing] = useState<Item | null>(null);
  const [form, setForm] = useState(blank());
  const errors = useFormErrors(['place', 'address', 'communeInsee', 'professionalId', 'weekday', 'startsAt', 'endsAt', 'everyWeeks', 'firstDay', 'lastDay']);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const placeRef = useRef<HTMLInputElement>(null);
  const load = () => void must('rdv:permanences', {}).then(setData, (e: unknown) => setLoadError(errorText(e)));
  useEffect(load, []);

  function blank() {
    return { place: '', address: '', commune: null as string | null, pro: null as string | null, weekday: '1' as string | null, from: '09:00', to: '12:00', every: '1' as '1' | '2', first: isoToFr(today()), last: '' };
  }
  const set = (patch: Partial<ReturnType<typeof blank>>) => setForm({ ...form, ...patch });
  const edit = (p: Item) => {
    setEditing(p);
    setForm({ place: p.place, address: p.address, commune: p.communeInsee, pro: String(p.professional.id), weekday: String(p.weekday), from: p.startsAt, to: p.endsAt, every: String(p.everyWeeks) as '1' | '2', first: isoToFr(p.firstDay), last: isoToFr(p.lastDay) });
    errors.clear();
    placeRef.current?.focus();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const first = parseFrDate(form.first);
    const last = form.last.trim() ? parseFrDate(form.last) : null;
    const problems: Record<string, string> = {};
    if (!form.place.trim()) problems.place = t('a11y.requiredField', { label: t('agenda.perm.place') });
    if (!form.commune) problems.communeInsee = t('agenda.perm.chooseCommune');
    if (!form.pro) problems.professionalId = t('agenda.perm.choosePro');
    if (!first) problems.firstDay = t('agenda.badDate');
    if (form.last.trim() && !last) problems.lastDay = t('agenda.badDate');
    if (!errors.check(problems) || !first || !form.commune) return;
    try {
      const saved = await must('rdv:savePermanence', {
        ...(editing ? { id: editing.id } : {}),
        place: form.place,
        address: form.address,
        communeInsee: form.commune,
        professionalId: Number(form.pro),
        weekday: Number(form.weekday ?? 1),
        startsAt: form.from.trim(),
        endsAt: form.to.trim(),
        everyWeeks: form.every === '2' ? 2 : 1,
        firstDay: first,
        lastDay: last,
      });
      setNotice(t('agenda.perm.saved', { place: saved.place, name: saved.professional.displayName }));
      errors.clear();
      setEditing(null);
      setForm(blank());
      load();
    } catch (err) {
      errors.fail(err);
    }
  };
  const fe = errors.of;

  return (
    <section aria-labelledby="perm-title" className="permanences">
      <h2 id="perm-title">{t('agenda.perm.title')}</h2>
      <p className="muted">{t('agenda.perm.lead')}</p>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {data && data.items.length === 0 && <p className="muted">{t('agenda.perm.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="plain">
          {data.items.map((p) => (
            <li key={p.id}>
              {t('agenda.perm.line', {
                place: p.place,
                commune: p.communeName,
                day: t(`agenda.hours.days.${p.weekday - 1}`).toLowerCase(),
                from: p.startsAt,
                to: p.endsAt,
                every: t(p.everyWeeks === 2 ? 'agenda.perm.fortnightly' : 'agenda.perm.weekly'),
                name: p.professional.displayName,
                first: isoToFr(p.firstDay),
              })}
              {p.lastDay && ` ${t('agenda.perm.until', { date: isoToFr(p.lastDay) })}`}{' '}
              <Button variant="quiet" onPress={() => edit(p)}>
                {t('agenda.perm.edit', { place: p.place })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="perm-form-title">
          <h3 id="perm-form-title">{editing ? t('agenda.perm.editTitle', { place: editing.place }) : t('agenda.perm.new')}</h3>
          <div className="hours-week">
            <TextInput label={t('agenda.perm.place')} name="place" value={form.place} onChange={(v) => set({ place: v })} inputRef={placeRef} isRequired error={fe('place')} />
            <TextInput label={t('agenda.perm.address')} name="address" value={form.address} onChange={(v) => set({ address: v })} error={fe('address')} />
            <SelectField label={t('agenda.perm.commune')} value={form.commune} onChange={(v) => set({ commune: v })} options={data.communes.map((c) => ({ id: c.insee, label: c.name }))} isRequired error={fe('communeInsee')} />
            <SelectField label={t('agenda.perm.professional')} value={form.pro} onChange={(v) => set({ pro: v })} options={data.professionals.map((p) => ({ id: String(p.id), label: p.displayName }))} isRequired error={fe('professionalId')} />
            <SelectField label={t('agenda.perm.weekday')} value={form.weekday} onChange={(v) => set({ weekday: v })} options={[0, 1, 2, 3, 4, 5, 6].map((i) => ({ id: String(i + 1), label: t(`agenda.hours.days.${i}`) }))} isRequired error={fe('weekday')} />
            <TextInput label={t('agenda.perm.from')} name="from" value={form.from} onChange={(v) => set({ from: v })} placeholder={t('intake.timePlaceholder')} format="time" isRequired error={fe('startsAt')} />
            <TextInput label={t('agenda.perm.to')} name="to" value={form.to} onChange={(v) => set({ to: v })} placeholder={t('intake.timePlaceholder')} format="time" isRequired error={fe('endsAt')} />
            <TextInput label={t('agenda.perm.first')} name="first" value={form.first} onChange={(v) => set({ first: v })} placeholder={t('person.datePlaceholder')} format="date" isRequired error={fe('firstDay')} />
            <TextInput label={t('agenda.perm.last')} name="last" value={form.last} onChange={(v) => set({ last: v })} placeholder={t('person.datePlaceholder')} format="date" error={fe('lastDay')} />
          </div>
          <RadioList label={t('agenda.perm.every')} value={form.every} onChange={(v) => set({ every: v })} options={[{ value: '1', label: t('agenda.perm.weekly') }, { value: '2', label: t('agenda.perm.fortnightly') }]} isRequired error={fe('everyWeeks')} />
          <ErrorSummary errors={errors.errors} />
          <div className="actions actions-start">
            <Button type="submit" variant="primary">
              {t('agenda.perm.save')}
            </Button>
            {editing && (
              <Button onPress={() => (setEditing(null), setForm(blank()), errors.clear())}>{t('agenda.perm.cancelEdit')}</Button>
            )}
          </div>
        </Form>
      )}
    </section>
  );
}
