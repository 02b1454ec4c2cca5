/**
 * Distinct string labels of one column kept as UTF-8 bytes in one arena, coded in order of first occurrence, so a
 * reader can dictionary-encode a cell straight from its file buffer without making a JS string for it. An id column
 * of a million rows then costs an arena of its bytes and a few typed arrays instead of a million strings (their
 * decoding, their hashing as strings and the garbage collector's work on them); strings are made only for the labels
 * asked for ({@link LabelStore.decode}).
 *
 * An open-addressing table kept at most half full finds a label's code by a 32-bit hash of its bytes (FNV-1a with
 * murmur3's finalizer), kept by code; labels with equal hashes are compared byte by byte, so two labels get
 * one code exactly when their bytes are equal. A label that is not well-formed UTF-8 is stored as the text a
 * `TextDecoder` makes of it (each bad sequence replaced by U+FFFD) re-encoded, so two such labels get one code
 * exactly when their strings are equal, as on the string path.
 *
 * A column whose every cell so far brought a new label (an id) can stop looking labels up
 * ({@link LabelStore.deferLookUps}): each cell is then appended as a label of its own, and
 * {@link LabelStore.resolveDeferred} merges equal labels once the column is read. A look-up per cell lands at a
 * random slot of a table as big as the column (a cache and TLB miss per cell, most of an id column's reading time);
 * appending writes in order, and the merge finds the equal hashes part by part in tables that stay in cache (see
 * `repeatedKeys`) and compares bytes only where hashes are equal.
 */
import { isUtf8 } from 'node:buffer';
import { fmix32 } from '../util/fmix32.js';
import { repeatedKeys } from '../util/repeated-keys.js';

const QUOTE = 0x22;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function grown(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

/** Slots of a table for `labels` labels: twice as many (at most half full), at least 16. */
function slotsFor(labels: number): number {
  return Math.max(16, Math.ceil(labels) * 2);
}

/**
 * The slot a hash starts probing at in a table of `size` slots: the hash as a fraction of 2^32, times the size
 * (Lemire's multiply-shift in place of a power-of-two mask). The table can then be exactly twice the labels: a
 * power of two would be up to twice that again (a million labels: 4M slots against 2M). The product of a 32-bit
 * hash and `size / 2^32` rounds to below `size` for any table below 2^31 slots, so the slot is always in the table,
 * and it is the same for the same hash.
 */
function startSlot(hash: number, scale: number): number {
  return Math.floor((hash >>> 0) * scale);
}

const TWO_TO_32 = 4294967296;

function hasQuote(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE) return true;
  return false;
}

function identity(length: number): Int32Array<ArrayBuffer> {
  const array = new Int32Array(length);
  for (let i = 0; i < length; i++) array[i] = i;
  return array;
}

export class LabelStore {
  /** The labels' bytes, one after another: label `code` is `arena[offsets[code], offsets[code + 1])`. */
  private arena = new Uint8Array(1 << 16);
  private offsets = new Int32Array(1025);
  /**
   * The open-addressing table: slot `s` holds a code plus one, 0 when free. A fresh table is all free with no pass
   * over it (its pages are written first by the labels that land in them), and at 4 bytes a slot a million labels
   * take 8 MB (with each label's hash beside its code it was 16 MB, filled with -1 before the first label).
   */
  private slots: Int32Array;
  /** Each label's hash by code: a probe compares it before any byte of the arena, and a rehash reuses it. */
  private hashes = new Int32Array(1025);
  /** Slots in the table, and that number divided by 2^32 (see `startSlot`). */
  private slotCount: number;
  private scale: number;
  private count = 0;
  /** Some label has a byte ≥ 0xEE (a character from U+E000 on): byte order may then differ from UTF-16 order. */
  private high = false;
  /** A quoted cell's bytes with doubled quotes undone. */
  private scratch = new Uint8Array(256);
  /** Since {@link deferLookUps}: every cell is appended as a new label until {@link resolveDeferred}. */
  private deferring = false;

  /**
   * @param expected labels to make room for in the table at once
   * @param hashMask ANDed into the hash (tests force equal hashes with 0); keep the default otherwise
   */
  constructor(
    expected = 0,
    private readonly hashMask = -1,
  ) {
    this.slotCount = slotsFor(expected);
    this.scale = this.slotCount / TWO_TO_32;
    this.slots = new Int32Array(this.slotCount);
  }

  /** Makes room in the table for `labels` labels at once (a reader that knows the row count calls this). */
  reserve(labels: number): void {
    if (labels * 2 > this.slotCount) this.rehash(labels);
    this.reserveLabels(labels);
  }

  /** Room for `labels` labels' offsets, hashes and bytes. */
  private reserveLabels(labels: number): void {
    if (labels + 1 > this.offsets.length) {
      this.offsets = grown(this.offsets, labels + 1);
      this.hashes = grown(this.hashes, labels + 1);
    }
    // The arena at half as much again as the average label length so far (later labels may be longer, as ids that
    // gain a digit): memory that is allocated but never written costs no page, while growing past it copies all.
    const bytes = this.count === 0 ? 0 : Math.ceil((this.offsets[this.count]! / this.count) * labels * 1.5);
    if (bytes > this.arena.length) {
      const bigger = new Uint8Array(bytes);
      bigger.set(this.arena.subarray(0, this.offsets[this.count]!));
      this.arena = bigger;
    }
  }

  /** Lets go of the look-up table: the store is read only from now on ({@link codeOf} must not be called). */
  seal(): void {
    this.slots = new Int32Array(0);
    this.hashes = new Int32Array(0);
    this.slotCount = 0;
  }

  /** Distinct labels stored. */
  get size(): number {
    return this.count;
  }

  /** Whether every label is below U+E000 in every character, so comparing bytes orders labels as JS strings do. */
  get ordersAsStrings(): boolean {
    return !this.high;
  }

  /**
   * The code of the label in `bytes[start, end)`, adding it when new.
   *
   * @param quoted the bytes are a quoted CSV field's inside: a doubled quote stands for one
   */
  codeOf(bytes: Uint8Array, start: number, end: number, quoted = false): number {
    if (this.deferring) return this.append(bytes, start, end, quoted);
    if (quoted && hasQuote(bytes, start, end))
      return this.codeOf(this.scratch, 0, this.unescape(bytes, start, end));
    const h1 = this.hash(bytes, start, end);
    const slots = this.slots;
    const size = this.slotCount;
    let slot = startSlot(h1, this.scale);
    const length = end - start;
    for (;;) {
      const code = slots[slot]! - 1;
      if (code < 0) break;
      if (this.hashes[code] === h1) {
        const from = this.offsets[code]!;
        if (this.offsets[code + 1]! - from === length) {
          let i = 0;
          while (i < length && this.arena[from + i] === bytes[start + i]) i++;
          if (i === length) return code;
        }
      }
      slot = slot + 1 === size ? 0 : slot + 1;
    }
    return this.add(bytes, start, end, h1, slot);
  }

  /**
   * A label's hash: FNV-1a over its bytes, avalanched by murmur3's finalizer so the low bits that pick a slot are
   * well mixed. It is kept by code: a probe compares it before any byte, so labels are compared
   * byte by byte only when their hashes are equal (about one probe in 2^32 for different labels).
   */
  private hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return fmix32(h) & this.hashMask;
  }

  /** Copies a quoted field's bytes into `scratch` with each doubled quote made one; returns the length. */
  private unescape(bytes: Uint8Array, start: number, end: number): number {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
    const out = this.scratch;
    let n = 0;
    for (let i = start; i < end; i++) {
      out[n++] = bytes[i]!;
      if (bytes[i] === QUOTE) i++; // "" → "
    }
    return n;
  }

  /** The label as a decoder reads it, when its bytes are not well-formed UTF-8; else undefined. */
  private static repaired(bytes: Uint8Array, start: number, end: number): Uint8Array | undefined {
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
    if (ascii || isUtf8(bytes.subarray(start, end))) return undefined;
    return encoder.encode(decoder.decode(bytes.subarray(start, end)));
  }

  private add(bytes: Uint8Array, start: number, end: number, h1: number, slot: number): number {
    const text = LabelStore.repaired(bytes, start, end);
    // Not UTF-8: the label is the string a decoder makes of it, as a label read as a string would be.
    if (text) return this.codeOf(text, 0, text.length);
    const code = this.put(bytes, start, end, h1);
    if ((code + 1) * 2 > this.slotCount) this.rehash(this.count * 2);
    else this.slots[slot] = code + 1;
    return code;
  }

  /**
   * Makes room for label `code` (the next one) of `length` bytes: its offset and hash slots, and its bytes in the
   * arena; returns where its bytes go.
   */
  private roomFor(code: number, length: number): number {
    if (code + 1 >= this.offsets.length) {
      this.offsets = grown(this.offsets, this.offsets.length * 2);
      this.hashes = grown(this.hashes, this.offsets.length);
    }
    const from = this.offsets[code]!;
    if (from + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(from + length, this.arena.length * 2));
      bigger.set(this.arena.subarray(0, from));
      this.arena = bigger;
    }
    return from;
  }

  /** Stores a well-formed label with its hash as the next code (no table entry); returns the code. */
  private put(bytes: Uint8Array, start: number, end: number, h1: number): number {
    const code = this.count++;
    const from = this.roomFor(code, end - start);
    this.hashes[code] = h1;
    const to = from + (end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0xee) this.high = true;
      this.arena[from + i - start] = b;
    }
    this.offsets[code + 1] = to;
    return code;
  }

  /**
   * From now on every cell is appended as a new label, without a look-up, until {@link resolveDeferred} merges
   * equal ones: for a column whose cells so far were all distinct (an id). Makes room for `labels` labels in all
   * and lets go of the table.
   */
  deferLookUps(labels: number): void {
    this.reserveLabels(labels);
    this.slots = new Int32Array(0);
    this.slotCount = 0;
    this.deferring = true;
  }

  /** Whether cells are appended without look-up ({@link deferLookUps}) and not yet resolved. */
  get deferred(): boolean {
    return this.deferring;
  }

  /** Appends a cell as a new label (deferred mode); returns its provisional code. */
  private append(bytes: Uint8Array, start: number, end: number, quoted: boolean): number {
    if (quoted && hasQuote(bytes, start, end)) {
      const n = this.unescape(bytes, start, end);
      return this.append(this.scratch, 0, n, false);
    }
    const code = this.appendPlain(bytes, start, end);
    if (code >= 0) return code;
    // Not ASCII, or no room: the general way (the bytes copied past the last label are simply overwritten). A label
    // that is not UTF-8 is the text a decoder makes of it.
    const text = LabelStore.repaired(bytes, start, end);
    if (text) return this.put(text, 0, text.length, this.hash(text, 0, text.length));
    return this.put(bytes, start, end, this.hash(bytes, start, end));
  }

  /**
   * Appends an ASCII label when its offset, hash and bytes have room, in one pass over its bytes (what `put` does
   * after `hash`: hash, copy, and whether any byte is non-ASCII); returns its code, or -1 when it is not ASCII or
   * needs room (nothing is then added).
   */
  private appendPlain(bytes: Uint8Array, start: number, end: number): number {
    const code = this.count;
    const length = end - start;
    const from = this.offsets[code]!;
    if (code + 1 >= this.offsets.length || from + length > this.arena.length) return -1;
    const arena = this.arena;
    let h = 0x811c9dc5 ^ length;
    let bits = 0;
    for (let i = start, o = from; i < end; i++, o++) {
      const b = bytes[i]!;
      h = Math.imul(h ^ b, 0x01000193);
      arena[o] = b;
      bits |= b;
    }
    if (bits >= 0x80) return -1;
    this.hashes[code] = fmix32(h) & this.hashMask;
    this.offsets[code + 1] = from + length;
    this.count = code + 1;
    return code;
  }

  /**
   * {@link codeOf} of a reader's staged cells `from` to `to` in deferred mode, in one loop: cell `k` is missing when
   * `kinds[k]` is `missingKind` or `isMissing` says its bytes `bytes[starts[k], ends[k])` are a missing token (its code
   * -1), else it is appended as a label of its own, quoted (its doubled quotes undone) when `kinds[k]` is
   * `quotedKind`. The codes go to `codes` from `at` on. An id column's cells come this way: one call a batch instead
   * of three calls a cell (a million ids in memory already written: ~30 ms cell by cell against ~18 so, Node 24). A
   * cell {@link appendPlain} does not take (quoted, not ASCII, or needing room) goes through {@link append}.
   *
   * @returns how many of the cells were present
   */
  appendRun(
    bytes: Uint8Array,
    kinds: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    from: number,
    to: number,
    quotedKind: number,
    missingKind: number,
    isMissing: (bytes: Uint8Array, start: number, end: number) => boolean,
    codes: Int32Array,
    at: number,
  ): number {
    if (!this.deferring) throw new Error('appendRun outside deferred mode');
    let present = 0;
    for (let k = from; k < to; k++, at++) {
      const kind = kinds[k]!;
      const start = starts[k]!;
      const end = ends[k]!;
      if (kind === missingKind || isMissing(bytes, start, end)) {
        codes[at] = -1;
        continue;
      }
      present++;
      const code = kind === quotedKind ? -1 : this.appendPlain(bytes, start, end);
      codes[at] = code >= 0 ? code : this.append(bytes, start, end, kind === quotedKind);
    }
    return present;
  }

  /**
   * Ends deferred mode: labels with equal bytes become one, coded in order of first occurrence as {@link codeOf}
   * would have coded them, and `codes[0, length)` (provisional codes, -1 for a missing cell) are rewritten to match.
   * Only labels with equal hashes are compared, sorted by their bytes when more than two share one (so even many
   * labels crafted to share a hash cost `k log k` comparisons, not `k²`). The store is read-only after.
   */
  resolveDeferred(codes: Int32Array, length: number): void {
    if (!this.deferring) return;
    this.deferring = false;
    const labels = this.count;
    // first[p]: the first label with p's bytes (p itself when p is the first).
    let first: Int32Array | undefined;
    const { indices, starts } = repeatedKeys(this.hashes, labels)!;
    for (let g = 0; g + 1 < starts.length; g++) {
      // The labels sharing one hash, ascending.
      const group = indices.subarray(starts[g]!, starts[g + 1]!);
      if (group.length > 2) group.sort((a, b) => this.compare(a, b) || a - b);
      for (let k = 1; k < group.length; k++) {
        if (this.compare(group[k - 1]!, group[k]!) !== 0) continue;
        first ??= identity(labels);
        first[group[k]!] = first[group[k - 1]!]!;
      }
    }
    if (!first) return; // every label distinct: the provisional codes are the codes
    // Compact: keep each first occurrence, in order, and give every label its first occurrence's new code.
    const code = new Int32Array(labels);
    let kept = 0;
    let write = 0;
    for (let p = 0; p < labels; p++) {
      const f = first[p]!;
      if (f !== p) {
        code[p] = code[f]!;
        continue;
      }
      const from = this.offsets[p]!;
      const to = this.offsets[p + 1]!;
      this.arena.copyWithin(write, from, to);
      this.hashes[kept] = this.hashes[p]!;
      this.offsets[kept] = write;
      write += to - from;
      code[p] = kept++;
    }
    this.offsets[kept] = write;
    this.count = kept;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      if (c >= 0) codes[i] = code[c]!;
    }
  }

  /** A table for `labels` labels, with every code re-inserted. */
  private rehash(labels: number): void {
    const size = slotsFor(Math.max(labels, this.count));
    const scale = size / TWO_TO_32;
    const slots = new Int32Array(size);
    for (let code = 0; code < this.count; code++) {
      let slot = startSlot(this.hashes[code]!, scale);
      while (slots[slot] !== 0) slot = slot + 1 === size ? 0 : slot + 1;
      slots[slot] = code + 1;
    }
    this.slots = slots;
    this.slotCount = size;
    this.scale = scale;
  }

  /** The label of `code` as a string. */
  decode(code: number): string {
    return decoder.decode(this.arena.subarray(this.offsets[code]!, this.offsets[code + 1]!));
  }

  /** The labels of codes `[from, size)` appended to `into`. */
  decodeInto(into: string[], from = 0): string[] {
    for (let code = from; code < this.count; code++) into.push(this.decode(code));
    return into;
  }

  /** Byte order of two labels (negative, 0, positive). */
  compare(a: number, b: number): number {
    const fromA = this.offsets[a]!;
    const fromB = this.offsets[b]!;
    const lengthA = this.offsets[a + 1]! - fromA;
    const lengthB = this.offsets[b + 1]! - fromB;
    const n = Math.min(lengthA, lengthB);
    for (let i = 0; i < n; i++) {
      const d = this.arena[fromA + i]! - this.arena[fromB + i]!;
      if (d !== 0) return d;
    }
    return lengthA - lengthB;
  }

  /**
   * The codes of the `k` smallest labels in byte order, smallest first (one pass, no sort of every label). Once `k`
   * are kept, a label whose first byte is above the largest kept label's is passed over on that byte alone, without
   * a call to {@link compare} (most of an id column's labels).
   */
  smallest(k: number): number[] {
    const top: number[] = [];
    if (k <= 0) return top;
    const { arena, offsets } = this;
    // The largest kept label's first byte (-1 when it is empty, which no label is below); 256 until k are kept.
    let bar = 256;
    for (let code = 0; code < this.count; code++) {
      if (top.length === k) {
        const from = offsets[code]!;
        if (offsets[code + 1]! > from && arena[from]! > bar) continue;
        if (this.compare(code, top[k - 1]!) >= 0) continue;
      }
      let at = top.length < k ? top.length : k - 1;
      top[at] = code;
      while (at > 0 && this.compare(top[at]!, top[at - 1]!) < 0) {
        [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
        at--;
      }
      if (top.length === k) {
        const largest = top[k - 1]!;
        bar = offsets[largest + 1]! > offsets[largest]! ? arena[offsets[largest]!]! : -1;
      }
    }
    return top;
  }
}
