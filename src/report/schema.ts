/**
 * The published JSON Schema of the report (`schema/report.schema.json`, draft 2020-12, shipped in the package)
 * and a validator for it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import historySchema from '../../schema/history.schema.json' with { type: 'json' };

export { reportSchema };

/** Path of the schema inside the package (relative to the package root), as documented in the README. */
export const REPORT_SCHEMA_PATH = 'schema/report.schema.json';

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Validates a parsed JSON report against the published schema.
 *
 * @param report the report as parsed from JSON (NaN and undefined already turned into null or dropped)
 * @returns one line per violation (`<instance path> <message>`); empty when the report is valid
 */
export function validateReport(report: unknown): string[] {
  compiled ??= new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(reportSchema);
  if (compiled(report)) return [];
  return (compiled.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}

/** Path of the history record's schema inside the package (`--history` lines, the action's history). */
export const HISTORY_SCHEMA_PATH = 'schema/history.schema.json';

export { historySchema };

let compiledHistory: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Validates a parsed history record against the published schema.
 *
 * @returns one line per violation; empty when the record is valid
 */
export function validateHistoryRecord(record: unknown): string[] {
  compiledHistory ??= new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(historySchema);
  if (compiledHistory(record)) return [];
  return (compiledHistory.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}
