/**
 * Response checks of a load (`--expect-status`, `--expect-json-schema`): parsing the expected statuses, and
 * compiling a JSON Schema file with ajv into the validator the generator calls on sampled response bodies.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { UserError } from '../errors.js';
import { readJsonFile } from '../util/fs.js';
import type { ResponseChecks } from './generator.js';

/** What the user asked to check, before the schema file is read. */
export interface CheckSettings {
  /** Expected status codes; null: not checked. */
  readonly expectStatus: readonly number[] | null;
  /** The flag's value as given (`200`, `2xx`, `200,404`). */
  readonly expectStatusText: string | null;
  /** JSON Schema file the response bodies must match; null: not checked. */
  readonly schemaPath: string | null;
  /** Share of responses whose body is validated (0 < sample ≤ 1). */
  readonly sample: number;
}

/**
 * Parses `200`, `200,404` or `2xx` (every code of a class) into the list of expected status codes.
 * @throws {UserError} USAGE naming `label`
 */
export function parseExpectStatus(label: string, text: string): number[] {
  const codes = new Set<number>();
  for (const part of text.split(',').map((item) => item.trim())) {
    const group = /^([1-5])xx$/i.exec(part);
    if (group) {
      for (let code = Number(group[1]) * 100; code < Number(group[1]) * 100 + 100; code++) codes.add(code);
      continue;
    }
    if (!/^[1-5]\d\d$/.test(part))
      throw new UserError(
        'USAGE',
        `${label}: '${part}' is not an HTTP status (100-599) or class (2xx); separate several with commas`,
      );
    codes.add(Number(part));
  }
  return [...codes].sort((a, b) => a - b);
}

/** The ajv class for a schema's `$schema` draft: 2020-12, 2019-09, or draft-07 (and earlier) by default. */
function ajvFor(schema: unknown): Ajv {
  const draft =
    typeof schema === 'object' && schema !== null
      ? String((schema as { $schema?: unknown }).$schema ?? '')
      : '';
  const options = { allErrors: false, strict: false } as const;
  if (draft.includes('2020-12')) return new Ajv2020(options);
  if (draft.includes('2019-09')) return new Ajv2019(options);
  return new Ajv(options);
}

/** One line for a failed validation: where in the body and what ajv said. */
function describeFailure(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (!error) return 'body does not match the schema';
  const params =
    error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return `body ${error.instancePath || '/'} ${error.message ?? 'is invalid'}${params}`;
}

/**
 * Reads and compiles a JSON Schema file.
 * @throws {UserError} naming the file when it is missing, not JSON, or not a valid schema
 */
export async function compileSchemaFile(path: string): Promise<(body: unknown) => string | null> {
  const schema = await readJsonFile(path);
  let validate: ValidateFunction;
  try {
    validate = ajvFor(schema).compile(schema as object);
  } catch (error) {
    throw new UserError(
      'CONFIG',
      `${path}: not a valid JSON Schema (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return (body) => (validate(body) ? null : describeFailure(validate));
}

/** The generator's checks for the settings (reads and compiles the schema file); null when nothing is checked. */
export async function loadResponseChecks(settings: CheckSettings | null): Promise<ResponseChecks | null> {
  if (settings === null || (settings.expectStatus === null && settings.schemaPath === null)) return null;
  return {
    expectStatus: settings.expectStatus === null ? null : new Set(settings.expectStatus),
    expectStatusText: settings.expectStatusText,
    validateBody: settings.schemaPath === null ? null : await compileSchemaFile(settings.schemaPath),
    schemaSource: settings.schemaPath,
    sample: settings.sample,
  };
}
