/** Medians, p95 and the encrypted/plain ratio; printed for people, or one JSON object a line. */
export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  plain_p95_ms: number | null;
  ratio: number | null;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function time(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

export async function timeAsync(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function result(name: string, enc: number[], plain?: number[]): BenchResult {
  const p95 = quantile(enc, 0.95);
  const plainP95 = plain ? quantile(plain, 0.95) : null;
  return {
    name,
    n: enc.length,
    median_ms: r3(quantile(enc, 0.5)),
    p95_ms: r3(p95),
    plain_p95_ms: plainP95 === null ? null : r3(plainP95),
    ratio: plainP95 ? Math.round((p95 / plainP95) * 100) / 100 : null,
  };
}

export function report(results: BenchResult[], json: boolean): void {
  if (json) {
    for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
    return;
  }
  const rows = results.map((r) => [r.name, String(r.n), r.median_ms.toFixed(3), r.p95_ms.toFixed(3), r.plain_p95_ms?.toFixed(3) ?? '—', r.ratio?.toFixed(2) ?? '—']);
  const head = ['mesure', 'n', 'médiane ms', 'p95 ms', 'p95 clair ms', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write([line(head), ...rows.map(line)].join('\n') + '\n');
}

/**
 * Times `a` and `b` alternately (a, b, b, a, a, b, …) so that whatever the machine does
 * meanwhile (checkpoints, other processes) falls on both sides alike. Returns both series sorted.
 */
export function timePair(n: number, a: (i: number) => void, b: (i: number) => void): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  const one = (fn: (i: number) => void, out: number[], i: number) => {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      one(a, ta, i);
      one(b, tb, i);
    } else {
      one(b, tb, i);
      one(a, ta, i);
    }
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

/** `timePair` for operations that return a promise (calls through the dispatcher). */
export async function timePairAsync(n: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  const one = async (fn: (i: number) => Promise<unknown>, out: number[], i: number) => {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await one(a, ta, i);
      await one(b, tb, i);
    } else {
      await one(b, tb, i);
      await one(a, ta, i);
    }
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}
