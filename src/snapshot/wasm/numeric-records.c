/*
 * The CSV reader's one-pass scan of records whose every field is a short plain decimal or empty, compiled to
 * WebAssembly (scripts/generate-wasm.mjs; the module is embedded in numeric-records.generated.ts).
 *
 * Why a compiled loop: on wide numeric tables (400 columns of six-decimal floats) the JavaScript scan was ~25 ns a
 * cell, half of a reading thread's time; this loop is the same steps without V8's bounds checks, tagged integers
 * and deoptimisation guards. It is not a second parser: it takes only the records that csv.ts's `scanNumericRecord`
 * takes on its shortest path (digits, at most one point, an optional leading minus, at most 15 bytes of digits and
 * point; empty fields) and writes the same staging cells that function writes for them. At the first record with any
 * other field (a word, a quote, a `+`, an exponent, a longer number, a blank line, a field count other than the
 * header's, a record cut by the end of the bytes read) it stops, and the JavaScript scan takes that record as before.
 *
 * A cell's value is its digits as an integer (below 10^15, so exact in a double) divided by an exact power of ten:
 * one correctly rounded IEEE division, the same double the JavaScript scan computes. WebAssembly's f64 arithmetic
 * is IEEE 754 binary64 with round-to-nearest and no fused operations, so the two agree bit for bit.
 *
 * No stack, no heap, no libc: every argument is a scalar or an address in the memory the reader gives the module.
 */
#include <stdint.h>

#define LF 0x0a
#define CR 0x0d
#define POINT 0x2e
#define MINUS 0x2d

/* Staging kinds and flags, as csv.ts and column-builder.ts name them. */
#define KIND_NUMBER 0
#define KIND_EMPTY 1
#define SAW_EMPTY 1
#define UNKNOWN_PLACES 255

static const double POW10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/*
 * Scans records from buf[pos] while each is whole and simple, at most max_records of them, into staging rows row,
 * row + 1, ... (cell (r, field) at index field * batch + r of each array). record_ends[k] is the position after the
 * k-th record's line end. Returns the number of records scanned; the record at the position after the last one (or
 * at pos) is left to the JavaScript scan.
 */
__attribute__((export_name("scan_numeric_records"))) int32_t
scan_numeric_records(const uint8_t *buf, int32_t pos, int32_t end, int32_t eof, int32_t delimiter, int32_t columns,
                     int32_t batch, int32_t row, int32_t max_records, uint8_t *kinds, double *values,
                     uint8_t *integer, uint8_t *places, int32_t *starts, int32_t *ends, int32_t *tokens,
                     uint8_t *others, int32_t *record_ends) {
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
        others[field] |= SAW_EMPTY;
        starts[at] = i;
        ends[at] = i;
        j = i;
      } else {
        if (c > 0x39 || c == '"') return records;
        int32_t negative = c == MINUS;
        int32_t digits_start = negative ? i + 1 : i;
        int32_t k = digits_start;
        int64_t mantissa = 0;
        int32_t point = -1;
        int32_t limit = digits_start + 15 < end ? digits_start + 15 : end;
        for (; k < limit; k++) {
          uint32_t d = (uint32_t)buf[k] - 0x30;
          if (d > 9) break;
          mantissa = mantissa * 10 + d;
        }
        if (k < limit && buf[k] == POINT) {
          point = k++;
          for (; k < limit; k++) {
            uint32_t d = (uint32_t)buf[k] - 0x30;
            if (d > 9) break;
            mantissa = mantissa * 10 + d;
          }
        }
        int32_t digits = k - digits_start - (point < 0 ? 0 : 1);
        int32_t stop = k < end ? buf[k] : -1;
        if (digits <= 0 || !(stop == delimiter || stop == LF || stop == CR || (stop == -1 && eof)))
          return records;
        double value = point < 0 ? (double)mantissa : (double)mantissa / POW10[k - point - 1];
        kinds[at] = KIND_NUMBER;
        values[at] = value * (negative ? -1.0 : 1.0);
        integer[at] = point < 0 ? 1 : 0;
        /* A -0 has no scaled integer of its own: its places stay unknown, as the JavaScript scan leaves them. */
        places[at] = mantissa == 0 && negative ? UNKNOWN_PLACES : point < 0 ? 0 : (uint8_t)(k - point - 1);
        starts[at] = i;
        ends[at] = k;
        j = k;
      }
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
