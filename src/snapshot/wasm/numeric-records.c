/*
 * The CSV reader's one-pass scan of records on one line whose fields are numbers, texts or empty, compiled to
 * WebAssembly (scripts/generate-wasm.mjs; the module is embedded in numeric-records.generated.ts).
 *
 * Why a compiled loop: on wide numeric tables (400 columns of six-decimal floats) the JavaScript scan was ~25 ns a
 * cell, half of a reading thread's time, and on 20 label columns ~53 ns a cell (~0.47 s a file here against ~1.1 s);
 * this loop is the same steps without V8's bounds checks, tagged integers and deoptimisation guards. It is not a
 * second parser: it takes the numbers that csv.ts's `scanNumericRecord` reads in its own loop (digits, at most one
 * point, an optional leading minus, an exponent; up to 15 significant bytes plus 8 more digits) and empty fields,
 * into the same integers as that function (step for step, but for a double written at full precision, whose bytes
 * it reads eight at a time: long_decimal), and writes the same staging cells. Texts are staged as that function
 * stages them too: an unquoted field that starts with a byte past the digits (a letter, `_`) runs to its end, a
 * quoted one to its closing quote, and the text is looked up in its column's table of known labels (label_token
 * below): a known label is staged as its code, any other text as text for the builders to classify, as the
 * JavaScript scan stages a text its column's cell cache has no code for; a field that starts like a number and is not
 * one (`6011-LWREN`) is a text too, as there. At the first record with any other field (a `+` sign, a longer number,
 * one whose rounding the exact paths cannot settle, an exponent that does not end the field, a quoted field that
 * spans lines or is followed by more bytes, a blank line, a field count other than the header's, a record cut by
 * the end of the bytes read) it stops, and the JavaScript scan takes that record as before.
 *
 * A short decimal's value is its digits as an integer (below 10^15, so exact in a double) divided by an exact power
 * of ten: one correctly rounded IEEE division. In a column the reader keeps as scaled integers (decimals[field]), its
 * integer at the column's decimals is staged too, in exact integer arithmetic (csv.ts hands a batch of those over in
 * one copy). Longer numbers and exponents take decimal.ts's exact paths, ported below operation for operation
 * (Clinger's fast path, then a double-double product with decimal.ts's table of powers of ten, which the reader
 * copies into the module's memory; a full-precision double goes to the product first, integer_value, which gives the
 * same double). WebAssembly's f64 arithmetic is IEEE 754 binary64 with round-to-nearest and no fused operations
 * (-ffp-contract=off besides), so the two scans agree bit for bit.
 *
 * No heap, no libc: every argument is a scalar or an address in the memory the reader gives the module. The module
 * also decodes compact columns to doubles, sorts columns and walks the ECDFs of compact pairs for the drift layer
 * (decode_scaled, sort_scaled, sort_doubles and pool_scaled, at the end).
 */
#include <stdint.h>
#include <wasm_simd128.h>

#define LF 0x0a
#define CR 0x0d
#define POINT 0x2e
#define MINUS 0x2d

/* Staging kinds and flags, as csv.ts and column-builder.ts name them. */
#define KIND_NUMBER 0
#define KIND_EMPTY 1
#define KIND_OTHER 2
#define KIND_ESCAPED 3
#define KIND_CODE 4
#define SAW_EMPTY 1
#define SAW_OTHER 2
#define SAW_FRACTION 4
#define SAW_UNSCALED 8
#define SAW_UNSTAGED 16
/* In a cell's `integer` byte, beside its whole-number flag: its double was not staged, only its scaled integer. */
#define UNSTAGED_VALUE 2
#define NO_DECIMALS 255
#define MISSING_DIGITS (-2147483647 - 1)
#define MAX_DIGITS 2147483647
#define UNKNOWN_PLACES 255
#define QUOTE 0x22

/*
 * A column's table of known labels: LABEL_SLOTS slots of open addressing, each a label of at most LABEL_BYTES bytes
 * (zero-padded) with the code its column's builder gave it. The reader inserts a label once the builder has given it
 * a code (insert_label), at most LABEL_SLOTS / 2 of them, so a look-up always ends at an empty slot (length 0: fresh
 * memory is an empty table). A longer label, or one past those, is not in the table and is staged as text.
 */
#define LABEL_SLOTS 256
#define LABEL_BYTES 40
typedef struct {
  int32_t length;
  int32_t token;
  uint8_t bytes[LABEL_BYTES];
} label_slot;

/* Eight bytes from p, little-endian, unaligned (the memory past a label is the reader's: reading past it is safe). */
static inline uint64_t load64(const uint8_t *p) {
  uint64_t word;
  __builtin_memcpy(&word, p, 8);
  return word;
}

/* The slot a label's look-up starts at: its length and first and last eight bytes, mixed by multiplication. */
static uint32_t label_slot_of(const uint8_t *bytes, int32_t length) {
  uint64_t head = load64(bytes);
  if (length < 8) head &= (1ull << (8 * length)) - 1;
  uint64_t h = (head ^ ((uint64_t)length << 56)) * 0x9e3779b97f4a7c15ull;
  if (length > 8) h ^= load64(bytes + length - 8) * 0xc2b2ae3d27d4eb4full;
  return (uint32_t)(h >> 56);
}

/* Whether a slot holds the label bytes[0, length) (length at most LABEL_BYTES): eight bytes at a time. */
static int32_t label_equals(const label_slot *slot, const uint8_t *bytes, int32_t length) {
  if (slot->length != length) return 0;
  int32_t k = 0;
  for (; k + 8 <= length; k += 8)
    if (load64(slot->bytes + k) != load64(bytes + k)) return 0;
  if (k == length) return 1;
  uint64_t mask = (1ull << (8 * (length - k))) - 1;
  return ((load64(slot->bytes + k) ^ load64(bytes + k)) & mask) == 0;
}

/* A table's size and the longest label it holds, for the reader that lays the tables out in the memory. */
__attribute__((export_name("label_table_bytes"))) int32_t label_table_bytes(void) {
  return LABEL_SLOTS * (int32_t)sizeof(label_slot);
}
__attribute__((export_name("label_bytes"))) int32_t label_bytes(void) { return LABEL_BYTES; }

/* The code of the label bytes[0, length) in the table at `table` (0: the column has none), or -1. */
static int32_t label_token(int32_t table, const uint8_t *bytes, int32_t length) {
  if (table == 0 || length > LABEL_BYTES) return -1;
  const label_slot *slots = (const label_slot *)(uintptr_t)table;
  for (uint32_t slot = label_slot_of(bytes, length);; slot = (slot + 1) & (LABEL_SLOTS - 1)) {
    const label_slot *s = &slots[slot];
    if (s->length == 0) return -1;
    if (label_equals(s, bytes, length)) return s->token;
  }
}

/*
 * Inserts the label bytes[0, length) with its code into the table at `table` (bytes readable 8 past the label).
 * Returns 1 when it is in the table (already or now), 0 when it is not taken (empty, too long, or the table holds
 * LABEL_SLOTS / 2 labels).
 */
__attribute__((export_name("insert_label"))) int32_t insert_label(int32_t table, const uint8_t *bytes, int32_t length,
                                                                  int32_t token) {
  if (length <= 0 || length > LABEL_BYTES) return 0;
  label_slot *slots = (label_slot *)(uintptr_t)table;
  int32_t used = 0;
  for (int32_t k = 0; k < LABEL_SLOTS; k++) used += slots[k].length != 0;
  for (uint32_t slot = label_slot_of(bytes, length);; slot = (slot + 1) & (LABEL_SLOTS - 1)) {
    label_slot *s = &slots[slot];
    if (label_equals(s, bytes, length)) return 1;
    if (s->length == 0) {
      if (used >= LABEL_SLOTS / 2) return 0;
      s->length = length;
      s->token = token;
      for (int32_t k = 0; k < LABEL_BYTES; k++) s->bytes[k] = k < length ? bytes[k] : 0;
      return 1;
    }
  }
}

/* 10^0 ... 10^22: every one an exact double. */
static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* 10^0 ... 10^9 as integers: the factors of a scaled integer below 2^31 (its digits are at least 1 unless it is 0). */
static const int64_t POW10_INT[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

/* The powers of ten of the double-double path, as decimal.ts has them: 10^e as hi + lo for e in [MIN, MAX]. */
#define MIN_POWER (-250)
#define MAX_POWER 280
#define POWERS (MAX_POWER - MIN_POWER + 1)

/*
 * The integer its column's builder stores at d decimals for a plain decimal of digits `mantissa` (below 10^15) and p
 * places, ±mantissa · 10^(d - p) unsigned, or -1 when it has none: more places than d, or past 2^31 - 1.
 */
static inline int64_t scaled_integer(int64_t mantissa, int32_t p, int32_t d) {
  if (p > d) return -1;
  int32_t up = d - p;
  int64_t m = mantissa == 0 ? 0 : up <= 9 && mantissa <= MAX_DIGITS ? mantissa * POW10_INT[up] : -1;
  return m <= MAX_DIGITS ? m : -1;
}

/* Whether a number's digits stop at its field's end: a delimiter, a line end, or the end of the file. */
static inline int32_t field_ends(int32_t stop, int32_t delimiter, int32_t eof) {
  return stop == delimiter || stop == LF || stop == CR || (stop == -1 && eof);
}

/* The position of the delimiter or line end that ends the text field at buf[from], else `end`. */
static inline int32_t text_end(const uint8_t *buf, int32_t from, int32_t end, int32_t delimiter) {
  int32_t j = from;
  while (j < end) {
    int32_t d = buf[j];
    if (d == delimiter || d == LF || d == CR) break;
    j++;
  }
  return j;
}

/*
 * Long decimals a word at a time. A double written at full precision (pandas' repr: 16-17 significant digits, as in
 * `547.6216469841374`) is 16-20 bytes whose integer part and length vary from cell to cell, so the byte loops above
 * end at a different step each time and the processor mispredicts where; reading the bytes eight at a time finds
 * the point and the field's end from masks instead. On 12 columns of such doubles (a million rows, 222 MB) the
 * compiled scan went from ~600 to ~705 MB/s with this and integer_value below, on 200 such columns from ~590 to ~720
 * (Node 24, 2 cores, AMD EPYC, 2026-12-06, 20 alternated scans of each file's first 8 MiB, the staged cells
 * identical); on six-decimal floats, which this path does not take, reading words was slower than the byte loops
 * (~520 against ~720 MB/s), whose branches the processor predicts there.
 */
#define ZEROS 0x3030303030303030ULL
static const int64_t POW10_WIDE[15] = {1,           10,           100,           1000,           10000,
                                       100000,      1000000,      10000000,      100000000,      1000000000,
                                       10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000};

/* 0x80 in each byte of the word (its bytes XOR '0') that is not a digit, 0 in the others. */
static inline uint64_t non_digits(uint64_t x) {
  return (((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7676767676767676ULL) | x) & 0x8080808080808080ULL;
}

/*
 * The integer of the first n (0 to 8) bytes of the word (digits XOR '0', the first in the lowest byte): the bytes are
 * shifted to the top, zeros below, and paired, then the pairs paired, then the fours, by multiplications.
 */
static inline uint64_t digits_of(uint64_t x, int32_t n) {
  if (n == 0) return 0;
  uint64_t v = x << (64 - 8 * n);
  v = v * 10 + (v >> 8);
  v = (((v & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
       (((v >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
      32;
  return v & 0xFFFFFFFFULL;
}

/*
 * A field of at most 7 digits, a point and more digits, 16 to 23 bytes in all, ending at the delimiter or a line end:
 * returns its length and gives what the byte loops below read of it (the integer of the digits in its first 15 bytes,
 * the point skipped, in `mantissa`; the integer of the rest, 1 to 8 digits, in `low`; the point's offset); any other
 * field returns 0 and is read by those loops. Reads 32 bytes from p, which the caller has.
 */
static inline int32_t long_decimal(const uint8_t *p, int32_t delimiter, int64_t *mantissa, int64_t *low,
                                   int32_t *point) {
  uint64_t w = load64(p) ^ ZEROS;
  uint64_t m = non_digits(w);
  if (m == 0) return 0;
  int32_t whole = __builtin_ctzll(m) >> 3;
  if (((w >> (8 * whole)) & 0xFF) != (POINT ^ 0x30)) return 0;
  const uint8_t *f = p + whole + 1;
  uint64_t a = load64(f) ^ ZEROS;
  uint64_t b = load64(f + 8) ^ ZEROS;
  uint64_t c = load64(f + 16) ^ ZEROS;
  uint64_t ma = non_digits(a), mb = non_digits(b), mc = non_digits(c);
  if ((ma | mb | mc) == 0) return 0;
  int32_t fraction = ma   ? __builtin_ctzll(ma) >> 3
                     : mb ? 8 + (__builtin_ctzll(mb) >> 3)
                          : 16 + (__builtin_ctzll(mc) >> 3);
  int32_t length = whole + 1 + fraction;
  if (length < 16 || length > 23) return 0;
  int32_t stop = f[fraction];
  if (!(stop == delimiter || stop == LF || stop == CR)) return 0;
  /* The fraction's digits within the first 15 bytes: 14 - whole of them (7 to 14), the rest after. */
  int32_t head = 14 - whole;
  uint64_t fraction_head =
      head > 8 ? digits_of(a, 8) * (uint64_t)POW10_WIDE[head - 8] + digits_of(b, head - 8) : digits_of(a, head);
  *mantissa = (int64_t)(digits_of(w, whole) * (uint64_t)POW10_WIDE[head] + fraction_head);
  *low = (int64_t)digits_of(load64(f + head) ^ ZEROS, fraction - head);
  *point = whole;
  return length;
}

/*
 * Reads the digits at buf[k] up to `limit` into *mantissa (times ten plus each) and returns the position of the
 * first byte that is not a digit, or `limit`: the loop `for (; k < limit && digit; k++) m = m * 10 + digit`, two
 * digits a step. Each step of that loop waits for the one before (a multiplication and an addition, ~4 cycles a
 * digit); two digits taken as one number below 100 (`d0 * 10 + d1`, off that chain) halve the chain: the 15 bytes a
 * number's first read takes in 8 steps. Measured on Node 24 (2 cores, AMD EPYC), the CPU time of reading one file on
 * one thread: 12 columns of 17-digit doubles 546–548 → 516–522 ms, 400 of six-decimal floats 981–1,004 → 937–943 ms,
 * StreamFlow's unchanged.
 */
static inline int32_t read_digits(const uint8_t *buf, int32_t k, int32_t limit, int64_t *mantissa) {
  int64_t m = *mantissa;
  for (; k + 1 < limit; k += 2) {
    uint32_t d0 = (uint32_t)buf[k] - 0x30;
    uint32_t d1 = (uint32_t)buf[k + 1] - 0x30;
    if (d0 > 9) break;
    if (d1 > 9) {
      m = m * 10 + d0;
      k++;
      break;
    }
    m = m * 100 + (d0 * 10 + d1);
  }
  if (k + 1 >= limit && k < limit) {
    uint32_t d = (uint32_t)buf[k] - 0x30;
    if (d <= 9) {
      m = m * 10 + d;
      k++;
    }
  }
  *mantissa = m;
  return k;
}

/* The rounding error of p = a * b: a·b − p exactly (Dekker's product; no fused multiply-add is ever emitted). */
static double product_error(double a, double b, double p) {
  const double splitter = 134217729.0; /* 2^27 + 1 */
  double c = splitter * a;
  double a_hi = c - (c - a);
  double a_lo = a - a_hi;
  c = splitter * b;
  double b_hi = c - (c - b);
  double b_lo = b - b_hi;
  return a_hi * b_hi - p + a_hi * b_lo + a_lo * b_hi + a_lo * b_lo;
}

/*
 * decimal.ts's scaleExactly: the correctly rounded double of (w_hi + w_lo) · 10^power in double-double arithmetic,
 * or NaN when the estimate is within 2^-96 of its value from a halfway point (or the power is out of the table).
 */
static double scale_exactly(double w_hi, double w_lo, int32_t power, const double *powers) {
  if (power < MIN_POWER || power > MAX_POWER) return __builtin_nan("");
  double p_hi = powers[power - MIN_POWER];
  double p_lo = powers[POWERS + power - MIN_POWER];
  double h = w_hi * p_hi;
  double s = product_error(w_hi, p_hi, h) + (w_hi * p_lo + w_lo * p_hi);
  double x = h + s;
  double r = s - (x - h);
  double margin = x * 0x1p-96;
  return x + (r + margin) == x && x + (r - margin) == x ? x : __builtin_nan("");
}

/*
 * decimal.ts's decimalValue: the correctly rounded double of (high · 10^low_digits + low) · 10^power (high below
 * 2^53, low_digits at most 8, the whole below 10^20), or NaN where it gives NaN.
 */
static double decimal_value(double high, double low, int32_t low_digits, int32_t power, const double *powers) {
  double scale = POW10[low_digits];
  double whole = high * scale + low;
  if (whole < 9007199254740992.0) { /* 2^53 */
    if (power == 0 || whole == 0) return whole;
    if (power < 0 && power >= -22) return whole / POW10[-power];
    if (power > 0 && power <= 22) return whole * POW10[power];
    return scale_exactly(whole, 0, power, powers);
  }
  double p = high * scale;
  double q = product_error(high, scale, p) + low;
  double w_hi = p + q;
  return scale_exactly(w_hi, q - (w_hi - p), power, powers);
}

/*
 * decimal_value of the integer `whole` (below 2^62) times 10^power. Its nearest double and the exact rest (the integer
 * whole minus that double's integer) are the double-double decimal_value makes from its parts by a product and that
 * product's error, and scale_exactly gives the correctly rounded double of any such pair or NaN, so the double is
 * decimal_value's. Below 2^53 decimal_value's fast paths (one exact operation) give that same correctly rounded
 * double where they apply, so they are asked only where scale_exactly gives NaN: here whether a value is below 2^53
 * varies from cell to cell (16 or 17 digits), and deciding each by a branch cost more than it saved (~10 % of the
 * scan of full-precision doubles). Not inlined: in the scan's loop it made the scan of short decimals, which never
 * call it, ~4 % slower (~1.5 % as a call).
 */
__attribute__((noinline)) static double integer_value(int64_t whole, int32_t power, const double *powers) {
  double nearest = (double)whole;
  double value = scale_exactly(nearest, (double)(whole - (int64_t)nearest), power, powers);
  if (__builtin_expect(value != value, 0) && whole < 9007199254740992LL) { /* 2^53 */
    if (power == 0 || whole == 0) return nearest;
    if (power < 0 && power >= -22) return nearest / POW10[-power];
    if (power > 0 && power <= 22) return nearest * POW10[power];
  }
  return value;
}

/* 2^62 / 10^d, so that a high below WHOLE_LIMIT[d] makes an integer high · 10^d + low (low < 10^d) below 2^62. */
static const int64_t WHOLE_LIMIT[9] = {4611686018427387904, 461168601842738790, 46116860184273879,
                                       4611686018427387,    461168601842738,    46116860184273,
                                       4611686018427,       461168601842,       46116860184};

/*
 * decimal_value's double of (high · 10^low_digits + low) · 10^power, by integer_value while that integer fits. Only
 * long_decimal's fields take it: called from the byte loops' path too, it made the scan's code larger and every
 * field slower (~3 %).
 */
static double long_value(int64_t high, int64_t low, int32_t low_digits, int32_t power, const double *powers) {
  if (high < WHOLE_LIMIT[low_digits])
    return integer_value(high * POW10_WIDE[low_digits] + low, power, powers);
  return decimal_value((double)high, (double)low, low_digits, power, powers);
}

/*
 * Scans records from buf[pos] while each is whole and simple, at most max_records of them, into staging rows row,
 * row + 1, ... (cell (r, field) at index field * batch + r of each array). record_ends[k] is the position after the
 * k-th record's line end; `powers` holds decimal.ts's powers of ten, the his of MIN_POWER..MAX_POWER then the los;
 * tables[field] is the address of the field's table of known labels, 0 for none. decimals[field] is the decimals of
 * the field's column when it stores scaled integers (NO_DECIMALS when not): a number of it is then staged in
 * `scaled` as the integer its builder would store (MISSING_DIGITS for an empty cell), and one without such an
 * integer marks the field SAW_UNSCALED, a number that is not a whole one SAW_FRACTION, and one staged as its integer
 * alone (its double not written) SAW_UNSTAGED.
 * Returns the number of records scanned; the record at the position after the last one (or at pos) is left to the
 * JavaScript scan.
 */
__attribute__((export_name("scan_numeric_records"))) int32_t
scan_numeric_records(const uint8_t *buf, int32_t pos, int32_t end, int32_t eof, int32_t delimiter, int32_t columns,
                     int32_t batch, int32_t row, int32_t max_records, uint8_t *kinds, double *values,
                     uint8_t *integer, uint8_t *places, int32_t *starts, int32_t *ends, int32_t *tokens,
                     uint8_t *others, int32_t *record_ends, const double *powers, const int32_t *tables,
                     const uint8_t *decimals, int32_t *scaled) {
  int32_t records = 0;
  while (records < max_records) {
    int32_t i = pos;
    if (i >= end || buf[i] == LF || buf[i] == CR) return records; /* the end, or a blank line */
    int32_t at = row + records;
    int32_t field = 0;
    for (;;) {
      if (field == columns) return records; /* more fields than the header: the JavaScript scan reports it */
      int32_t j;
      int32_t c = i < end ? buf[i] : -1;
      if (c == delimiter || c == LF || c == CR || c == -1) {
        if (c == -1 && !eof) return records;
        kinds[at] = KIND_EMPTY;
        tokens[at] = -1;
        scaled[at] = MISSING_DIGITS;
        others[field] |= SAW_EMPTY;
        starts[at] = i;
        ends[at] = i;
        j = i;
      } else if (c == QUOTE) {
        /*
         * A quoted field, up to its closing quote (`""` stands for one quote): staged as the text inside its quotes,
         * looked up when it has no doubled quote; `""` is an empty field.
         */
        int32_t q = i + 1;
        int32_t escaped = 0;
        for (;;) {
          if (q >= end) return records;
          int32_t b = buf[q];
          if (b == QUOTE) {
            if (q + 1 >= end && !eof) return records;
            if (q + 1 < end && buf[q + 1] == QUOTE) {
              escaped = 1;
              q += 2;
              continue;
            }
            break;
          }
          if (b == LF || b == CR) return records;
          q++;
        }
        j = q + 1;
        int32_t after = j < end ? buf[j] : -1;
        if (!(after == delimiter || after == LF || after == CR || after == -1)) return records;
        if (q == i + 1) {
          kinds[at] = KIND_EMPTY;
          tokens[at] = -1;
          scaled[at] = MISSING_DIGITS;
          others[field] |= SAW_EMPTY;
        } else {
          int32_t token = escaped ? -1 : label_token(tables[field], buf + i + 1, q - i - 1);
          kinds[at] = token >= 0 ? KIND_CODE : escaped ? KIND_ESCAPED : KIND_OTHER;
          tokens[at] = token;
          others[field] |= SAW_OTHER;
        }
        starts[at] = i + 1;
        ends[at] = q;
      } else if (c > 0x39) {
        /* A text (a label, `inf`, `nan`: the builders classify them) to its end, and its code if its column has one. */
        j = text_end(buf, i + 1, end, delimiter);
        int32_t token = label_token(tables[field], buf + i, j - i);
        kinds[at] = token >= 0 ? KIND_CODE : KIND_OTHER;
        tokens[at] = token;
        others[field] |= SAW_OTHER;
        starts[at] = i;
        ends[at] = j;
      } else {
        int32_t negative = c == MINUS;
        int32_t digits_start = negative ? i + 1 : i;
        int32_t k = digits_start;
        int64_t mantissa = 0;
        int32_t point = -1;
        int32_t limit = digits_start + 15 < end ? digits_start + 15 : end;
        /* Digits gathered past the first 15 bytes (in `low`, not in `mantissa`), and how many. */
        int64_t low = 0;
        int32_t low_digits = 0;
        int32_t split = 0;
        int32_t digits;
        int32_t stop;
        /* The cell's end: past its exponent, if it has one. */
        int32_t e;
        double value;
        int32_t length;
        /*
         * A column not kept as scaled integers may hold doubles at full precision: their fields are read a word at
         * a time where 32 bytes are left (long_decimal), with the variables the byte loops below would have set.
         */
        if (decimals[field] == NO_DECIMALS && digits_start + 32 <= end &&
            (length = long_decimal(buf + digits_start, delimiter, &mantissa, &low, &point)) != 0) {
          point += digits_start;
          k = digits_start + length;
          low_digits = length - 15;
          digits = length - 1;
          split = 1;
          stop = buf[k];
          e = k;
          if (!((double)mantissa * POW10[low_digits] < 1e20)) goto not_a_number;
          value = long_value(mantissa, low, low_digits, point + 1 - k, powers);
          if (value != value) goto not_a_number;
          goto stage_number;
        }
        k = read_digits(buf, k, limit, &mantissa);
        if (k < limit && buf[k] == POINT) {
          point = k++;
          k = read_digits(buf, k, limit, &mantissa);
        }
        digits = k - digits_start - (point < 0 ? 0 : 1);
        stop = k < end ? buf[k] : -1;
        e = k;
        if (digits > 0 && field_ends(stop, delimiter, eof)) {
          /*
           * A plain decimal of p places in a field with decimals d >= p whose integer ±digits · 10^(d - p) fits (not
           * a -0, which has none): staged as that integer alone, with the cell's flags, places and bounds, and its
           * `integer` byte marked UNSTAGED_VALUE. A batch the reader hands over as scaled integers never reads the
           * double; when it goes any other way, the reader makes it from the integer (csv.ts's stageValues: the
           * integer over 10^d is the correctly rounded double of the same rational as the digits over 10^p, so the
           * same double). A wide table's numbers are nearly all such cells: on 400 columns of six-decimal floats ×
           * 100,000 rows, two files, user time 3.45 → 3.26 s and wall 2.03 → 1.93 s by medians of 5 alternated runs
           * (Node 24, 2 cores, AMD EPYC, 2026-12-06).
           */
          int32_t d = decimals[field];
          int32_t p = point < 0 ? 0 : k - point - 1;
          if (d != NO_DECIMALS && !(mantissa == 0 && negative)) {
            int64_t m = scaled_integer(mantissa, p, d);
            if (m >= 0) {
              others[field] |= (point < 0 ? 0 : SAW_FRACTION) | SAW_UNSTAGED;
              scaled[at] = (int32_t)(negative ? -m : m);
              kinds[at] = KIND_NUMBER;
              integer[at] = (uint8_t)(UNSTAGED_VALUE | (point < 0));
              places[at] = (uint8_t)p;
              starts[at] = i;
              ends[at] = k;
              j = k;
              goto next_field;
            }
          }
          value = point < 0 ? (double)mantissa : (double)mantissa / POW10[k - point - 1];
        } else {
          /*
           * A longer number (17 significant digits, as pandas writes a double) or one with an exponent: the digits
           * after the first 15 bytes are gathered in `low` (a point among them is noted), then the exponent, as the
           * JavaScript scan reads them, and the value is decimal_value's, NaN (left to the JavaScript scan) where
           * that is NaN. A number of more than 8 digits past the first 15 is left to it too.
           */
          if (k == limit) {
            for (; k < end; k++) {
              uint32_t d = (uint32_t)buf[k] - 0x30;
              if (d <= 9) {
                if (low_digits < 9) low = low * 10 + d;
                low_digits++;
              } else if (buf[k] == POINT && point < 0)
                point = k;
              else
                break;
            }
            stop = k < end ? buf[k] : -1;
          }
          digits += low_digits;
          split = low_digits > 0;
          if (digits <= 0 || low_digits > 8 || !((double)mantissa * POW10[low_digits] < 1e20)) goto not_a_number;
          int32_t power = point < 0 ? 0 : point + 1 - k;
          e = k;
          if (stop == 'e' || stop == 'E') {
            e++;
            int32_t sign = e < end ? buf[e] : -1;
            if (sign == MINUS || sign == '+') e++;
            int32_t exponent_start = e;
            int32_t exponent = 0;
            for (; e < end; e++) {
              uint32_t d = (uint32_t)buf[e] - 0x30;
              if (d > 9) break;
              if (exponent < 100000) exponent = exponent * 10 + (int32_t)d;
            }
            power += sign == MINUS ? -exponent : exponent;
            stop = e == exponent_start ? 0 : e < end ? buf[e] : -1;
          }
          if (!field_ends(stop, delimiter, eof)) goto not_a_number;
          value = decimal_value((double)mantissa, (double)low, low_digits, power, powers);
          if (value != value) goto not_a_number;
        }
      stage_number:;
        /*
         * A plain decimal of at most 15 digits has its places noted, but a -0, which has no scaled integer of its
         * own: its places stay unknown, as the JavaScript scan leaves them.
         */
        int32_t plain = e == k && digits <= 15;
        int32_t whole = point < 0 && e == k;
        int32_t cell_places = plain && !(value == 0 && negative) ? (point < 0 ? 0 : k - point - 1) : UNKNOWN_PLACES;
        kinds[at] = KIND_NUMBER;
        values[at] = value * (negative ? -1.0 : 1.0);
        integer[at] = whole ? 1 : 0;
        places[at] = (uint8_t)cell_places;
        /*
         * The scaled integer of a cell of p <= d places (d its column's decimals) is ±digits · 10^(d - p), exactly
         * what the builder's rounding of value · 10^d gives such a cell (see pushScaledNumbers in
         * column-builder.ts), when it is below 2^31 in magnitude; any other cell leaves the field to the builder.
         */
        int32_t d = decimals[field];
        if (d != NO_DECIMALS) {
          if (!whole) others[field] |= SAW_FRACTION;
          int64_t m = split ? -1 : scaled_integer(mantissa, cell_places, d);
          if (m >= 0) scaled[at] = (int32_t)(negative ? -m : m);
          else others[field] |= SAW_UNSCALED;
        }
        starts[at] = i;
        ends[at] = e;
        j = e;
        if (0) {
          /* Reached only by the jumps above, once the field turned out not to be a number. */
        not_a_number:;
          /*
           * Not a number these paths read. As in the JavaScript scan: one that `readNumber` may still read (a `+`
           * sign, more digits, an exponent after a digit, the end of the bytes read) is left to it; anything else
           * (an id such as `6011-LWREN`, a `-`, a `#`) is a text from its first byte to the field's end, staged
           * without a look-up.
           */
          int32_t after = k < end ? buf[k] : -1;
          if (c == '+' || digits > 15 || (digits > 0 && (after == 'e' || after == 'E')) || after == -1) return records;
          j = text_end(buf, k, end, delimiter);
          kinds[at] = KIND_OTHER;
          others[field] |= SAW_OTHER;
          starts[at] = i;
          ends[at] = j;
        }
      }
    next_field:
      field++;
      at += batch;
      if (j >= end) {
        /* The last record of a file without a final newline (a cut record returned above unless eof). */
        if (!eof || field != columns) return records;
        record_ends[records++] = j;
        return records;
      }
      int32_t stop = buf[j];
      if (stop == delimiter) {
        i = j + 1;
        continue;
      }
      if (stop == CR) {
        if (j + 1 >= end && !eof) return records;
        if (j + 1 < end && buf[j + 1] == LF) j++;
      }
      if (field != columns) return records; /* fewer fields than the header: reported by the JavaScript scan */
      record_ends[records++] = j + 1;
      pos = j + 1;
      break;
    }
  }
  return records;
}

/*
 * Decodes a compact column's scaled integers: out[i] = digits[i] / scale, NaN for MISSING_DIGITS, as table.ts's
 * decodeScaled does, and writes the least and greatest present integer to range[0] and range[1] (2^31 − 1 and
 * −(2^31 − 1) when none is present); returns how many are missing. Two quotients a vector operation (f64x2.div,
 * correctly rounded as the scalar division is, so the doubles are the same bits): the divisions bound the scalar
 * loop, and this is the one function of the module built with vector instructions (the scan measured slower with
 * them).
 */
__attribute__((export_name("decode_scaled"), target("simd128"))) int32_t
decode_scaled(const int32_t *digits, int32_t n, double scale, double *out, int32_t *range) {
  const v128_t missing_digits = wasm_i32x4_splat(MISSING_DIGITS);
  const v128_t greatest = wasm_i32x4_splat(MAX_DIGITS);
  const v128_t least = wasm_i32x4_splat(-MAX_DIGITS);
  const v128_t scales = wasm_f64x2_splat(scale);
  const v128_t nans = wasm_f64x2_splat(__builtin_nan(""));
  v128_t mins = greatest;
  v128_t maxs = least;
  v128_t counts = wasm_i32x4_splat(0);
  int32_t i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t m = wasm_v128_load(digits + i);
    v128_t gap = wasm_i32x4_eq(m, missing_digits);
    counts = wasm_i32x4_sub(counts, gap); /* a lane that is missing is all ones: -1 */
    mins = wasm_i32x4_min(mins, wasm_v128_bitselect(greatest, m, gap));
    maxs = wasm_i32x4_max(maxs, wasm_v128_bitselect(least, m, gap));
    v128_t low = wasm_f64x2_div(wasm_f64x2_convert_low_i32x4(m), scales);
    v128_t high = wasm_f64x2_div(wasm_f64x2_convert_low_i32x4(wasm_i32x4_shuffle(m, m, 2, 3, 0, 1)), scales);
    wasm_v128_store(out + i, wasm_v128_bitselect(nans, low, wasm_i64x2_extend_low_i32x4(gap)));
    wasm_v128_store(out + i + 2, wasm_v128_bitselect(nans, high, wasm_i64x2_extend_high_i32x4(gap)));
  }
  int32_t lanes[4];
  int32_t min = MAX_DIGITS;
  int32_t max = -MAX_DIGITS;
  int32_t missing = 0;
  wasm_v128_store(lanes, mins);
  for (int32_t k = 0; k < 4; k++) min = lanes[k] < min ? lanes[k] : min;
  wasm_v128_store(lanes, maxs);
  for (int32_t k = 0; k < 4; k++) max = lanes[k] > max ? lanes[k] : max;
  wasm_v128_store(lanes, counts);
  for (int32_t k = 0; k < 4; k++) missing += lanes[k];
  for (; i < n; i++) {
    int32_t m = digits[i];
    if (m == MISSING_DIGITS) {
      out[i] = __builtin_nan("");
      missing++;
    } else {
      out[i] = (double)m / scale;
      if (m < min) min = m;
      if (m > max) max = m;
    }
  }
  range[0] = min;
  range[1] = max;
  return missing;
}

/*
 * The drift layer's sort of a compact column (decimal-sort.ts's sortScaled, step for step): the doubles
 * scaled[i] / scale of the n integers in ascending order, by a radix sort of their offsets from `min` (unsigned, below
 * 2^32): one counting pass for offsets of up to 11 bits, two passes of digits of ceil(bits / 2) bits up to 24
 * bits, three of ceil(bits / 3) beyond; the last pass writes the doubles, each the same correctly rounded division
 * as there, so the same array. The same loops compiled here, without the bounds check V8 puts on each typed-array
 * access, took a 100,000-cell column from ~0.9 to ~0.55 ms (Node 24, the copies in and out included).
 * `keys` and `next` hold n offsets each (`keys` is used by three passes only).
 */
#define SORT_DIGITS_MAX 4096
static uint32_t sort_counts[3 * SORT_DIGITS_MAX];

/* Turns the counts of `digits` digits into the first position of each; returns the largest count. */
static uint32_t sort_starts(uint32_t *counts, int32_t digits) {
  uint32_t total = 0;
  uint32_t largest = 0;
  for (int32_t d = 0; d < digits; d++) {
    uint32_t count = counts[d];
    largest = count > largest ? count : largest;
    counts[d] = total;
    total += count;
  }
  return largest;
}

/* no_builtin: the loops that clear the counts stay loops (this module has no memset to call). */
__attribute__((export_name("sort_scaled"), no_builtin("memset"))) void
sort_scaled(const int32_t *scaled, int32_t n, int32_t min, int32_t max, double scale, uint32_t *keys, uint32_t *next,
            double *sorted) {
  uint32_t range = (uint32_t)max - (uint32_t)min;
  if (range == 0) {
    for (int32_t i = 0; i < n; i++) sorted[i] = (double)min / scale;
    return;
  }
  int32_t bits = 32 - __builtin_clz(range);
  uint32_t *counts = sort_counts;
  if (bits <= 11) {
    int32_t digits = 1 << bits;
    for (int32_t d = 0; d < digits; d++) counts[d] = 0;
    for (int32_t i = 0; i < n; i++) counts[(uint32_t)scaled[i] - (uint32_t)min]++;
    sort_starts(counts, digits);
    for (int32_t i = 0; i < n; i++) {
      int32_t m = scaled[i];
      sorted[counts[(uint32_t)m - (uint32_t)min]++] = (double)m / scale;
    }
    return;
  }
  int32_t passes = bits <= 24 ? 2 : 3;
  int32_t digit_bits = (bits + passes - 1) / passes;
  int32_t digits = 1 << digit_bits;
  uint32_t mask = (uint32_t)digits - 1;
  for (int32_t d = 0; d < passes * digits; d++) counts[d] = 0;
  for (int32_t i = 0; i < n; i++) {
    uint32_t key = (uint32_t)scaled[i] - (uint32_t)min;
    counts[key & mask]++;
    counts[digits + ((key >> digit_bits) & mask)]++;
    if (passes == 3) counts[2 * digits + (key >> (2 * digit_bits))]++;
  }
  for (int32_t p = 0; p < passes; p++) sort_starts(counts + p * digits, digits);
  uint32_t *first = passes == 2 ? next : keys;
  for (int32_t i = 0; i < n; i++) {
    uint32_t key = (uint32_t)scaled[i] - (uint32_t)min;
    first[counts[key & mask]++] = key;
  }
  if (passes == 3) {
    uint32_t *middle = counts + digits;
    for (int32_t i = 0; i < n; i++) {
      uint32_t key = keys[i];
      next[middle[(key >> digit_bits) & mask]++] = key;
    }
  }
  uint32_t *top = counts + (passes - 1) * digits;
  int32_t shift = (passes - 1) * digit_bits;
  for (int32_t i = 0; i < n; i++) {
    uint32_t key = next[i];
    sorted[top[key >> shift]++] = (double)(int32_t)(key + (uint32_t)min) / scale;
  }
}

/*
 * The drift layer's sort of doubles (sort.ts's radixSortedCopy gives the same array): a radix sort of their 64-bit
 * keys, the sign bit flipped for a double without its sign and every bit for one with it, so that the keys order as
 * the doubles do, -0 before 0 (as Float64Array.prototype.sort puts them; no NaN comes here). Keys are a total order
 * and equal keys are equal doubles, bit for bit, so both ways below give the one sorted array. `a` holds the n
 * doubles, `tmp` room for n more; returns 0 when the sorted doubles are in `a`, 1 when in `tmp`; sort.ts uses it for
 * 4,096 to 2^21 values.
 *
 * Below MSD_MIN keys (the keys and their copy then fit in a core's 1 MiB L2 cache) least significant digit first:
 * six digits of 11 bits (the last of 9), all counted in one pass; a digit every key shares is skipped (the sign and
 * exponent of a column within one binade). Measured on Node 24 against the bucket sort there: 100,000 doubles ~2.6 →
 * ~1.5 ms (copies in and out included).
 *
 * From MSD_MIN keys, most significant digit first (msd_* below): each of those six passes would read and write the
 * whole array out of cache. Instead one pass deals the keys into 2,048 buckets by the 11 bits below the top of their
 * range (the least key to the greatest), and each bucket (~500 keys of a million, in cache) is dealt again by as
 * many bits as its length needs, until a bucket holds at most MSD_SMALL keys or equal ones; one insertion pass, which
 * moves keys only within those small buckets, then orders them as it turns them back into doubles. A million doubles
 * of columns at full precision (normal, log-normal, uniform; WebAssembly on Node 24, 2 cores, AMD EPYC, medians of
 * 7): 15.6–24.7 → 10.6–16.3 ms; 100,000: 0.7–1.1 → 1.0–1.3 ms, hence the threshold. Keys clustered in a few narrow
 * ranges (values of 50 binades, each within 1e-12 of a power of two) take more levels: 12.5 → 17.3 ms.
 */
#define KEY_DIGIT_BITS 11
#define KEY_DIGITS (1 << KEY_DIGIT_BITS)
#define KEY_PASSES 6
static uint32_t key_counts[KEY_PASSES][KEY_DIGITS];

#define MSD_MIN (1 << 18)
#define MSD_SMALL 16
#define MSD_BITS_MAX 11
#define MSD_BITS_MIN 4
/*
 * A level deals by at least MSD_BITS_MIN bits, or by all the bits left of its range (its buckets then hold equal
 * keys): the range of a bucket is shorter by the digits dealt, so 64-bit keys need at most 16 levels past the first.
 */
#define MSD_DEPTH 17
static uint32_t msd_counts[MSD_DEPTH][1 << MSD_BITS_MAX];

static inline uint64_t double_key(uint64_t bits) {
  return bits ^ ((uint64_t)((int64_t)bits >> 63) | 0x8000000000000000ull);
}
static inline uint64_t key_double(uint64_t key) { return key ^ (((key >> 63) - 1) | 0x8000000000000000ull); }

/*
 * Deals `x[0, n)`, keys from `lo` to `hi` (lo < hi), into `to` by the digit of up to MSD_BITS_MAX bits below the top
 * of the range (more bits for more keys); returns the end of each bucket in `to`, with their number in `digits`.
 */
__attribute__((no_builtin("memset"))) static const uint32_t *msd_deal(const uint64_t *x, uint64_t *to, int32_t n,
                                                                     uint64_t lo, uint64_t hi, int32_t depth,
                                                                     int32_t *digits) {
  int32_t range_bits = 64 - __builtin_clzll(hi - lo);
  int32_t want = 32 - __builtin_clz((uint32_t)n);
  want = want > MSD_BITS_MAX ? MSD_BITS_MAX : want < MSD_BITS_MIN ? MSD_BITS_MIN : want;
  int32_t bits = range_bits < want ? range_bits : want;
  int32_t shift = range_bits - bits;
  *digits = 1 << bits;
  uint32_t *counts = msd_counts[depth];
  for (int32_t d = 0; d < *digits; d++) counts[d] = 0;
  for (int32_t i = 0; i < n; i++) counts[(x[i] - lo) >> shift]++;
  sort_starts(counts, *digits);
  for (int32_t i = 0; i < n; i++) {
    uint64_t key = x[i];
    to[counts[(key - lo) >> shift]++] = key;
  }
  return counts;
}

static void msd_buckets(uint64_t *x, uint64_t *scratch, const uint32_t *ends, int32_t digits, int32_t depth);

/* Leaves `x[0, n)` in buckets of at most MSD_SMALL keys (or of equal ones) in order; `scratch` holds n keys. */
__attribute__((no_builtin("memcpy"))) static void msd_partition(uint64_t *x, uint64_t *scratch, int32_t n,
                                                               int32_t depth) {
  uint64_t lo = x[0], hi = x[0];
  for (int32_t i = 1; i < n; i++) {
    uint64_t key = x[i];
    lo = key < lo ? key : lo;
    hi = key > hi ? key : hi;
  }
  if (lo == hi) return;
  int32_t digits;
  const uint32_t *ends = msd_deal(x, scratch, n, lo, hi, depth, &digits);
  for (int32_t i = 0; i < n; i++) x[i] = scratch[i];
  msd_buckets(x, scratch, ends, digits, depth + 1);
}

static void msd_buckets(uint64_t *x, uint64_t *scratch, const uint32_t *ends, int32_t digits, int32_t depth) {
  uint32_t start = 0;
  for (int32_t d = 0; d < digits; d++) {
    uint32_t end = ends[d];
    if (end - start > MSD_SMALL) msd_partition(x + start, scratch + start, (int32_t)(end - start), depth);
    start = end;
  }
}

/* The keys of a[0, n) (n > 0) dealt most significant digit first, then sorted by insertion as doubles again. */
static int32_t sort_doubles_msd(uint64_t *a, uint64_t *tmp, int32_t n) {
  uint64_t lo = ~0ull, hi = 0;
  for (int32_t i = 0; i < n; i++) {
    uint64_t key = double_key(a[i]);
    a[i] = key;
    lo = key < lo ? key : lo;
    hi = key > hi ? key : hi;
  }
  uint64_t *out = a;
  if (lo != hi) {
    /* The first deal goes to `tmp` and the buckets are finished there (with `a` as scratch): no copy back. */
    int32_t digits;
    const uint32_t *ends = msd_deal(a, tmp, n, lo, hi, 0, &digits);
    msd_buckets(tmp, a, ends, digits, 1);
    out = tmp;
  }
  /* out[0, i) holds doubles again, out[i, n) keys: each key moves back past greater ones, within its small bucket. */
  out[0] = key_double(out[0]);
  for (int32_t i = 1; i < n; i++) {
    uint64_t key = out[i];
    int32_t j = i - 1;
    while (j >= 0 && double_key(out[j]) > key) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = key_double(key);
  }
  return out == a ? 0 : 1;
}

__attribute__((export_name("sort_doubles"), no_builtin("memset"))) int32_t sort_doubles(uint64_t *a, uint64_t *tmp,
                                                                                        int32_t n) {
  if (n >= MSD_MIN) return sort_doubles_msd(a, tmp, n);
  for (int32_t p = 0; p < KEY_PASSES; p++)
    for (int32_t d = 0; d < KEY_DIGITS; d++) key_counts[p][d] = 0;
  for (int32_t i = 0; i < n; i++) {
    uint64_t key = double_key(a[i]);
    a[i] = key;
    for (int32_t p = 0; p < KEY_PASSES; p++) key_counts[p][(key >> (p * KEY_DIGIT_BITS)) & (KEY_DIGITS - 1)]++;
  }
  uint64_t *from = a;
  uint64_t *to = tmp;
  for (int32_t p = 0; p < KEY_PASSES; p++) {
    uint32_t *counts = key_counts[p];
    /* A digit every key has: this pass would leave the order as it is. */
    if (sort_starts(counts, KEY_DIGITS) == (uint32_t)n) continue;
    int32_t shift = p * KEY_DIGIT_BITS;
    for (int32_t i = 0; i < n; i++) {
      uint64_t key = from[i];
      to[counts[(key >> shift) & (KEY_DIGITS - 1)]++] = key;
    }
    uint64_t *swap = from;
    from = to;
    to = swap;
  }
  for (int32_t i = 0; i < n; i++) from[i] = key_double(from[i]);
  return from == a ? 0 : 1;
}

/*
 * The drift layer's pooled walk of two compact sides (pooled.ts): both sides' integers radix-sorted together, then
 * one pass gives what sorting each side, finding its runs and merging the two in a walk would. Each key is an offset
 * from `min` (the least integer of both sides) shifted left by one, its low bit the side (0 reference, 1 current):
 * keys order as the integers do, and a key tells its side. `max - min` must be below 2^31, so that the keys fit in
 * 32 bits. The sort takes one pass up to 12 bits of key, two up to 24, three beyond (digits of at most 12 bits, as
 * sort_scaled's).
 *
 * One pass over the N = n1 + n2 sorted keys then takes each block of equal integers (one distinct pooled value), and
 * writes what the drift layer's separate sorts and walk would have:
 * - each side's runs: its distinct values ascending (the doubles (min + offset) / scale, as sort_scaled writes them),
 *   the largest count and the running totals of the counts (one more than the runs: the count of the side's values
 *   below each, then the side's size). The counts themselves are differences of those totals, which pooled.ts makes
 *   only for a test that reads them (writing them was a third of the walk's stores; see pooled.ts for what that
 *   saved);
 * - numpy's sum of scipy's term array for the first Wasserstein distance: N - 1 slots, slot p holding
 *   |F_ref(x_p) - F_cur(x_p)| (x_{p+1} - x_p) over the pooled sorted values x, so zero inside a block of equal values
 *   and, at a block's last slot, |cum_ref / n1 - cum_cur / n2| times the gap to the next value. The slots go through a
 *   buffer of 8,192 (numpy's reduction buffer), each full buffer summed pairwise as numpy sums it (pairwise_sum
 *   below) and the buffer sums added left to right from 0, as ecdf.ts's dense walk sums them, bit for bit;
 * - the largest and smallest ECDF difference at a block's end (the Kolmogorov–Smirnov D's two sides).
 * Every value is a correctly rounded IEEE operation in the order ecdf.ts does it, so the doubles are that walk's.
 *
 * `keys` and `tmp` have room for N + 1 keys each (N given: the reference's integers first, then the current's); each
 * side's values and running totals room for one more than its size (a block without a cell of that side writes
 * its slot and moves on only when it has one). `out` receives, as doubles: runs of the reference, runs of the current,
 * the reference's largest count, the current's, the sum, the largest difference, the smallest.
 */
#define SUM_BUFFER 8192
/* One slot before the buffer takes the first block's term, which has no slot (the walk then needs no test for it). */
static double sum_slots[1 + SUM_BUFFER];
static double *const sum_buffer = sum_slots + 1;

/* numpy's pairwise sum of a[0, n) for n at most one buffer (ecdf.ts's pairwiseBlock, grouping for grouping). */
static double pairwise_sum(const double *a, int32_t n) {
  if (n < 8) {
    double result = 0;
    for (int32_t i = 0; i < n; i++) result += a[i];
    return result;
  }
  if (n <= 128) {
    double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
    int32_t unrolled = n - n % 8;
    int32_t i = 8;
    for (; i < unrolled; i += 8) {
      r0 += a[i];
      r1 += a[i + 1];
      r2 += a[i + 2];
      r3 += a[i + 3];
      r4 += a[i + 4];
      r5 += a[i + 5];
      r6 += a[i + 6];
      r7 += a[i + 7];
    }
    double result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) result += a[i];
    return result;
  }
  int32_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(a, half) + pairwise_sum(a + half, n - half);
}

__attribute__((export_name("pool_scaled"), no_builtin("memset"))) void
pool_scaled(uint32_t *keys, uint32_t *tmp, int32_t n1, int32_t n2, int32_t min, int32_t max, double scale,
            double *ref_values, double *ref_prefix, double *cur_values, double *cur_prefix, double *out) {
  int32_t n = n1 + n2;
  uint32_t top_key = (((uint32_t)max - (uint32_t)min) << 1) | 1;
  int32_t bits = 32 - __builtin_clz(top_key);
  int32_t passes = bits <= 12 ? 1 : bits <= 24 ? 2 : 3;
  int32_t digit_bits = (bits + passes - 1) / passes;
  int32_t digits = 1 << digit_bits;
  uint32_t mask = (uint32_t)digits - 1;
  uint32_t *counts = sort_counts;
  for (int32_t d = 0; d < passes * digits; d++) counts[d] = 0;
  /*
   * Each side's integers become keys and are counted in one pass over them (the side as the key's bit, not a
   * comparison a key), two passes' digits written out rather than in a loop over the passes: on 200,000 pooled
   * six-decimal values (two columns of 400 six-decimal floats' shape) the count took 0.7–0.8 → 0.33–0.35 ms and the
   * whole walk 2.5–2.6 → 2.1 ms (Node 24, 2 cores, AMD EPYC, 2026-12-06, 200 alternated rounds of 20 columns).
   */
  for (int32_t side = 0; side < 2; side++) {
    int32_t to = side ? n : n1;
    for (int32_t i = side ? n1 : 0; i < to; i++) {
      uint32_t key = (((uint32_t)keys[i] - (uint32_t)min) << 1) | (uint32_t)side;
      keys[i] = key;
      if (passes == 2) {
        counts[key & mask]++;
        counts[digits + ((key >> digit_bits) & mask)]++;
      } else
        for (int32_t p = 0; p < passes; p++) counts[p * digits + ((key >> (p * digit_bits)) & mask)]++;
    }
  }
  uint32_t *from = keys;
  uint32_t *to = tmp;
  for (int32_t p = 0; p < passes; p++) {
    uint32_t *starts = counts + p * digits;
    sort_starts(starts, digits);
    int32_t shift = p * digit_bits;
    for (int32_t i = 0; i < n; i++) {
      uint32_t key = from[i];
      to[starts[(key >> shift) & mask]++] = key;
    }
    uint32_t *swap = from;
    from = to;
    to = swap;
  }
  /*
   * A key past the last that differs from it in its integer, so that the walk finds a block's end by one comparison
   * (the keys' arrays hold one more). With the first block's term in a slot of its own instead of a test a block:
   * 200,000 pooled six-decimal values 2.89–2.98 → 2.73–2.82 ms a column on Node 24 (4 alternated runs of 300).
   */
  from[n] = ~from[n - 1];
  const uint32_t *sorted = from;

  double dn1 = (double)n1;
  double dn2 = (double)n2;
  int32_t k1 = 0, k2 = 0;
  uint32_t largest1 = 0, largest2 = 0;
  uint32_t cum1 = 0, cum2 = 0;
  double max_diff = -__builtin_inf();
  double min_diff = __builtin_inf();
  double previous = 0, previous_diff = 0;
  int32_t slots = n - 1;
  int32_t offset = 0;
  double result = 0;
  for (int32_t s = 0; s < SUM_BUFFER; s++) sum_buffer[s] = 0;
  for (int32_t p = 0; p < n;) {
    /*
     * The blocks whose term's slot (p - 1) lies in the buffer, then the buffer's flush, outside their loop: with the
     * flush (a call) inside it, 200,000 pooled six-decimal values took 2.10–2.13 ms a column, without it 1.89–1.92
     * (Node 24, 2026-12-06, 200 alternated rounds of 20 columns).
     */
    int32_t buffer_end = offset + SUM_BUFFER + 1;
    int32_t stop = buffer_end < n ? buffer_end : n;
    for (; p < stop;) {
      uint32_t first = sorted[p];
      uint32_t offset_key = first >> 1;
      uint32_t current = first & 1;
      int32_t q = p + 1;
      while ((sorted[q] >> 1) == offset_key) {
        current += sorted[q] & 1;
        q++;
      }
      uint32_t reference = (uint32_t)(q - p) - current;
      double value = (double)(int32_t)(offset_key + (uint32_t)min) / scale;
      ref_values[k1] = value;
      ref_prefix[k1] = (double)cum1;
      k1 += reference != 0;
      cur_values[k2] = value;
      cur_prefix[k2] = (double)cum2;
      k2 += current != 0;
      /*
       * A new largest count or extreme difference is rare: as branches (which the predictor gets right) these updates
       * cost less than as selects, which the compiler would make of them but for the empty asm statements (measured on
       * Node 24: 200,000 pooled values 3.15 → 2.9 ms).
       */
      if (__builtin_expect(reference > largest1, 0)) {
        largest1 = reference;
        __asm__ volatile("");
      }
      if (__builtin_expect(current > largest2, 0)) {
        largest2 = current;
        __asm__ volatile("");
      }
      {
        /* The previous block's term, at its last slot (p - 1); the first block's, 0, goes to the slot before. */
        int32_t at = p - 1 - offset;
        double delta = value - previous;
        sum_buffer[at] = __builtin_fabs(previous_diff) * delta;
      }
      cum1 += reference;
      cum2 += current;
      double diff = (double)cum1 / dn1 - (double)cum2 / dn2;
      if (__builtin_expect(diff > max_diff, 0)) {
        max_diff = diff;
        __asm__ volatile("");
      }
      if (__builtin_expect(diff < min_diff, 0)) {
        min_diff = diff;
        __asm__ volatile("");
      }
      previous = value;
      previous_diff = diff;
      p = q;
    }
    if (p >= n) break;
    result += pairwise_sum(sum_buffer, SUM_BUFFER);
    for (int32_t s = 0; s < SUM_BUFFER; s++) sum_buffer[s] = 0;
    offset = (p - 1) - (p - 1) % SUM_BUFFER;
  }
  double sum;
  if (slots <= SUM_BUFFER) sum = pairwise_sum(sum_buffer, slots);
  /* Buffers past the last term's hold zeros only (a long last block): numpy adds nothing for them. */
  else sum = result + pairwise_sum(sum_buffer, slots - offset < SUM_BUFFER ? slots - offset : SUM_BUFFER);
  ref_prefix[k1] = (double)cum1;
  cur_prefix[k2] = (double)cum2;
  out[0] = k1;
  out[1] = k2;
  out[2] = largest1;
  out[3] = largest2;
  out[4] = sum;
  out[5] = max_diff;
  out[6] = min_diff;
}
