/**
 * What the drift engine is asked: labels, column selection, per-column overrides and thresholds. Defaults reproduce
 * Evidently's DataDriftPreset.
 */
import type { CorrectionMethod } from './correction.js';
import type { ColumnType, StatTestId } from './types.js';

/** A value for every column, for a column type, or for one column; resolved column > type > all, as Evidently does. */
export interface Overrides<T> {
  /** Every column. */
  readonly all?: T;
  /** Every column of that type (overrides `all`). */
  readonly byType?: Partial<Record<ColumnType, T>>;
  /** One column (overrides everything). */
  readonly byColumn?: Readonly<Record<string, T>>;
}

/**
 * How the surface that built the options names the settings the engine can only check against the data (a CLI
 * flag, an action input), so its messages speak the user's vocabulary.
 */
export interface SettingNames {
  readonly stattest: string;
  readonly threshold: string;
  readonly numerical: string;
  readonly categorical?: string;
  readonly columns?: string;
  readonly exclude?: string;
  readonly idColumn?: string;
  readonly timestampColumn?: string;
  readonly target?: string;
  readonly allowEmpty?: string;
}

/** Everything the engine needs besides the two snapshots. */
export interface DriftOptions {
  readonly referenceLabel: string;
  readonly currentLabel: string;
  /** Test exactly these columns (default: every column of both snapshots that is not excluded). */
  readonly columns?: readonly string[];
  readonly exclude?: readonly string[];
  /** Force the type of these columns. */
  readonly numerical?: readonly string[];
  readonly categorical?: readonly string[];
  /** Id and timestamp columns are never tested. */
  readonly idColumn?: string;
  readonly timestampColumn?: string;
  /** Adds the target block; the target stays an ordinary column of drift_share unless excluded. */
  readonly target?: string;
  readonly stattest?: Overrides<StatTestId>;
  readonly threshold?: Overrides<number>;
  /** dataset_drift = drift_share >= driftShare (default 0.5). */
  readonly driftShare?: number;
  /** RETRAIN when drift_share >= retrainThreshold (default 0.3). */
  readonly retrainThreshold?: number;
  /** Equal-width bins for psi, kl_div and jensenshannon (Evidently ignores n_bins; unset keeps parity). */
  readonly bins?: number;
  /** Seed of the permutation tests (default 0). */
  readonly seed?: number;
  /** Adjust the p-value tests across the report's columns (unset keeps parity). */
  readonly correction?: CorrectionMethod;
  /** A significant change of a tested column's missing share counts as its drift. */
  readonly missingDrift?: boolean;
  /** Testing no column is an error unless this is set. */
  readonly allowEmpty?: boolean;
  /** Names of the settings in messages (default: `stattest`, `threshold`, `numerical`, ...). */
  readonly names?: SettingNames;
}

export const DEFAULT_DRIFT_SHARE = 0.5;
export const DEFAULT_RETRAIN_THRESHOLD = 0.3;

const DEFAULT_NAMES: Required<SettingNames> = {
  stattest: 'stattest',
  threshold: 'threshold',
  numerical: 'numerical',
  categorical: 'categorical',
  columns: 'columns',
  exclude: 'exclude',
  idColumn: 'id-column',
  timestampColumn: 'timestamp-column',
  target: 'target',
  allowEmpty: 'allow-empty',
};

/** How messages name a setting. */
export function settingName(options: DriftOptions, setting: keyof SettingNames): string {
  return options.names?.[setting] ?? DEFAULT_NAMES[setting];
}

/**
 * The override in force for a column.
 *
 * @example
 * resolveOverride({ all: 0.1, byType: { numerical: 0.2 }, byColumn: { fee: 0.3 } }, 'tenure', 'numerical'); // => 0.2
 */
export function resolveOverride<T>(
  overrides: Overrides<T> | undefined,
  column: string,
  columnType: ColumnType,
): T | undefined {
  return overrides?.byColumn?.[column] ?? overrides?.byType?.[columnType] ?? overrides?.all;
}
