/**
 * The published JSON Schema of `driftwatch evaluate` (`schema/evaluation.schema.json`, draft 2020-12), whose metric
 * blocks are the drift report's (`schema/report.schema.json`, `$defs/classification_quality`), and a validator.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import evaluationSchema from '../../schema/evaluation.schema.json' with { type: 'json' };
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };

export { evaluationSchema };

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Validates a parsed evaluation report against the published schema.
 * @returns one line per violation (`<instance path> <message>`); empty when the report is valid
 */
export function validateEvaluation(report: unknown): string[] {
  compiled ??= new Ajv2020({ allErrors: true, allowUnionTypes: true, schemas: [reportSchema] }).compile(
    evaluationSchema,
  );
  if (compiled(report)) return [];
  return (compiled.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}
