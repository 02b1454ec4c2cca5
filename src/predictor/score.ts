/**
 * Scores a whole snapshot with the churn model, column by column, and reads the columns the model-quality metrics
 * need (the 0/1 target, a stored probability column), with one-line errors naming the file, column and data row.
 *
 * Scoring adds each feature's term to every row's linear predictor in the model's feature order, which is the
 * order {@link linearPredictor} uses for one record, so a row's probability here is bit-identical to the one the
 * predictor serves for the same user.
 */
import { UserError } from '../errors.js';
import { getColumn, numbersOf, type Table } from '../snapshot/table.js';
import { sigmoid, type ChurnModel } from './model.js';

/**
 * The model's churn probability for every row of a snapshot.
 *
 * This runs in `O(rows × features)` with one pass over each feature column; a categorical feature looks each
 * dictionary entry up once, not each row.
 *
 * @throws {UserError} when a model feature is not a column of the snapshot, or has a type the model cannot score
 *   (a numeric feature stored as text, a categorical feature stored as numbers, a datetime)
 */
export function scoreTable(model: ChurnModel, table: Table): Float64Array {
  const z = new Float64Array(table.rows).fill(model.intercept);
  for (const feature of model.features) {
    const column = getColumn(table, feature.name);
    if (!column)
      throw new UserError(
        'COLUMN_MISSING',
        `${table.source}: model feature '${feature.name}' is not a column of the snapshot`,
      );
    if (feature.kind === 'numeric') {
      if (column.type === 'string' || column.type === 'datetime')
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `${table.source}: model feature '${feature.name}' is numeric but the column holds ${column.type === 'string' ? 'text' : 'dates'}`,
        );
      const values = numbersOf(column.values);
      for (let row = 0; row < table.rows; row++) {
        const value = values[row]!;
        // A missing value imputes the training mean: its term is 0 (the record scorer skips it likewise).
        if (!Number.isNaN(value)) z[row] += (feature.weight * (value - feature.mean)) / feature.std;
      }
    } else {
      if (column.type !== 'string')
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `${table.source}: model feature '${feature.name}' is categorical but the column holds ${column.type === 'datetime' ? 'dates' : 'numbers'}`,
        );
      // Weight per dictionary code; NaN marks a level unseen in training (one-hot all zeros: no term).
      const weightOfCode = column.dictionary.map((level) => {
        const slot = feature.levels.indexOf(level);
        return slot < 0 ? Number.NaN : feature.weights[slot]!;
      });
      const { codes } = column;
      for (let row = 0; row < table.rows; row++) {
        const code = codes[row]!;
        if (code < 0) continue;
        const weight = weightOfCode[code]!;
        if (!Number.isNaN(weight)) z[row] += weight;
      }
    }
  }
  for (let row = 0; row < table.rows; row++) z[row] = sigmoid(z[row]!);
  return z;
}

/**
 * The binary target of a snapshot: 0 or 1 per row, NaN where the label is missing (that row is unlabelled).
 * @throws {UserError} when the column is missing, not numeric or boolean, or holds a value other than 0 and 1
 */
export function readTarget(table: Table, target: string): Float64Array {
  const column = getColumn(table, target);
  if (!column) throw new UserError('COLUMN_MISSING', `${table.source}: target column '${target}' not found`);
  if (column.type === 'string' || column.type === 'datetime')
    throw new UserError(
      'COLUMN_TYPE_MISMATCH',
      `${table.source}: target column '${target}' must hold 0/1 or booleans, found ${column.type === 'string' ? 'text' : 'dates'}`,
    );
  const values = numbersOf(column.values);
  for (let row = 0; row < table.rows; row++) {
    const value = values[row]!;
    if (value !== 0 && value !== 1 && !Number.isNaN(value))
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `${table.source}: target column '${target}' must be 0/1, found ${value} at data row ${row + 1}`,
      );
  }
  return values;
}

/**
 * A stored probability column (`--prediction-column`): one probability in [0, 1] per row.
 * @throws {UserError} when the column is missing, not numeric, or a value is missing or outside [0, 1]
 */
export function readProbabilityColumn(table: Table, name: string): Float64Array {
  const column = getColumn(table, name);
  if (!column)
    throw new UserError('COLUMN_MISSING', `${table.source}: prediction column '${name}' not found`);
  if (column.type !== 'float' && column.type !== 'int')
    throw new UserError(
      'COLUMN_TYPE_MISMATCH',
      `${table.source}: prediction column '${name}' must hold probabilities, found ${column.type === 'string' ? 'text' : column.type}`,
    );
  const values = numbersOf(column.values);
  for (let row = 0; row < table.rows; row++) {
    const value = values[row]!;
    if (!(value >= 0 && value <= 1))
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `${table.source}: prediction column '${name}' must hold probabilities in [0, 1], found ${Number.isNaN(value) ? 'a missing value' : value} at data row ${row + 1}`,
      );
  }
  return values;
}
