/**
 * Decoder of PostgreSQL's COPY text format (`COPY (...) TO STDOUT`) straight into typed columns.
 *
 * Why not `pg`'s row parser or pg-cursor: they hand back one array or object per row, and for a 1M-row snapshot
 * that is millions of short-lived objects and strings. COPY text is a simple, fully specified format (rows end
 * with `\n`, fields are separated by `\t`, `\N` is NULL, and `\\ \b \f \n \r \t \v`, octal and hex escapes
 * are the only escapes; a raw tab or newline is always a separator), so this decoder scans the bytes of each
 * chunk, parses numbers without making strings and dictionary-encodes string cells at once.
 */
import { ColumnBuilder } from '../column-builder.js';
import { parseDecimal, POW10 } from '../decimal.js';
import type { Column, StorageType } from '../table.js';

/** How a Postgres column is decoded; chosen from the column's type OID (see {@link columnKindOf}). */
export type PgColumnKind = 'int' | 'float' | 'bool' | 'date' | 'timestamp' | 'string';

/** One result column: its name and decoding. */
export interface CopyColumnSpec {
  readonly name: string;
  readonly kind: PgColumnKind;
}

// Type OIDs from pg_type.dat (stable across Postgres versions).
const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
} as const;

/**
 * Maps a result column's type OID (and type modifier, for `numeric(p, s)`) to a decoding:
 * `smallint`/`integer`/`bigint` and `numeric(p, 0)` → `int`; `real`, `double precision` and other `numeric` →
 * `float`; `boolean` → `bool`; `date` → `date`; `timestamp [with time zone]` → `timestamp`; every other type
 * (text, varchar, char, uuid, enums, ...) is read as its text form → `string`.
 */
export function columnKindOf(typeOid: number, typeModifier: number): PgColumnKind {
  switch (typeOid) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return 'int';
    case OID.float4:
    case OID.float8:
      return 'float';
    case OID.numeric:
      // typmod = ((precision << 16) | scale) + 4; -1 for an unconstrained numeric.
      return typeModifier >= 4 && ((typeModifier - 4) & 0xffff) === 0 ? 'int' : 'float';
    case OID.bool:
      return 'bool';
    case OID.date:
      return 'date';
    case OID.timestamp:
    case OID.timestamptz:
      return 'timestamp';
    default:
      return 'string';
  }
}

const TAB = 0x09;
const LF = 0x0a;
const BACKSLASH = 0x5c;
const MS_PER_DAY = 86_400_000;
const INT = 0;
const FLOAT = 1;
const BOOL = 2;
const OTHER = 3;

/** The storage a decoding produces (`date` and `timestamp` are both dates). */
function storageOfKind(kind: PgColumnKind): StorageType {
  return kind === 'date' || kind === 'timestamp' ? 'datetime' : kind;
}

/** The columns of one snapshot while they are decoded. */
interface DecodedSide {
  readonly builders: ColumnBuilder[];
  length: number;
  /** Rows the columns have room for while the decoder sizes them (past that, the builders double them). */
  reserved: number;
  readonly step: number;
}

/**
 * Incremental decoder: feed it the chunks of a COPY TO STDOUT stream with {@link write}, then call {@link finish}.
 * Memory is the typed columns (the readers' {@link ColumnBuilder}s) plus one partial row carried between chunks.
 *
 * {@link CopyTextDecoder.split} decodes one stream of two snapshots: each row starts with a boolean field (`f`
 * for the first snapshot, `t` for the second) that is not a column, and the rows of each snapshot keep their order.
 */
export class CopyTextDecoder {
  private readonly sides: DecodedSide[];
  private readonly split: boolean;
  private pending: Buffer | null = null;
  /** Each column's decoding as a small integer, compared once a cell. */
  private readonly kinds: Uint8Array;

  /**
   * @param capacityHint rows to make room for at once
   * @param estimated the hint is an estimate: the columns get room for a sixteenth more and past that grow by a
   *   sixteenth of it at a time (up to twice the hint) rather than doubling, so a slightly low estimate neither
   *   doubles the columns nor has them copied when they are trimmed to the row count (room never written to is
   *   never touched, so it costs no memory)
   */
  constructor(
    readonly columns: readonly CopyColumnSpec[],
    capacityHint: number | readonly [number, number] = 1024,
    estimated: boolean | readonly [boolean, boolean] = false,
  ) {
    const hints = typeof capacityHint === 'number' ? [capacityHint] : capacityHint;
    this.split = hints.length === 2;
    this.sides = hints.map((given, index) => {
      const isEstimate = typeof estimated === 'boolean' ? estimated : estimated[index]!;
      const hint = Math.max(16, given);
      const step = Math.ceil(hint / 16);
      const capacity = isEstimate ? hint + step : hint;
      return {
        builders: columns.map(
          (spec) => new ColumnBuilder(spec.name, { capacity, storage: storageOfKind(spec.kind) }),
        ),
        length: 0,
        reserved: isEstimate ? capacity : Infinity,
        step,
      };
    });
    this.kinds = Uint8Array.from(columns, (spec) =>
      spec.kind === 'int' ? INT : spec.kind === 'float' ? FLOAT : spec.kind === 'bool' ? BOOL : OTHER,
    );
  }

  /**
   * A decoder of a stream that holds two snapshots, each row led by a boolean field that says which (`f`: the
   * first, `t`: the second); the hints and estimates are per snapshot, as for the constructor.
   */
  static split(
    columns: readonly CopyColumnSpec[],
    capacityHints: readonly [number, number],
    estimated: readonly [boolean, boolean] = [false, false],
  ): CopyTextDecoder {
    return new CopyTextDecoder(columns, capacityHints, estimated);
  }

  /** Makes room for the next sixteenth of the estimate, or leaves growing to the builders past twice it. */
  private extend(side: DecodedSide): void {
    if (side.reserved >= 32 * side.step) {
      side.reserved = Infinity;
      return;
    }
    side.reserved += side.step;
    for (const builder of side.builders) builder.reserve(side.reserved);
  }

  /** Rows decoded so far (of the first snapshot of a split stream). */
  get rows(): number {
    return this.sides[0]!.length;
  }

  /** Rows decoded so far of one snapshot of a split stream (0: the `f` rows, 1: the `t` rows). */
  rowsOf(side: 0 | 1): number {
    return this.sides[side]!.length;
  }

  /**
   * Decodes every complete row of `chunk` (plus the partial row left from the previous chunk). The chunk is not
   * kept: the partial row at its end is copied.
   */
  write(chunk: Buffer): void {
    let from = 0;
    if (this.pending !== null) {
      // Only the row split between the chunks is joined; the rest of the chunk is decoded where it is.
      const first = chunk.indexOf(LF);
      if (first < 0) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      const joined = Buffer.concat([this.pending, chunk.subarray(0, first + 1)]);
      this.pending = null;
      this.decodeRows(joined, joined.length - 1);
      from = first + 1;
    }
    const end = chunk.lastIndexOf(LF);
    if (end >= from) this.decodeRows(chunk.subarray(from), end - from);
    if (end + 1 < chunk.length) this.pending = Buffer.from(chunk.subarray(Math.max(end + 1, from)));
  }

  /**
   * Decodes the rows of `buf[0 .. end]` (`buf[end]` is a row's newline) in one scan of the bytes: a tab ends a
   * field, a newline ends the row's last field (COPY text escapes both inside values). An integer cell of at most
   * 15 digits and a boolean cell are parsed as they are scanned; any other cell (NULL, text, floats, dates, long
   * integers) is found first and decoded by {@link decodeCell}. In a split stream, each row's leading flag picks
   * the snapshot whose columns receive the row.
   */
  private decodeRows(buf: Buffer, end: number): void {
    const split = this.split;
    let side = this.sides[0]!;
    let builders = side.builders;
    const kinds = this.kinds;
    const last = builders.length - 1;
    let field = 0;
    let i = 0;
    if (split) {
      side = this.sideAt(buf, 0);
      builders = side.builders;
      i = 2;
    }
    while (i <= end) {
      const kind = kinds[field]!;
      const builder = builders[field]!;
      let separator = -1;
      if (kind === FLOAT) {
        // [-]digits[.digits] with at most 15 digits in all: the digits as an integer and the power of ten are both
        // exact doubles, so the one division is correctly rounded, the value Number() gives the text.
        let j = i;
        const negative = buf[j] === 0x2d;
        if (negative) j++;
        let value = 0;
        let digits = 0;
        let c = buf[j]!;
        while (c >= 0x30 && c <= 0x39) {
          value = value * 10 + (c - 0x30);
          digits++;
          c = buf[++j]!;
        }
        let fraction = 0;
        if (c === 0x2e && digits > 0) {
          c = buf[++j]!;
          while (c >= 0x30 && c <= 0x39) {
            value = value * 10 + (c - 0x30);
            fraction++;
            c = buf[++j]!;
          }
        }
        if (digits > 0 && digits + fraction <= 15 && (c === TAB || c === LF)) {
          const magnitude = fraction === 0 ? value : value / POW10[fraction]!;
          builder.pushNumber(negative ? -magnitude : magnitude, false);
          separator = j;
        }
      } else if (kind === INT) {
        let j = i;
        const negative = buf[j] === 0x2d;
        if (negative) j++;
        const digitsStart = j;
        let value = 0;
        let digit = buf[j]! - 0x30;
        while (digit >= 0 && digit <= 9) {
          value = value * 10 + digit;
          digit = buf[++j]! - 0x30;
        }
        const digits = j - digitsStart;
        const c = buf[j];
        if (digits > 0 && digits <= 15 && (c === TAB || c === LF)) {
          builder.pushNumber(negative ? -value : value, true);
          separator = j;
        }
      } else if (kind === BOOL) {
        const c = buf[i + 1];
        const b = buf[i];
        if ((c === TAB || c === LF) && (b === 0x74 || b === 0x66)) {
          builder.pushBool(b === 0x74); // 't' / 'f'
          separator = i + 1;
        }
      }
      if (separator < 0) {
        let j = i;
        let c = buf[j];
        while (c !== TAB && c !== LF) c = buf[++j];
        this.decodeCell(builder, this.columns[field]!.kind, buf, i, j);
        separator = j;
      }
      if (buf[separator] === TAB) {
        if (field === last)
          throw new Error(`COPY row ${this.rowCount() + 1} has more than ${builders.length} fields`);
        field++;
      } else {
        if (field !== last)
          throw new Error(
            `COPY row ${this.rowCount() + 1} has ${field + 1} fields, expected ${builders.length}`,
          );
        if (++side.length === side.reserved) this.extend(side);
        field = 0;
        if (split && separator < end) {
          side = this.sideAt(buf, separator + 1);
          builders = side.builders;
          i = separator + 3;
          continue;
        }
      }
      i = separator + 1;
    }
  }

  /** The snapshot whose columns receive the split row that starts at `buf[at]` (its flag, then a tab). */
  private sideAt(buf: Buffer, at: number): DecodedSide {
    const flag = buf[at];
    if (buf[at + 1] !== TAB || (flag !== 0x74 && flag !== 0x66))
      throw new Error(`COPY row ${this.rowCount() + 1} does not start with a snapshot flag (t or f)`);
    return this.sides[flag === 0x74 ? 1 : 0]!;
  }

  /** Rows decoded so far, of both snapshots of a split stream. */
  private rowCount(): number {
    return this.sides.reduce((sum, side) => sum + side.length, 0);
  }

  /**
   * The decoded columns, trimmed to the row count (of one snapshot of a split stream: 0, the default, for the `f`
   * rows, 1 for the `t` rows).
   */
  finish(side: 0 | 1 = 0): Column[] {
    if (this.pending !== null && this.pending.length > 0) {
      throw new Error(`COPY stream ended inside a row (${this.pending.length} bytes without a newline)`);
    }
    return this.sides[side]!.builders.map((builder) => builder.finish());
  }

  private decodeCell(
    builder: ColumnBuilder,
    kind: PgColumnKind,
    buf: Buffer,
    start: number,
    end: number,
  ): void {
    if (end - start === 2 && buf[start] === BACKSLASH && buf[start + 1] === 0x4e) {
      builder.pushMissing(); // \N
      return;
    }
    switch (kind) {
      case 'int':
      case 'float':
        builder.pushNumber(parseNumber(buf, start, end), kind === 'int');
        return;
      case 'bool':
        builder.pushBool(buf[start] === 0x74); // 't' / 'f'
        return;
      case 'date':
        builder.pushNumber(parseDate(buf, start, end), false);
        return;
      case 'timestamp':
        builder.pushNumber(parseTimestamp(buf.toString('latin1', start, end)), false);
        return;
      case 'string':
        builder.pushString(decodeText(buf, start, end));
        return;
    }
  }
}

/**
 * Parses a number cell: plain decimals through the exact byte parser shared with the CSV reader; anything else
 * (exponents, NaN, Infinity, long mantissas) through `Number()` on the text, which gives the same value.
 */
function parseNumber(buf: Buffer, start: number, end: number): number {
  const value = parseDecimal(buf, start, end);
  return Number.isNaN(value) ? Number(buf.toString('latin1', start, end)) : value;
}

/** `YYYY-MM-DD` (DateStyle ISO) → milliseconds since the epoch, UTC midnight; ±infinity → ±Infinity. */
function parseDate(buf: Buffer, start: number, end: number): number {
  if (end - start === 10 && buf[start + 4] === 0x2d && buf[start + 7] === 0x2d) {
    const year = digitsAt(buf, start, 4);
    const month = digitsAt(buf, start + 5, 2);
    const day = digitsAt(buf, start + 8, 2);
    return daysFromCivil(year, month, day) * MS_PER_DAY;
  }
  return parseTimestamp(buf.toString('latin1', start, end));
}

const TIMESTAMP_PATTERN =
  /^(\d{4,})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;

/** ISO date or timestamp text (as Postgres prints it with DateStyle ISO, TimeZone UTC) → epoch milliseconds. */
export function parseTimestamp(text: string): number {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  const m = TIMESTAMP_PATTERN.exec(text);
  if (!m) throw new Error(`unexpected date/time text from PostgreSQL: '${text}'`);
  let year = Number(m[1]);
  if (m[12]) year = 1 - year; // 1 BC is year 0 in proleptic ISO
  const days = daysFromCivil(year, Number(m[2]), Number(m[3]));
  const fractionMs = m[7] ? Number(m[7].padEnd(6, '0')) / 1000 : 0;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  let offsetSeconds = 0;
  if (m[8]) {
    offsetSeconds = Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
    if (m[8] === '-') offsetSeconds = -offsetSeconds;
  }
  return days * MS_PER_DAY + (seconds - offsetSeconds) * 1000 + fractionMs;
}

function digitsAt(buf: Buffer, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + (buf[i]! - 0x30);
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date object per cell). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Decodes a text cell, undoing COPY's backslash escapes; cells without a backslash decode directly. */
function decodeText(buf: Buffer, start: number, end: number): string {
  let escaped = false;
  for (let i = start; i < end; i++) {
    if (buf[i] === BACKSLASH) {
      escaped = true;
      break;
    }
  }
  if (!escaped) return buf.toString('utf8', start, end);
  const out = Buffer.allocUnsafe(end - start);
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c !== BACKSLASH || i + 1 >= end) {
      out[o++] = c;
      continue;
    }
    const next = buf[++i]!;
    switch (next) {
      case 0x62: // b
        out[o++] = 0x08;
        break;
      case 0x66: // f
        out[o++] = 0x0c;
        break;
      case 0x6e: // n
        out[o++] = 0x0a;
        break;
      case 0x72: // r
        out[o++] = 0x0d;
        break;
      case 0x74: // t
        out[o++] = 0x09;
        break;
      case 0x76: // v
        out[o++] = 0x0b;
        break;
      case 0x78: {
        // x: one or two hex digits
        let value = 0;
        let taken = 0;
        while (taken < 2 && i + 1 < end && isHex(buf[i + 1]!)) {
          value = value * 16 + hexValue(buf[++i]!);
          taken++;
        }
        out[o++] = taken === 0 ? 0x78 : value;
        break;
      }
      default:
        if (next >= 0x30 && next <= 0x37) {
          // one to three octal digits
          let value = next - 0x30;
          for (
            let taken = 1;
            taken < 3 && i + 1 < end && buf[i + 1]! >= 0x30 && buf[i + 1]! <= 0x37;
            taken++
          ) {
            value = value * 8 + (buf[++i]! - 0x30);
          }
          out[o++] = value & 0xff;
        } else {
          out[o++] = next; // \\ and any other escaped byte stand for themselves
        }
    }
  }
  return out.toString('utf8', 0, o);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}
