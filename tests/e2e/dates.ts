/** Days as the journeys need them, on the site's clock (Europe/Paris). */

/** The site's today, `AAAA-MM-JJ`. */
export const parisToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

/** The next Tuesday after today, at least two days ahead, and how many days ahead it is. */
export function nextTuesday(): { iso: string; steps: number } {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  let steps = 0;
  do {
    d.setUTCDate(d.getUTCDate() + 1);
    steps++;
  } while (d.getUTCDay() !== 2 || steps < 2);
  return { iso: d.toISOString().slice(0, 10), steps };
}

/** A day `AAAA-MM-JJ` as the screens write it, `JJ/MM/AAAA`. */
export const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** `n` days after (before, when negative) a day `AAAA-MM-JJ`. */
export const plus = (iso: string, n: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
