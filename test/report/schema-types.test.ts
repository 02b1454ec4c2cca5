/**
 * The published schema (schema/report.schema.json) and the TypeScript report type (`DriftReport` in
 * src/drift/report.ts) describe the same fields: both are reduced to one shape (the fields of every object, which
 * are required, the kinds of values, string enumerations, array items) and compared field by field, both ways. A
 * field added to one side only, a field required on one side only, or a value kind that differs fails here.
 *
 * The type side is read with the TypeScript compiler API; the schema side by following `$ref`, `oneOf`/`anyOf`,
 * `type`, `enum`/`const`, `properties`/`required` and `items`.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One value's shape: its possible kinds, the fields when it can be an object, the items when an array. */
interface Shape {
  kinds: Set<Kind>;
  /** String values allowed: any string, or an enumeration. */
  strings?: 'any' | Set<string>;
  fields?: Map<string, { required: boolean; shape: Shape }>;
  items?: Shape;
}

const empty = (): Shape => ({ kinds: new Set() });

/** The union of two shapes: a field is required only when every object alternative requires it. */
function merge(a: Shape, b: Shape): Shape {
  const kinds = new Set([...a.kinds, ...b.kinds]);
  const strings =
    a.strings === 'any' || b.strings === 'any'
      ? 'any'
      : a.strings || b.strings
        ? new Set([...(a.strings ?? []), ...(b.strings ?? [])])
        : undefined;
  let fields: Shape['fields'];
  if (a.fields && b.fields) {
    fields = new Map();
    for (const name of new Set([...a.fields.keys(), ...b.fields.keys()])) {
      const x = a.fields.get(name);
      const y = b.fields.get(name);
      fields.set(name, {
        required: (x?.required ?? false) && (y?.required ?? false),
        shape: x && y ? merge(x.shape, y.shape) : (x ?? y)!.shape,
      });
    }
  } else fields = a.fields ?? b.fields;
  const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
  return {
    kinds,
    ...(strings ? { strings } : {}),
    ...(fields ? { fields } : {}),
    ...(items ? { items } : {}),
  };
}

// --- The TypeScript side ---------------------------------------------------------------------------------------

function typeShape(checker: ts.TypeChecker, type: ts.Type, seen: Set<ts.Type>): Shape {
  if (type.isUnion())
    return type.types.map((member) => typeShape(checker, member, seen)).reduce(merge, empty());
  const flags = type.flags;
  if (flags & ts.TypeFlags.Undefined) return empty(); // an optional field's `| undefined`
  if (flags & ts.TypeFlags.Null) return { kinds: new Set(['null']) };
  if (flags & ts.TypeFlags.StringLiteral)
    return { kinds: new Set(['string']), strings: new Set([(type as ts.StringLiteralType).value]) };
  if (flags & ts.TypeFlags.String) return { kinds: new Set(['string']), strings: 'any' };
  if (flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { kinds: new Set(['number']) };
  if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { kinds: new Set(['boolean']) };
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return { kinds: new Set(['array']), items: typeShape(checker, element!, seen) };
  }
  if (flags & ts.TypeFlags.Object) {
    if (seen.has(type)) throw new Error(`recursive type ${checker.typeToString(type)}`);
    const inner = new Set([...seen, type]);
    const fields = new Map<string, { required: boolean; shape: Shape }>();
    for (const property of checker.getPropertiesOfType(type)) {
      fields.set(property.name, {
        required: (property.flags & ts.SymbolFlags.Optional) === 0,
        shape: typeShape(checker, checker.getTypeOfSymbol(property), inner),
      });
    }
    return { kinds: new Set(['object']), fields };
  }
  throw new Error(`no JSON shape for the type ${checker.typeToString(type)}`);
}

/** The shape of the exported `DriftReport` type, read with the TypeScript compiler. */
function reportTypeShape(): Shape {
  const file = 'src/drift/report.ts';
  const config = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, '.').options;
  const program = ts.createProgram([file], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const symbol = checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .find((s) => s.name === 'DriftReport');
  if (!symbol) throw new Error(`${file} exports no DriftReport`);
  return typeShape(checker, checker.getDeclaredTypeOfSymbol(symbol), new Set());
}

// --- The schema side -------------------------------------------------------------------------------------------

type Schema = Record<string, unknown>;

function schemaShape(root: Schema, schema: Schema): Shape {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
    return schemaShape(root, target);
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives)
    return alternatives.map((alternative) => schemaShape(root, alternative)).reduce(merge, empty());
  const shape = empty();
  const values = 'const' in schema ? [schema.const] : (schema.enum as unknown[] | undefined);
  if (values) {
    for (const value of values) {
      const kind: Kind = value === null ? 'null' : (typeof value as Kind);
      shape.kinds.add(kind);
      if (typeof value === 'string')
        shape.strings = new Set([...((shape.strings as Set<string> | undefined) ?? []), value]);
    }
    return shape;
  }
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  for (const type of types) shape.kinds.add(type === 'integer' ? 'number' : (type as Kind));
  if (shape.kinds.has('string')) shape.strings = 'any';
  if (schema.properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    shape.fields = new Map(
      Object.entries(schema.properties as Record<string, Schema>).map(([name, property]) => [
        name,
        { required: required.has(name), shape: schemaShape(root, property) },
      ]),
    );
  }
  if (schema.items) shape.items = schemaShape(root, schema.items as Schema);
  return shape;
}

// --- The comparison --------------------------------------------------------------------------------------------

/** Every disagreement between the two shapes, one line each. */
function differences(type: Shape, schema: Shape, path: string, out: string[]): string[] {
  const tsKinds = [...type.kinds].filter((kind) => kind !== 'null').sort();
  const schemaKinds = [...schema.kinds].filter((kind) => kind !== 'null').sort();
  if (tsKinds.join() !== schemaKinds.join())
    out.push(`${path}: the type holds ${tsKinds.join('|')}, the schema ${schemaKinds.join('|')}`);
  if (type.kinds.has('null') && !schema.kinds.has('null'))
    out.push(`${path}: the type allows null, the schema not`);
  // JSON writes a non-finite number as null, so a schema may allow null where the type holds a number.
  if (schema.kinds.has('null') && !type.kinds.has('null') && !type.kinds.has('number'))
    out.push(`${path}: the schema allows null, the type not`);
  if (type.strings instanceof Set || schema.strings instanceof Set) {
    const list = (strings: Shape['strings']) =>
      strings instanceof Set ? [...strings].sort().join('|') : 'any string';
    if (list(type.strings) !== list(schema.strings))
      out.push(`${path}: the type allows ${list(type.strings)}, the schema ${list(schema.strings)}`);
  }
  if (type.fields || schema.fields) {
    const typeFields = type.fields ?? new Map();
    const schemaFields = schema.fields ?? new Map();
    for (const name of new Set([...typeFields.keys(), ...schemaFields.keys()])) {
      const at = path === '' ? name : `${path}.${name}`;
      const a = typeFields.get(name);
      const b = schemaFields.get(name);
      if (!a) out.push(`${at}: in the schema, not in the type`);
      else if (!b) out.push(`${at}: in the type, not in the schema`);
      else {
        if (a.required !== b.required)
          out.push(
            `${at}: ${a.required ? 'required' : 'optional'} in the type, ${b.required ? 'required' : 'optional'} in the schema`,
          );
        differences(a.shape, b.shape, at, out);
      }
    }
  }
  if (type.items || schema.items) {
    if (!type.items || !schema.items) out.push(`${path}[]: items described on one side only`);
    else differences(type.items, schema.items, `${path}[]`, out);
  }
  return out;
}

const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as Schema;

describe('DriftReport (TypeScript) and schema/report.schema.json', () => {
  const typeShapeOfReport = reportTypeShape();
  const schemaShapeOfReport = schemaShape(schema, schema);

  it('describe the same fields, required the same way, with the same kinds of values', () => {
    expect(differences(typeShapeOfReport, schemaShapeOfReport, '', [])).toEqual([]);
  });

  it('reach into every block of the report (the comparison is not vacuous)', () => {
    const paths: string[] = [];
    const walk = (shape: Shape, path: string) => {
      for (const [name, field] of shape.fields ?? []) {
        paths.push(`${path}${name}`);
        walk(field.shape, `${path}${name}.`);
        if (field.shape.items) walk(field.shape.items, `${path}${name}[].`);
      }
    };
    walk(typeShapeOfReport, '');
    for (const path of [
      'columns[].distribution.bin_edges',
      'columns[].effect.jensenshannon',
      'columns[].missing_share.current',
      'columns[].drift_score_adjusted',
      'summary.reference.by_column[].quantiles.0.5',
      'summary.current.columns_by_type.datetime',
      'target.abs_rate_diff',
      'decision.action',
    ])
      expect(paths).toContain(path);
  });

  it('notices a field on one side only, a required field and a value kind (the comparison can fail)', () => {
    const altered = structuredClone(schema) as {
      $defs: { column: { properties: Record<string, unknown>; required: string[] } };
    };
    altered.$defs.column.properties.invented = { type: 'string' };
    altered.$defs.column.required = altered.$defs.column.required.filter((name) => name !== 'skipped');
    (altered.$defs.column.properties.reference_size as Record<string, unknown>).type = 'string';
    const found = differences(typeShapeOfReport, schemaShape(altered as Schema, altered as Schema), '', []);
    expect(found).toEqual(
      expect.arrayContaining([
        'columns[].invented: in the schema, not in the type',
        'columns[].skipped: required in the type, optional in the schema',
        'columns[].reference_size: the type holds number, the schema string',
      ]),
    );
  });
});
