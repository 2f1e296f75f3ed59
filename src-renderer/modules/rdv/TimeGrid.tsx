/**
 * The agenda's time grid (DOMAIN §7), built with CSS grid and buttons, no calendar library (the
 * CSP forbids the <style> tags they inject): one column per day (week) or per professional
 * (day), one row per quarter of an hour, the site's closed hours shaded. Every free half-hour
 * and every appointment is a button named in full (« mardi 1er décembre, 9 h 30 – 10 h 15,
 * DUPONT Marie, Alice Assistante (ASS) »). One Tab stop for the whole grid; the arrows move
 * inside it (up/down in a column, left/right to the nearest time in the next column).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentOut } from '../../../src-main/modules';
import { closedLabel, dayName, lanes, openOn, rowsOf, span, STEP_MIN, SLOT_MIN, timeName, toHm, toMin, freeSlots, type Hours, type PermanenceDay } from './grid';

/** What a dragged appointment carries: its id, under a type of its own. */
const DRAG_TYPE = 'application/x-passeur-appointment';

export interface Column {
  key: string;
  day: string;
  title: string;
  professional: { id: number; displayName: string; roles: string[] };
  appointments: AppointmentOut[];
  /** The permanences this professional holds that day. */
  permanences: PermanenceDay[];
}

export function TimeGrid({
  columns,
  hours,
  now,
  busy,
  onSlot,
  onOpen,
  onDropOn,
  describedBy,
}: {
  columns: Column[];
  hours: Hours;
  now: string;
  busy: boolean;
  onSlot: (c: Column, startsAt: string, permanence: PermanenceDay | null) => void;
  onOpen: (a: AppointmentOut) => void;
  /** An appointment dragged onto a free slot (the same move as the card's dialog, under the same rule). */
  onDropOn: (appointmentId: number, c: Column, startsAt: string, permanence: PermanenceDay | null) => void;
  describedBy: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const all = columns.flatMap((c) => c.appointments);
  const { start, end } = span(hours, [...new Set(columns.map((c) => c.day))], all, columns.flatMap((c) => c.permanences));
  const rows = (end - start) / STEP_MIN;
  const hoursMarks: number[] = [];
  for (let m = start; m < end; m += 60) hoursMarks.push(m);

  // The cells in reading order: the first one is the grid's Tab stop until another is chosen.
  const cells: string[] = [];
  const model = columns.map((c, ci) => {
    const shown = c.appointments.filter((a) => a.status !== 'annule');
    const laid = lanes(shown);
    const laneCount = Math.max(1, ...laid.map((l) => l.lane + 1));
    const slots = freeSlots(hours, c.day, shown, now, c.permanences);
    const items = [
      ...laid.map(({ item, lane }) => ({ kind: 'appt' as const, key: `a${item.id}`, at: item.startsAt, item, lane })),
      ...slots.map((s) => ({ kind: 'slot' as const, key: `s${ci}-${s.at}`, at: s.at, permanence: s.permanence })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    for (const i of items) cells.push(i.key);
    return { c, ci, items, laneCount };
  });
  const tabStop = active && cells.includes(active) ? active : (cells[0] ?? null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    const key = el.dataset.cell;
    if (!key || !ref.current) return;
    const col = Number(el.dataset.col);
    const at = el.dataset.at ?? '';
    const inCol = (ci: number) => Array.from(ref.current!.querySelectorAll<HTMLElement>(`[data-col="${ci}"][data-cell]`));
    const here = inCol(col);
    const i = here.indexOf(el);
    let target: HTMLElement | undefined;
    if (e.key === 'ArrowDown') target = here[i + 1];
    else if (e.key === 'ArrowUp') target = here[i - 1];
    else if (e.key === 'Home') target = here[0];
    else if (e.key === 'End') target = here[here.length - 1];
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const step = e.key === 'ArrowRight' ? 1 : -1;
      for (let ci = col + step; ci >= 0 && ci < columns.length && !target; ci += step) {
        const next = inCol(ci);
        const hm = at.slice(11);
        target = next.find((n) => (n.dataset.at ?? '').slice(11) >= hm) ?? next[next.length - 1];
      }
    } else return;
    e.preventDefault();
    if (target) {
      setActive(target.dataset.cell ?? null);
      target.focus();
    }
  };

  const proLabel = (c: Column) => {
    const roles = c.professional.roles.filter((r) => r === 'ass' || r === 'cesf').map((r) => r.toUpperCase());
    return roles.length ? `${c.professional.displayName} (${roles.join(', ')})` : c.professional.displayName;
  };

  return (
    <div className="tgrid-scroll">
      <div
        ref={ref}
        className="tgrid"
        role="group"
        aria-label={t('agenda.gridLabel')}
        aria-describedby={describedBy}
        aria-busy={busy}
        data-testid="agenda"
        onKeyDown={onKeyDown}
        style={{ gridTemplateColumns: `4rem repeat(${columns.length}, minmax(9rem, 1fr))` }}
      >
        <div className="tgrid-corner" aria-hidden="true" />
        {columns.map((c) => {
          const closed = closedLabel(hours, c.day);
          return (
            <div key={`h-${c.key}`} className="tgrid-head">
              <span className="tgrid-title">{c.title}</span>
              {closed !== null && <span className="tgrid-closed">{closed ? t('agenda.closedBecause', { label: closed }) : t('agenda.closed')}</span>}
            </div>
          );
        })}
        <div className="tgrid-times" aria-hidden="true" style={{ gridTemplateRows: `repeat(${rows}, var(--tgrid-row))` }}>
          {hoursMarks.map((m) => (
            <span key={m} style={{ gridRow: `${(m - start) / STEP_MIN + 1} / span 4` }}>
              {timeName(toHm(m), lang)}
            </span>
          ))}
        </div>
        {model.map(({ c, ci, items, laneCount }) => (
          <div key={c.key} className="tgrid-col" style={{ gridTemplateRows: `repeat(${rows}, var(--tgrid-row))`, gridTemplateColumns: `repeat(${laneCount}, minmax(0, 1fr))` }}>
            {/* Open hours, shaded differently from closed ones (decoration only). */}
            {openOn(hours, c.day).map((r) => {
              const from = (toMin(r.from) - start) / STEP_MIN + 1;
              const to = (toMin(r.to) - start) / STEP_MIN + 1;
              return <div key={r.from} className="tgrid-open" aria-hidden="true" style={{ gridRow: `${Math.max(1, from)} / ${Math.min(rows + 1, to)}`, gridColumn: '1 / -1' }} />;
            })}
            {/* A permanence: the band of its hours, named (its slots say it too). */}
            {c.permanences.map((p) => (
              <div key={`p${p.id}`} className="tgrid-permanence" style={{ gridRow: `${(toMin(p.startsAt) - start) / STEP_MIN + 1} / ${(toMin(p.endsAt) - start) / STEP_MIN + 1}`, gridColumn: '1 / -1' }}>
                <span>{t('agenda.permanenceBand', { place: p.place, commune: p.communeName })}</span>
              </div>
            ))}
            {busy
              ? null
              : items.map((i) => {
                  if (i.kind === 'slot') {
                    const r = (toMin(i.at.slice(11)) - start) / STEP_MIN + 1;
                    return (
                      <button
                        key={i.key}
                        type="button"
                        className="tgrid-slot"
                        data-cell={i.key}
                        data-col={ci}
                        data-at={i.at}
                        tabIndex={tabStop === i.key ? 0 : -1}
                        onFocus={() => setActive(i.key)}
                        onClick={() => onSlot(c, i.at, i.permanence)}
                        onDragOver={(e) => {
                          if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                        }}
                        onDrop={(e) => {
                          const id = Number(e.dataTransfer.getData(DRAG_TYPE));
                          if (!id) return;
                          e.preventDefault();
                          onDropOn(id, c, i.at, i.permanence);
                        }}
                        aria-label={
                          i.permanence
                            ? t('agenda.slotNamePermanence', { day: dayName(c.day, lang), time: timeName(i.at, lang), name: c.professional.displayName, place: i.permanence.place })
                            : t('agenda.slotName', { day: dayName(c.day, lang), time: timeName(i.at, lang), name: c.professional.displayName })
                        }
                        style={{ gridRow: `${r} / span ${SLOT_MIN / STEP_MIN}`, gridColumn: '1 / -1' }}
                      >
                        <span aria-hidden="true">{timeName(i.at, lang)}</span>
                      </button>
                    );
                  }
                  const a = i.item;
                  const r = rowsOf(a, start);
                  return (
                    <button
                      key={i.key}
                      type="button"
                      className={`tgrid-appt status-${a.status}${r.to - r.from <= 2 ? ' short' : ''}`}
                      data-cell={i.key}
                      data-col={ci}
                      data-at={a.startsAt}
                      data-appointment={a.id}
                      tabIndex={tabStop === i.key ? 0 : -1}
                      onFocus={() => setActive(i.key)}
                      onClick={() => onOpen(a)}
                      draggable={a.status === 'prevu' && a.startsAt > now}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, String(a.id));
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                      // Named in full; what is seen is part of the name, in the same order (day, time, person, kind, status, professional).
                      aria-label={`${dayName(c.day, lang)}, ${timeName(a.startsAt, lang)} – ${timeName(a.endsAt, lang)}, ${a.person.name}, ${t(`labels.${a.kind}`)}${a.status !== 'prevu' ? `, ${t(`labels.${a.status}`)}` : ''}, ${proLabel(c)}`}
                      style={{ gridRow: `${r.from} / ${r.to}`, gridColumn: `${i.lane + 1}` }}
                    >
                      <span className="tgrid-when">
                        {timeName(a.startsAt, lang)} – {timeName(a.endsAt, lang)}
                      </span>{' '}
                      <span className="tgrid-who">{a.person.name}</span>{' '}
                      <span className="tgrid-what">
                        {t(`labels.${a.kind}`)}
                        {a.status !== 'prevu' && `, ${t(`labels.${a.status}`)}`}
                      </span>
                    </button>
                  );
                })}
          </div>
        ))}
      </div>
    </div>
  );
}
