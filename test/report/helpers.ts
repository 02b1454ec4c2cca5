/**
 * Real drift reports for the renderer tests: the StreamFlow fixtures and synthetic tables run through the engine,
 * each validated against the published JSON schema before a test sees it.
 */
import { expect } from 'vitest';
import { computeDrift } from '../../src/drift/engine.js';
import type { DriftReport } from '../../src/drift/report.js';
import { renderJson } from '../../src/report/json.js';
import { validateReport } from '../../src/report/schema.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { pairOfTables } from '../../src/snapshot/pair.js';
import type { Column, Table } from '../../src/snapshot/table.js';
import { mulberry32 } from '../../scripts/streamflow-generator.js';

/** mulberry32: a small seeded generator, so synthetic tables are the same on every run. */
export const seededRandom = mulberry32;

export const STREAMFLOW_LABELS = ['2024-01-31', '2024-02-29', '2024-03-31'] as const;

/** Asserts that the report, as the JSON report file holds it, satisfies schema/report.schema.json. */
export function expectValidReport(report: DriftReport): void {
  expect(validateReport(JSON.parse(renderJson(report)))).toEqual([]);
}

const cache = new Map<number, Promise<DriftReport>>();

/** month_000 (reference) against month_00N, with user_id as the id column and churn_label as the target. */
export function streamflowReport(month: 1 | 2): Promise<DriftReport> {
  let report = cache.get(month);
  if (!report) {
    report = (async () => {
      const [reference, current] = await Promise.all([
        readSnapshot('fixtures/streamflow/month_000.csv'),
        readSnapshot(`fixtures/streamflow/month_00${month}.csv`),
      ]);
      const result = await computeDrift(pairOfTables(reference, current), {
        referenceLabel: STREAMFLOW_LABELS[0],
        currentLabel: STREAMFLOW_LABELS[month],
        idColumn: 'user_id',
        target: 'churn_label',
      });
      expectValidReport(result);
      return result;
    })();
    cache.set(month, report);
  }
  return report;
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticOptions {
  readonly rows: number;
  readonly columns: number;
  readonly seed: number;
  /** Shift applied to the current side of every other column, in standard deviations (0 = no drift). */
  readonly shift: number;
  /** Column name for index i (default `feature_<i>`). */
  readonly name?: (index: number) => string;
}

/**
 * A table built in memory (no CSV): columns cycle through continuous floats, wide-range integers,
 * string categories and booleans, so every chart kind and default test appears.
 */
export function syntheticTable(options: SyntheticOptions, side: 'reference' | 'current'): Table {
  const random = seededRandom(options.seed + (side === 'current' ? 7919 : 0));
  const columns: Column[] = [];
  const plans = ['PLAN_A', 'PLAN_B', 'PLAN_C', 'PLAN_D', 'PLAN_E'];
  for (let index = 0; index < options.columns; index++) {
    const name = options.name ? options.name(index) : `feature_${String(index).padStart(4, '0')}`;
    const shift = side === 'current' && index % 2 === 0 ? options.shift : 0;
    switch (index % 4) {
      case 0: {
        const values = new Float64Array(options.rows);
        for (let row = 0; row < options.rows; row++) values[row] = 50 + 10 * (normal(random) + shift);
        columns.push({ name, type: 'float', values });
        break;
      }
      case 1: {
        const values = new Float64Array(options.rows);
        for (let row = 0; row < options.rows; row++)
          values[row] = Math.floor(random() * 200 * (1 + shift / 4));
        columns.push({ name, type: 'int', values });
        break;
      }
      case 2: {
        const codes = new Int32Array(options.rows);
        for (let row = 0; row < options.rows; row++) {
          const draw = Math.min(random() ** (1 + shift), 0.999999);
          codes[row] = Math.floor(draw * plans.length);
        }
        columns.push({ name, type: 'string', codes, dictionary: plans });
        break;
      }
      default: {
        const values = new Float64Array(options.rows);
        for (let row = 0; row < options.rows; row++) values[row] = random() < 0.3 + shift / 10 ? 1 : 0;
        columns.push({ name, type: 'bool', values });
      }
    }
  }
  return { source: `synthetic:${side}`, rows: options.rows, columns };
}

/** A report through the engine over two synthetic tables; validated against the schema. */
export async function syntheticReport(options: SyntheticOptions): Promise<DriftReport> {
  const report = await computeDrift(
    pairOfTables(syntheticTable(options, 'reference'), syntheticTable(options, 'current')),
    {
      referenceLabel: 'train-2024-01',
      currentLabel: 'prod-2024-02',
    },
  );
  expectValidReport(report);
  return report;
}
