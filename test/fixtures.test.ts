import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STREAMFLOW_MONTHS, STREAMFLOW_USERS, generateMonthCsv } from '../scripts/streamflow-generator.js';

describe('StreamFlow fixtures', () => {
  it.each(STREAMFLOW_MONTHS.map((month) => [month.file, month] as const))(
    'regenerating %s gives identical bytes',
    (file, month) => {
      const committed = readFileSync(`fixtures/streamflow/${file}`, 'utf8');
      expect(generateMonthCsv(month) === committed).toBe(true);
    },
  );

  it('has 7043 users with Telco-style ids, 16 columns and about a quarter churners', () => {
    const lines = readFileSync('fixtures/streamflow/month_000.csv', 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(STREAMFLOW_USERS + 1);
    expect(lines[0]!.split(',')).toHaveLength(16);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.every((row) => /^\d{4}-[A-Z]{5}$/.test(row[0]!))).toBe(true);
    expect(new Set(rows.map((row) => row[0])).size).toBe(STREAMFLOW_USERS);
    const churn = rows.filter((row) => row[15] === '1').length / rows.length;
    expect(churn).toBeGreaterThan(0.18);
    expect(churn).toBeLessThan(0.3);
    const fees = rows.map((row) => Number(row[2]));
    expect(Math.min(...fees)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...fees)).toBeLessThanOrEqual(119);
    expect(rows.some((row) => row[13] === '')).toBe(true); // a few missing values
  });
});
