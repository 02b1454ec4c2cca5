/**
 * Seeded generator of StreamFlow churn snapshots (the reference scenario): one CSV per month with `user_id`, the 14
 * features and `churn_label`. Deterministic: the same arguments always give the same bytes (no Math.random, numbers
 * formatted with toFixed), so the committed fixtures can be checked by regenerating them.
 */

/** A snapshot month: its label (the as_of date) and how its distributions differ from the baseline. */
export interface MonthSpec {
  readonly file: string;
  readonly asOf: string;
  /** 0 = baseline, 1 = mild drift (watch hours only), 2 = strong drift in many columns. */
  readonly drift: 0 | 1 | 2;
  readonly seed: number;
}

export const STREAMFLOW_MONTHS: readonly MonthSpec[] = [
  { file: 'month_000.csv', asOf: '2024-01-31', drift: 0, seed: 1000 },
  { file: 'month_001.csv', asOf: '2024-02-29', drift: 1, seed: 1001 },
  { file: 'month_002.csv', asOf: '2024-03-31', drift: 2, seed: 1002 },
];

export const STREAMFLOW_USERS = 7043;

export const STREAMFLOW_COLUMNS = [
  'user_id',
  'months_active',
  'monthly_fee',
  'paperless_billing',
  'plan_stream_tv',
  'plan_stream_movies',
  'net_service',
  'watch_hours_30d',
  'avg_session_mins_7d',
  'unique_devices_30d',
  'skips_7d',
  'rebuffer_events_7d',
  'failed_payments_90d',
  'support_tickets_90d',
  'ticket_avg_resolution_hrs_90d',
  'churn_label',
] as const;

/** mulberry32: a small, well-distributed 32-bit PRNG; enough for fixtures, and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  private spare: number | undefined;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  normal(mean = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return mean + sd * value;
    }
    // Box–Muller
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }
  /** Gamma(shape, scale) by Marsaglia–Tsang (shape ≥ 1). */
  gamma(shape: number, scale: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
        return d * v * scale;
    }
  }
  /** Poisson(lambda) by Knuth's multiplication method (small lambda). */
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > limit);
    return k - 1;
  }
  pick<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let u = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      u -= weights[i]!;
      if (u < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** User ids like `7590-VHVEG`, unique, from their own seed so every month shares them. */
export function streamflowUserIds(count: number, seed = 42): string[] {
  const random = new Random(seed);
  const seen = new Set<string>();
  const ids: string[] = [];
  while (ids.length < count) {
    let id = String(random.int(0, 9999)).padStart(4, '0') + '-';
    for (let i = 0; i < 5; i++) id += LETTERS[random.int(0, 25)];
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Generates one month as CSV text (RFC 4180, LF line ends, header first).
 * `rows` defaults to the 7043 StreamFlow users; the benchmark asks for 1M.
 */
export function generateMonthCsv(month: MonthSpec, rows = STREAMFLOW_USERS): string {
  const random = new Random(month.seed * 7919 + rows);
  const ids = streamflowUserIds(Math.min(rows, STREAMFLOW_USERS));
  const strong = month.drift === 2;
  const lines: string[] = [STREAMFLOW_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const userId =
      i < ids.length ? ids[i]! : `${String(i % 10000).padStart(4, '0')}-X${String(i).padStart(7, '0')}`;
    const monthsActive = Math.min(72, Math.max(1, Math.round(random.gamma(1.6, 20)) + month.drift));
    const netService = random.pick(
      ['DSL', 'Fiber optic', 'No'],
      strong ? [0.25, 0.6, 0.15] : [0.34, 0.44, 0.22],
    );
    const streamTv = netService !== 'No' && random.uniform() < (strong ? 0.6 : 0.49) ? 'Yes' : 'No';
    const streamMovies = netService !== 'No' && random.uniform() < (strong ? 0.62 : 0.5) ? 'Yes' : 'No';
    const paperless = random.uniform() < 0.59 ? 'True' : 'False';
    const baseFee = netService === 'No' ? 20 : netService === 'DSL' ? 45 : 70;
    const fee = Math.min(
      119,
      Math.max(
        18,
        baseFee +
          (streamTv === 'Yes' ? 10 : 0) +
          (streamMovies === 'Yes' ? 10 : 0) +
          random.normal(strong ? 8 : 0, 6),
      ),
    );
    const watchShape = month.drift === 0 ? 1 : month.drift === 1 ? 1.16 : 1.45;
    const watchHours = random.gamma(3, 10 * watchShape) * (netService === 'No' ? 0.3 : 1);
    const sessionMins = Math.max(1, random.normal(strong ? 26 : 34, 11));
    const devices = Math.min(6, 1 + random.poisson(strong ? 1.6 : 1.1));
    const skips = random.poisson(strong ? 14 : 9);
    const rebuffers = random.poisson(netService === 'DSL' ? (strong ? 4 : 2.2) : strong ? 2.5 : 1.2);
    const failedPayments = Math.min(5, random.poisson(strong ? 0.7 : 0.35));
    const tickets = random.poisson(strong ? 2.4 : 1.3);
    const ticketsMissing = random.uniform() < 0.004;
    const resolutionHours = tickets === 0 ? random.gamma(1.5, 4) : random.gamma(2.2, strong ? 14 : 9);
    const resolutionMissing = random.uniform() < 0.012;
    const risk =
      -1.45 +
      0.9 * (netService === 'Fiber optic' ? 1 : 0) -
      0.035 * monthsActive +
      0.012 * (fee - 60) -
      0.015 * (watchHours - 30) +
      0.35 * failedPayments +
      0.22 * tickets +
      0.08 * rebuffers +
      (paperless === 'True' ? 0.3 : 0) +
      (strong ? 0.45 : 0);
    const churn = random.uniform() < logistic(risk) ? 1 : 0;
    lines.push(
      [
        userId,
        monthsActive,
        fee.toFixed(2),
        paperless,
        streamTv,
        streamMovies,
        netService,
        watchHours.toFixed(1),
        sessionMins.toFixed(1),
        devices,
        skips,
        rebuffers,
        failedPayments,
        ticketsMissing ? '' : tickets,
        resolutionMissing ? '' : resolutionHours.toFixed(2),
        churn,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
