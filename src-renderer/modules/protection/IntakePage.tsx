/**
 * The responsable's intake: an information received from the département's cell (IP for a
 * child, IS for an elderly or disabled adult), the persons of the app it concerns — found by a
 * search, then chosen among their home's members, the child concerned and every other minor —
 * and the team of two professionals at least. Saved, it opens the evaluation's page.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, CheckboxList, ErrorSummary, PageHeader, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, personName, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { type EXTERNAL_ROLES, EXTERNAL_ROLES_BY_KIND, KINDS, ORIGINS } from '../../../src-main/modules/protection/kinds';
import type { Output } from '../../api';

type Kind = (typeof KINDS)[number];
type Member = NonNullable<Output<'persons:get'>['household']>['members'][number];
const FIELDS = ['kind', 'receivedOn', 'origin', 'cellReference', 'delayDays', 'facts', 'concerned', 'otherMinors', 'team', 'external'] as const;

export function IntakePage() {
  const { t } = useTranslation();
  const options = useResource(() => must('intake:options', {}));
  const [kind, setKind] = useState<Kind>('ip');
  const [received, setReceived] = useState(isoToFr(today()));
  const [origin, setOrigin] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [delay, setDelay] = useState('');
  const [facts, setFacts] = useState('');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Output<'persons:search'>['results'] | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [concerned, setConcerned] = useState<string[]>([]);
  const [others, setOthers] = useState<string[]>([]);
  const [workers, setWorkers] = useState<string[]>([]);
  const [extName, setExtName] = useState('');
  const [extRole, setExtRole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  // Offered by age on the day of receipt (a child for an IP, an adult for an IS); the main process checks the same.
  const onDay = parseFrDate(received) ?? today();
  const adult = (birthDate: string | null) => birthDate !== null && `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}` <= onDay;
  const fits = (m: Member) => m.birthDate === null || (kind === 'ip' ? !adult(m.birthDate) : adult(m.birthDate));
  const search = async () => {
    if (q.trim().length < 2) return;
    try {
      setHits((await must('persons:search', { q, limit: 20 })).results);
    } catch (e) {
      errors.fail(e);
    }
  };
  const choose = async (personId: number) => {
    try {
      const card = await must('persons:get', { id: personId });
      const list = card.household?.members ?? [{ ...card.person }];
      setMembers(list);
      const chosen = list.find((m) => m.id === personId);
      setConcerned(chosen && fits(chosen) ? [String(personId)] : []);
      setOthers([]);
      setHits(null);
    } catch (e) {
      errors.fail(e);
    }
  };
  const professionals = (options.data?.professionals ?? []).filter((p) => p.roles.includes('ass') || p.roles.includes('cesf'));
  const externalRoles = EXTERNAL_ROLES_BY_KIND[kind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseFrDate(received);
    const local: Record<string, string> = {};
    if (!day) local.receivedOn = t('protection.intake.dateInvalid');
    if (!origin) local.origin = t('protection.intake.originMissing');
    if (delay.trim() !== '' && !/^\d+$/.test(delay.trim())) local.delayDays = t('protection.intake.delayInvalid');
    if (concerned.length === 0) local.concerned = t('protection.intake.concernedMissing');
    if (extName.trim() !== '' && !extRole) local.external = t('protection.intake.externalRoleMissing');
    if (!errors.check(local)) return;
    const team = [...workers.map((id) => ({ userId: Number(id) })), ...(extName.trim() && extRole ? [{ externalName: extName.trim(), externalRole: extRole as (typeof EXTERNAL_ROLES)[number] }] : [])];
    setBusy(true);
    try {
      const saved = await must('protection:save', {
        kind,
        receivedOn: day!,
        origin: origin as (typeof ORIGINS)[number],
        cellReference: reference,
        delayDays: delay.trim() === '' ? null : Number(delay.trim()),
        facts,
        concerned: concerned.map(Number),
        otherMinors: kind === 'ip' ? others.map(Number) : [],
        team,
      });
      window.location.hash = `#/protection/${saved.id}`;
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const memberOptions = (members ?? []).filter(fits).map((m) => ({ value: String(m.id), label: `${personName(m)}${m.birthDate ? ` — ${isoToFr(m.birthDate)}` : ''}` }));
  return (
    <>
      <PageHeader title={t('protection.intake.title')}>
        <a className="btn btn-secondary" href="#/protection">
          {t('protection.backToList')}
        </a>
      </PageHeader>
      <p className="lead compact">{t('protection.intake.lead')}</p>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="prot-intake">
        <ErrorSummary errors={errors.errors} />
        <section className="panel" aria-labelledby="prot-received-title">
          <h2 id="prot-received-title">{t('protection.intake.received')}</h2>
          <RadioList label={t('protection.kind')} value={kind} onChange={(v) => setKind(v)} options={KINDS.map((k) => ({ value: k, label: t(`protection.kinds.${k}`) }))} isRequired error={errors.of('kind')} />
          <div className="form-row">
            <TextInput label={t('protection.receivedOn')} name="receivedOn" value={received} onChange={setReceived} format="date" isRequired error={errors.of('receivedOn')} />
            <SelectField label={t('protection.origin')} value={origin} onChange={setOrigin} isRequired error={errors.of('origin')} options={ORIGINS.map((o) => ({ id: o, label: t(`protection.origins.${o}`) }))} />
            <TextInput label={t('protection.cellReference')} name="cellReference" value={reference} onChange={setReference} error={errors.of('cellReference')} />
            <TextInput label={t('protection.delayDays')} name="delayDays" value={delay} onChange={setDelay} description={t(kind === 'ip' ? 'protection.intake.delayHintIp' : 'protection.intake.delayHintIs')} error={errors.of('delayDays')} />
          </div>
          <TextAreaInput label={t('protection.facts')} name="facts" value={facts} onChange={setFacts} rows={3} error={errors.of('facts')} />
        </section>
        <section className="panel" aria-labelledby="prot-persons-title">
          <h2 id="prot-persons-title">{t(kind === 'ip' ? 'protection.intake.childrenTitle' : 'protection.intake.adultTitle')}</h2>
          <div className="form-row prot-search">
            <TextInput
              label={t('protection.intake.search')}
              name="q"
              value={q}
              onChange={setQ}
              description={t('protection.intake.searchHint')}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void search();
                }
              }}
            />
            <Button onPress={() => void search()}>{t('protection.intake.searchButton')}</Button>
          </div>
          {hits && (
            <div role="status">
              {hits.length === 0 ? (
                <p className="muted">{t('protection.intake.noHit')}</p>
              ) : (
                <ul className="plain prot-hits" aria-label={t('protection.intake.hits', { count: hits.length })}>
                  {hits.map((h) => (
                    <li key={h.id}>
                      <Button variant="quiet" onPress={() => void choose(h.id)}>
                        {t('protection.intake.choose', { name: `${personName(h)}${h.birthDate ? ` (${isoToFr(h.birthDate)})` : ''}` })}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {members && (
            <div className="form-row">
              <CheckboxList label={t(kind === 'ip' ? 'protection.intake.concernedChildren' : 'protection.intake.concernedAdult')} options={memberOptions} value={concerned} onChange={setConcerned} isRequired error={errors.of('concerned')} />
              {kind === 'ip' && (
                <CheckboxList label={t('protection.intake.otherMinors')} options={memberOptions.filter((o) => !concerned.includes(o.value))} value={others} onChange={setOthers} error={errors.of('otherMinors')} />
              )}
            </div>
          )}
        </section>
        <section className="panel" aria-labelledby="prot-team-title">
          <h2 id="prot-team-title">{t('protection.team')}</h2>
          <p className="muted">{t(kind === 'ip' ? 'protection.intake.teamHintIp' : 'protection.intake.teamHintIs')}</p>
          <CheckboxList label={t('protection.intake.workers')} options={professionals.map((p) => ({ value: String(p.id), label: p.displayName }))} value={workers} onChange={setWorkers} isRequired error={errors.of('team')} />
          <div className="form-row">
            <TextInput label={t('protection.intake.externalName')} name="externalName" value={extName} onChange={setExtName} error={errors.of('external')} />
            <SelectField label={t('protection.intake.externalRole')} value={extRole} onChange={setExtRole} options={externalRoles.map((r) => ({ id: r, label: t(`protection.externalRoles.${r}`) }))} />
          </div>
        </section>
        <div className="actions-left">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('protection.intake.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
