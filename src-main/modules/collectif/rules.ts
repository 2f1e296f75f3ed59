/**
 * The figures of collective actions (DOMAIN §11, activity report table 9), pure: an action's
 * counts from its sessions, and the period's table from the sessions held in it.
 *
 * How people are counted: a named participant counts once however many sessions they came to;
 * people counted anonymously cannot be told apart, so an action's anonymous participants are
 * the highest anonymous count of its sessions (the same people may come each time: never
 * counted twice), and the presences add every session's anonymous count. The attendance rate
 * is the share of « présent » among the named participants' marks (absent and excusé included).
 */
/** A figure of the report (the registry's `Statistic`, written here so that the rules stay pure). */
export interface Statistic {
  key: string;
  label: string;
  value: number;
}

export interface SessionCounts {
  anonymousCount: number;
  present: number;
  absent: number;
  excused: number;
}

export interface ActionCounts {
  sessions: number;
  named: number;
  anonymous: number;
  presences: number;
  attendanceRate: number | null;
}

/** A share in %, one decimal; null when there is nothing to divide. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

export function actionCounts(sessions: readonly SessionCounts[], named: number): ActionCounts {
  const present = sessions.reduce((s, x) => s + x.present, 0);
  const marked = sessions.reduce((s, x) => s + x.present + x.absent + x.excused, 0);
  return {
    sessions: sessions.length,
    named,
    anonymous: sessions.reduce((m, x) => Math.max(m, x.anonymousCount), 0),
    presences: present + sessions.reduce((s, x) => s + x.anonymousCount, 0),
    attendanceRate: rate(present, marked),
  };
}

/** A session held in the period, with its action, its year (YYYY) and its counts. */
export interface PeriodSession {
  actionId: number;
  year: string;
  anonymous: number;
  present: number;
  marked: number;
}

/** A named person marked present at a session of an action in the period. */
export interface PresentPerson {
  actionId: number;
  personId: number;
  year: string;
}

interface Figures {
  actions: number;
  sessions: number;
  named: number;
  anonymous: number;
  people: number;
  presences: number;
  rate: number | null;
}

function figuresOf(sessions: readonly PeriodSession[], present: readonly PresentPerson[]): Figures {
  const actions = new Set(sessions.map((s) => s.actionId));
  const named = new Set(present.filter((p) => actions.has(p.actionId)).map((p) => p.personId)).size;
  const maxAnon = new Map<number, number>();
  for (const s of sessions) maxAnon.set(s.actionId, Math.max(maxAnon.get(s.actionId) ?? 0, s.anonymous));
  const anonymous = [...maxAnon.values()].reduce((a, b) => a + b, 0);
  const presentMarks = sessions.reduce((a, s) => a + s.present, 0);
  return {
    actions: actions.size,
    sessions: sessions.length,
    named,
    anonymous,
    people: named + anonymous,
    presences: presentMarks + sessions.reduce((a, s) => a + s.anonymous, 0),
    rate: rate(presentMarks, sessions.reduce((a, s) => a + s.marked, 0)),
  };
}

function lines(f: Figures, key: string, who: string): Statistic[] {
  return [
    { key: `collectif.actions${key}`, label: `Actions collectives menées${who}`, value: f.actions },
    { key: `collectif.sessions${key}`, label: `Séances d’actions collectives${who}`, value: f.sessions },
    { key: `collectif.participants${key}`, label: `Participants aux actions collectives${who} (nommés et anonymes)`, value: f.people },
    { key: `collectif.named${key}`, label: `Participants nommés, chacun compté une fois${who}`, value: f.named },
    { key: `collectif.anonymous${key}`, label: `Participants comptés anonymement${who}`, value: f.anonymous },
    { key: `collectif.presences${key}`, label: `Présences aux séances${who}`, value: f.presences },
    ...(f.rate === null ? [] : [{ key: `collectif.attendanceRate${key}`, label: `Taux de présence des participants nommés${who} (%, arrondi)`, value: Math.round(f.rate) }]),
  ];
}

/**
 * Table 9 of the activity report for a period: the site's figures, then per year of the
 * period, then per leading professional (an action led by two counts for each).
 */
export function table9(sessions: readonly PeriodSession[], present: readonly PresentPerson[], leads: readonly { actionId: number; id: number; name: string }[]): Statistic[] {
  const years = [...new Set(sessions.map((s) => s.year))].sort();
  const people = new Map<number, string>();
  for (const l of leads) people.set(l.id, l.name);
  const heldBy = (userId: number) => new Set(leads.filter((l) => l.id === userId).map((l) => l.actionId));
  return [
    ...lines(figuresOf(sessions, present), '', ' dans la période'),
    ...years.flatMap((y) =>
      lines(
        figuresOf(
          sessions.filter((s) => s.year === y),
          present.filter((p) => p.year === y),
        ),
        `.year_${y}`,
        ` en ${y}`,
      ),
    ),
    ...[...people]
      .map(([id, name]) => ({ id, name, actions: heldBy(id) }))
      .filter((p) => sessions.some((s) => p.actions.has(s.actionId)))
      .flatMap((p) =>
        lines(
          figuresOf(
            sessions.filter((s) => p.actions.has(s.actionId)),
            present.filter((x) => p.actions.has(x.actionId)),
          ),
          `.user_${p.id}`,
          ` (animation : ${p.name})`,
        ),
      ),
  ];
}
