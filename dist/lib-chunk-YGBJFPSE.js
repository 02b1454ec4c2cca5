import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  openForReading
} from "./lib-chunk-4C3UKEYM.js";
import {
  POW10,
  decimalValue,
  lastDecimal,
  parseDecimal,
  powersOfTen,
  readNumber
} from "./lib-chunk-3MDFVLDT.js";
import {
  ColumnArena,
  ColumnBuilder,
  MISSING_KIND,
  MISSING_TOKENS,
  UNKNOWN_PLACES,
  fmix32,
  repeatedKeys
} from "./lib-chunk-KLX42CXX.js";
import {
  MISSING_DIGITS,
  isScaled,
  scaleOf
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/snapshot/wasm/numeric-records.generated.ts
var NUMERIC_RECORDS_WASM = "AGFzbQEAAAABNwVgAAF/YAR/f39/AX9gFn9/f39/f39/f39/f39/f39/f39/f38Bf2ADf39/AX9gBX9/fH9/AX8CDwEDZW52Bm1lbW9yeQIAAgMHBgAAAQIDBAQFAXABAQEGDwJ/AUGQigQLfwBBkIoECwdnBhFsYWJlbF90YWJsZV9ieXRlcwAAC2xhYmVsX2J5dGVzAAEMaW5zZXJ0X2xhYmVsAAIUc2Nhbl9udW1lcmljX3JlY29yZHMAAw1kZWNvZGVfc2NhbGVkAAULX19oZWFwX2Jhc2UDAQrDKAYGAEGA4AALBABBKAukBAMEfwF+CH9BACEEAkAgAkFXakFYSQ0AQQAhBUEAIQYDQCAGIAAgBWoiBygCAEEAR2ogB0EwaigCAEEAR2ogB0HgAGooAgBBAEdqIAdBkAFqKAIAQQBHaiEGIAVBwAFqIgVBgOAARw0ACyABKQAAIQgCQAJAIAJBB0oNACAIQn8gAkEDdK2GQn+FgyACrUI4hoVClfip+pe33puef34hCAwBCyAIIAKtQjiGhUKV+Kn6l7fem55/fiEIIAJBCEYNACABIAJqQXhqKQAAQs/W077Sx6vZQn4gCIUhCAsgAkEDdCEJIABBCGohCiAIQjiIpyELA0ACQCAAIAtBMGwiB2oiDCgCACINIAJHDQAgCiAHaiEOQQAhByAJIQUCQANAIAdBCGoiBCACSg0BIAEgB2ohDyAOIAdqIRAgBUFAaiEFIAQhByAQKQAAIA8pAABRDQAMAgsLQQEhBCACIAdGDQIgASAHaikAACAOIAdqKQAAhUJ/IAWthkJ/hYNQDQILAkAgDQ0AQQAhBCAGQf8ASw0CIAwgAjYCACAAIAtBMGxqIhAgAzYCBEEAIQcDQEEAIQUCQCAHIAJODQAgASAHai0AACEFCyAQIAdqIgRBCGogBToAAEEAIQUCQCAHQQFqIg8gAk4NACABIAdqQQFqLQAAIQULIARBCWogBToAAEEBIQQgD0EBaiIHQShHDQAMAwsLIAtBAWpB/wFxIQsMAAsLIAQLhRkICX8BfgV/AXwBfgN8BH8CfEEAIRYCQCAIQQFIDQAgASACTg0AIAVFDQAgAEEBaiEXQQAhFgNAAkAgACABai0AAEF2ag4EAgAAAgALIBYgB2ohGEEAIRkDQEF/IRoCQCABIAJODQAgACABai0AACEaCwJAAkACQAJAIBogBEYNACAaQQFqDiQAAgICAgICAgICAgACAgACAgICAgICAgICAgICAgICAgICAgECCwJAIAMNACAaQX9GDQYLIAkgGGpBAToAACAPIBhBAnQiG2pBfzYCACAVIBtqQYCAgIB4NgIAIBAgGWoiGyAbLQAAQQFyOgAAIAEhGyABIRoMAgsgAUEBaiIcIAJODQRBACEdIBwhGwJAAkADQEEBIRoCQAJAIAAgG2otAABBdmoOGQkBAQkBAQEBAQEBAQEBAQEBAQEBAQEBAQABCyAbQQFqIRoCQCADDQAgGiACTg0JCwJAIBogAkgNAEF/IR4MBAsgACAaaiIeLQAAQSJHDQJBASEdQQIhGgsgGyAaaiIbIAJIDQAMBwsLIB4tAAAhHgsCQCAeIARGDQAgHkEBaiIeQQ5LDQVBASAedEGBkAFxRQ0FCwJAAkAgGyAcRw0AQQEhASAJIBhqQQE6AAAgDyAYQQJ0akF/NgIAQYCAgIB4IR0gFSEeDAELAkACQCAdRQ0AQQMhAUF/IR0MAQtBBEECIBMgGUECdGooAgAgFyABaiAbIAFBf3NqEISAgIAAIh1Bf0obIQELIAkgGGogAToAAEECIQEgDyEeCyAeIBhBAnRqIB02AgAgECAZaiIdIB0tAAAgAXI6AAAgHCEBDAELAkACQCAaQTpJDQACQCABQQFqIhsgAk4NAANAIAAgG2otAABB/wFxIhogBEYNAQJAIBpBdmoOBAIAAAIACyACIBtBAWoiG0cNAAsgAiEbCyAJIBhqQQRBAiATIBlBAnRqKAIAIAAgAWogGyABaxCEgICAACIaQX9KGzoAACAPIBhBAnRqIBo2AgAgECAZaiIaIBotAABBAnI6AAAMAQtCACEfIAEgGkEtRiIgaiIhIR4CQCAhQQFqICFBD2oiHSACIB0gAkgbIhxODQBCACEfICEhGwNAAkAgACAbaiIeLQAAQVBqIiJBCU0NACAbIR4MAgsCQCAeQQFqLQAAQVBqIh5BCkkNACAbQQFqIR4gH0IKfiAirXwhHwwCCyAfQuQAfiAiQQpsIB5qrXwhHyAbQQNqISIgG0ECaiIeIRsgIiAcSA0ACwsCQCAeIBxODQAgHkEBaiIbIBxIDQAgH0IKfiAAIB5qLQAAQVBqIiKtfCAfICJBCkkiIhshHyAbIB4gIhshHgtBfyEjAkACQCAeIBxODQAgACAeai0AAEEuRw0AAkACQCAeQQJqIhsgHEgNACAeQQFqIRsMAQsCQANAIAAgG2oiIkF/ai0AAEFQaiIkQQlLDQECQCAiLQAAQVBqIiJBCkkNACAfQgp+ICStfCEfDAMLIB9C5AB+ICRBCmwgImqtfCEfIBtBAmoiGyAcSA0ACwsgG0F/aiEbCwJAIBsgHE4NACAbQQFqIiIgHEgNACAfQgp+IAAgG2otAABBUGoiJK18IB8gJEEKSSIkGyEfICIgGyAkGyEbCyAeISIMAQtBfyEiIB4hGwsgGyAhayAiQX9zQR91aiEhAkAgGyACTg0AIAAgG2otAAAhIwsCQAJAAkAgIUEBSA0AAkAgIyAERg0AAkAgI0F2ag4EAQAAAQALIANFDQEgI0F/Rw0BC0EAISMgH7khJQJAICJBAE4NACAbIR0MAgsgJSAbICJBf3NqQQN0QYCIgIAAaisDAKMhJSAbIR0MAQtBACEeQgAhJgJAAkAgGyAcRg0AIBshHQwBCwJAIB0gAk4NAEIAISZBACEeA0ACQAJAIAAgHWotAAAiI0FQaiIbQQlLDQAgJkIKfiAbrXwgJiAeQQlIGyEmIB5BAWohHgwBCyAjQS5HDQMgIkF/Sg0DIB0hIgsgAiAdQQFqIh1HDQALC0F/ISMgAiEdCyAeICFqISEgHkEISg0BICFBAUgNASAeQQN0QYCIgIAAaisDACInIB+5IiiiIilEQIy1eB2vFURjRQ0BQQAgIiAda0EBaiAiQQBIGyEqAkACQCAjQV9xQcUARg0AIB0hGwwBC0EAIRwCQAJAIB1BAWoiKyACSA0AQQAhLAwBCyAAICtqLQAAIhtBLUYhLAJAIBtBVWoOAwABAAELIB1BAmohKwsCQAJAICsgAkgNACArIRtBACEtDAELQQEhLSArIRsgACArai0AAEFQaiIkQQlLDQAgK0EBaiEbAkACQAJAA0AgJCEcIAIgGyIjRg0BIAAgI2otAABBUGoiLSAcQQpsaiAcIBxBoI0GSBshJCAjQQFqIRsgLUEJSw0CDAALCyACIRsMAQsgG0F/aiEbCyAjIAJIIS0LQX9BACAbICtHGyEjQQAgHGsgHCAsGyAqaiEqIBsgK0YNACAtRQ0AIAAgG2otAAAhIwsCQCAjIARGDQACQCAjQXZqDgQBAAABAAsgA0UNAiAjQX9HDQILAkACQCApICa5Ii6gIiVEAAAAAAAAQENjRQ0AICpFDQEgJUQAAAAAAAAAAGENAQJAICpBakkNACAlQYCIgIAAICpBA3RrKwMAoyElDAILAkAgKkF/akEVSw0AICUgKkEDdEGAiICAAGorAwCiISUMAgsgKkHnfWpB7XtJDQMgJSAqQQN0IBJqIhxB0A9qKwMAIimiIicgKUQAAAAAAAAAAKIgJSAcQegwaisDAKKgICUgJUQAAAACAACgQaIiKCAoICWhoSIooSIuICkgKUQAAAACAACgQaIiJSAlICmhoSIloSIpoiAuICWiICggJaIgJ6EgKCApoqCgoKAiKaAiJSAlRAAAAAAAAPA5oiIoICkgJSAnoaEiKaCgICViDQMgJSApICihoCAlYQ0BDAMLICpB531qQe17SQ0CICkgKCAoRAAAAAIAAKBBoiIlICUgKKGhIiWhIi8gJyAnRAAAAAIAAKBBoiIoICggJ6GhIiihIieiIC8gKKIgJSAooiApoSAlICeioKCgIC6gIi6gIiUgKkEDdCASaiIcQdAPaisDACInoiIoIC4gJSApoaEgJ6IgJSAcQegwaisDAKKgICUgJUQAAAACAACgQaIiKSApICWhoSIpoSIuICcgJ0QAAAACAACgQaIiJSAlICehoSIloSInoiAuICWiICkgJaIgKKEgKSAnoqCgoKAiKaAiJSAlRAAAAAAAAPA5oiInICkgJSAooaEiKaCgICViDQIgJSApICehoCAlYg0CCyAlICViDQEgHkEASiEjCyAJIBhqQQA6AAAgCiAYQQN0aiAlmiAlICAbOQMAIAsgGGogIkEASCIaIBsgHUYiHnEiHDoAACAMIBhqQf8BQf8BQQAgHSAiQX9zaiAaGyIaICVEAAAAAAAAAABhGyAaICAbICFBD0obQf8BIB4bIho6AAAgFCAZai0AACIdQf8BRg0BAkAgHA0AIBAgGWoiHiAeLQAAQQRyOgAACwJAIBogHUoNACAjDQACQAJAIB9QRQ0AQgAhHwwBCyAdIBprIhpBCUoNASAfQv////8HVQ0BIBpBA3RBwImAgABqKQMAIB9+Ih9C/////wdWDQELIBUgGEECdGpCACAffSAfICAbPgIADAILIBAgGWoiGiAaLQAAQQhyOgAADAELQX8hGwJAIB0gAk4iHg0AIAAgHWotAAAhGwsgGkErRg0EICFBD0oNBAJAAkAgIUEBSA0AIBtBf0YNBiAbQcUARg0GIBtB5QBHDQEMBgsgG0F/Rg0FCwJAAkAgHg0AA0AgACAdai0AAEH/AXEiGyAERg0BAkAgG0F2ag4EAgAAAgALIAIgHUEBaiIdRw0ACyACIRsMAQsgHSEbCyAJIBhqQQI6AAAgECAZaiIaIBotAABBAnI6AAALIBshGgsgDSAYQQJ0Ih1qIAE2AgAgDiAdaiAbNgIAIBlBAWohGQJAIBogAkgNACADRQ0DIBkgBUcNAyARIBZBAnRqIBo2AgAgFkEBag8LAkAgACAaai0AACIBIARGDQACQCABQQ1HDQAgGkEBaiEBAkAgAw0AIAEgAk4NBQsgASACTg0AIAEgGiAAIAFqLQAAQQpGGyEaCyAZIAVHDQMgESAWQQJ0aiAaQQFqIgE2AgAgFkEBaiIWIAhODQMgASACSA0CDAMLIBggBmohGCAaQQFqIQEgGSAFRw0ACwsLIBYL3gIDAX8Bfgl/QX8hAwJAIABFDQAgAkEoSg0AIAEpAAAhBAJAAkAgAkEHSg0AIARCfyACQQN0rYZCf4WDIAKtQjiGhUKV+Kn6l7fem55/fiEEDAELIAQgAq1COIaFQpX4qfqXt96bnn9+IQQgAkEIRg0AIAEgAmpBeGopAABCz9bTvtLHq9lCfiAEhSEECyAAIARCOIinIgVBMGxqKAIAIgZFDQAgAkEDdCEHIABBCGohCANAAkAgBiACRw0AIAggBUEwbGohCUEAIQYgByEKAkADQCAGQQhqIgsgAkoNASABIAZqIQwgCSAGaiENIApBQGohCiALIQYgDSkAACAMKQAAUQ0ADAILCwJAIAIgBkYNACABIAZqKQAAIAkgBmopAACFQn8gCq2GQn+Fg0IAUg0BCyAAIAVBMGxqKAIEIQMMAgsgACAFQQFqQf8BcSIFQTBsaigCACIGDQALCyADC6cIBQR7BH8FewV/AXwgAv0UIQUCQAJAIAFBBE4NAP0M////f////3////9/////fyEG/QwBAACAAQAAgAEAAIABAACAIQf9DAAAAAAAAAAAAAAAAAAAAAAhCEEAIQkMAQv9DAAAAAAAAAAAAAAAAAAAAAAhCEEAIQogAyELIAAhDP0M////f////3////9/////fyINIQb9DAEAAIABAACAAQAAgAEAAIAiDiEHA0AgC/0MAAAAAAAA+H8AAAAAAAD4fyIPIAz9AAAAIhD9/gEgBf3zASAQ/QwAAACAAAAAgAAAAIAAAACA/TciEf3HAf1S/QsAACALQRBqIA8gECAQ/Q0ICQoLDA0ODwABAgMEBQYH/f4BIAX98wEgEf3IAf1S/QsAACALQSBqIQsgDEEQaiEMIAggEf2xASEIIAcgDiAQIBH9Uv24ASEHIAYgDSAQIBH9Uv22ASEGIApBCGohEiAKQQRqIgkhCiASIAFMDQALCyAH/RsDIgsgB/0bAiIKIAf9GwEiDCAH/RsAIhJBgYCAgHggEkGBgICAeEobIhIgDCASShsiDCAKIAxKGyIKIAsgCkobIRMgBv0bAyILIAb9GwIiCiAG/RsBIgwgBv0bACISIAwgEkgbIgwgCiAMSBsiCiALIApIGyEUIAj9GwMgCP0bAiAI/RsBIAj9GwBqamohFQJAIAkgAU4NAAJAIAEgCWsiEkECSQ0AAkAgAyAJQQN0aiILIAAgAUECdGpPDQAgACAJQQJ0aiADIAFBA3RqSQ0BC/0MAAAAAAAAAAAAAAAAAAAAACAV/RwAIQggACAJQQJ0aiEKIAkgEkF+cSIWaiEJIBT9ESEGIBP9ESEHIBYhDANAIAv9DAAAAAAAAPh/AAAAAAAA+H8gCv1dAgAiEP3+ASAF/fMBIBD9DAAAAIAAAACAAAAAAAAAAAD9NyIRIBD9DQABAgMAAAAABAUGBwAAAABBIP3LAUEg/cwB/VL9CwMAIAcgECAH/bgBIBH9UiEHIAYgECAG/bYBIBH9UiEGIAtBEGohCyAKQQhqIQogCCAR/bEBIQggDEF+aiIMDQALIAggCCAQ/Q0EBQYHAAAAAAAAAAAAAAAA/a4B/RsAIRUgByAHIBD9DQQFBgcAAAAAAAAAAAAAAAD9uAH9GwAhEyAGIAYgEP0NBAUGBwAAAAAAAAAAAAAAAP22Af0bACEUIBIgFkYNAQsgASAJayESIAAgCUECdGohCiADIAlBA3RqIQwDQAJAAkAgCigCACILQYCAgIB4Rw0AIBVBAWohFUQAAAAAAAD4fyEXDAELIAsgEyALIBNKGyETIAsgFCALIBRIGyEUIAu3IAKjIRcLIAwgFzkDACAKQQRqIQogDEEIaiEMIBJBf2oiEg0ACwsgBCATNgIEIAQgFDYCACAVCwuYAgEAQYAIC5ACAAAAAAAA8D8AAAAAAAAkQAAAAAAAAFlAAAAAAABAj0AAAAAAAIjDQAAAAAAAavhAAAAAAICELkEAAAAA0BJjQQAAAACE15dBAAAAAGXNzUEAAAAgX6ACQgAAAOh2SDdCAAAAopQabUIAAEDlnDCiQgAAkB7EvNZCAAA0JvVrDEMAgOA3ecNBQwCg2IVXNHZDAMhOZ23Bq0MAPZFg5FjhQ0CMtXgdrxVEUO/i1uQaS0SS1U0Gz/CARAAAAAAAAAAAAQAAAAAAAAAKAAAAAAAAAGQAAAAAAAAA6AMAAAAAAAAQJwAAAAAAAKCGAQAAAAAAQEIPAAAAAACAlpgAAAAAAADh9QUAAAAAAMqaOwAAAAA=";

// src/snapshot/numeric-records.ts
var SCANNER_CELLS = 16384;
var SCANNER_COLUMNS = 1024;
var SCANNER_ROWS = 1024;
var MIN_POWER = -250;
var MAX_POWER = 280;
var wasmApi = globalThis.WebAssembly;
var compiled;
function withModule(build) {
  if (wasmApi === void 0 || compiled === null) return void 0;
  try {
    compiled ??= new wasmApi.Module(Buffer.from(NUMERIC_RECORDS_WASM, "base64"));
    return build(wasmApi, compiled);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    compiled = null;
    return void 0;
  }
}
var NO_DECIMALS = 255;
var NumericRecordScanner = class _NumericRecordScanner {
  /** The read buffer: the reader reads into it and scans it (a bigger buffer replacing it is scanned in JavaScript). */
  chunk;
  /** After a scan, the position after each scanned record's line end. */
  recordEnds;
  #scan;
  #insertLabel;
  #memory;
  #chunkAt;
  #valuesAt;
  #startsAt;
  #endsAt;
  #tokensAt;
  #recordEndsAt;
  #kindsAt;
  #integerAt;
  #placesAt;
  #othersAt;
  #decimalsAt;
  #scaledAt;
  #powersAt;
  /** Per column, the address of its table of known labels, 0 for none; the tables, one per column; a label's bytes. */
  #tablesAt;
  #labelTablesAt;
  #labelAt;
  #tables;
  #labelTables;
  #label;
  /** A column's table of known labels: its bytes, and the longest label it holds (the C source's layout). */
  #labelTableBytes;
  #labelBytes;
  #columns = 0;
  #batch = 0;
  /**
   * A scanner with a read buffer of `chunkBytes`, or undefined where WebAssembly is off (`node --jitless`) or its
   * memory cannot be had at all (a RangeError): the reader then scans every record in JavaScript, as it did before it
   * had a scanner. (V8 reserves guard pages of address space for a WebAssembly memory and falls back to bounds checks
   * where it cannot: a 1M-row compare ran with the scanner under `ulimit -v 3000000`.)
   */
  static create(chunkBytes) {
    return withModule((api, module) => new _NumericRecordScanner(api, module, chunkBytes));
  }
  constructor(api, module, chunkBytes) {
    this.#memory = new api.Memory({ initial: 16 });
    const instance = new api.Instance(module, { env: { memory: this.#memory } });
    this.#scan = instance.exports.scan_numeric_records;
    this.#insertLabel = instance.exports.insert_label;
    this.#labelTableBytes = instance.exports.label_table_bytes();
    this.#labelBytes = instance.exports.label_bytes();
    let top = instance.exports.__heap_base.value;
    const take = (bytes) => {
      const at = Math.ceil(top / 64) * 64;
      top = at + bytes;
      return at;
    };
    this.#chunkAt = take(chunkBytes);
    this.#valuesAt = take(8 * SCANNER_CELLS);
    this.#startsAt = take(4 * SCANNER_CELLS);
    this.#endsAt = take(4 * SCANNER_CELLS);
    this.#tokensAt = take(4 * SCANNER_CELLS);
    this.#recordEndsAt = take(4 * SCANNER_ROWS);
    this.#kindsAt = take(SCANNER_CELLS);
    this.#integerAt = take(SCANNER_CELLS);
    this.#placesAt = take(SCANNER_CELLS);
    this.#othersAt = take(SCANNER_COLUMNS);
    this.#decimalsAt = take(SCANNER_COLUMNS);
    this.#scaledAt = take(4 * SCANNER_CELLS);
    const powers = powersOfTen();
    if (powers.minPower !== MIN_POWER || powers.maxPower !== MAX_POWER)
      throw new Error("decimal.ts and numeric-records.c disagree on the powers of ten");
    this.#powersAt = take(16 * powers.hi.length);
    this.#tablesAt = take(4 * SCANNER_COLUMNS);
    this.#labelAt = take(this.#labelBytes + 8);
    this.#labelTablesAt = take(this.#labelTableBytes * SCANNER_COLUMNS);
    const pages = Math.ceil(top / 65536);
    if (pages > 16) this.#memory.grow(pages - 16);
    const buffer = this.#memory.buffer;
    this.chunk = new Uint8Array(buffer, this.#chunkAt, chunkBytes);
    this.recordEnds = new Int32Array(buffer, this.#recordEndsAt, SCANNER_ROWS);
    this.#tables = new Int32Array(buffer, this.#tablesAt, SCANNER_COLUMNS);
    this.#labelTables = new Uint8Array(buffer, this.#labelTablesAt, this.#labelTableBytes * SCANNER_COLUMNS);
    this.#label = new Uint8Array(buffer, this.#labelAt, this.#labelBytes + 8);
    const table = new Float64Array(buffer, this.#powersAt, 2 * powers.hi.length);
    table.set(powers.hi);
    table.set(powers.lo, powers.hi.length);
  }
  /**
   * The staging arrays of batches of `batch` rows of `columns` fields (at most {@link SCANNER_CELLS} cells and
   * {@link SCANNER_COLUMNS} columns). A scanner stages one table's batches, so they are zeroed as fresh memory is.
   */
  staging(columns, batch) {
    const cells = columns * batch;
    if (columns > SCANNER_COLUMNS || cells > SCANNER_CELLS || batch > SCANNER_ROWS)
      throw new Error(`staging of ${columns} \xD7 ${batch} cells exceeds the scanner's`);
    if (this.#columns !== 0) throw new Error("a scanner stages one table's batches");
    this.#columns = columns;
    this.#batch = batch;
    const buffer = this.#memory.buffer;
    const decimals = new Uint8Array(buffer, this.#decimalsAt, columns);
    decimals.fill(NO_DECIMALS);
    return {
      decimals,
      scaled: new Int32Array(buffer, this.#scaledAt, cells),
      kinds: new Uint8Array(buffer, this.#kindsAt, cells),
      values: new Float64Array(buffer, this.#valuesAt, cells),
      integer: new Uint8Array(buffer, this.#integerAt, cells),
      places: new Uint8Array(buffer, this.#placesAt, cells),
      starts: new Int32Array(buffer, this.#startsAt, cells),
      ends: new Int32Array(buffer, this.#endsAt, cells),
      tokens: new Int32Array(buffer, this.#tokensAt, cells),
      others: new Uint8Array(buffer, this.#othersAt, columns)
    };
  }
  /**
   * Scans whole simple records of {@link chunk}`[pos, end)` into staging rows `row`, `row + 1`, ..., at most
   * `maxRecords` of them; {@link recordEnds} then holds where each ended.
   *
   * @returns how many records were scanned (0 when the record at `pos` is not one the compiled scan takes)
   */
  scan(pos, end, eof, delimiter, row, maxRecords) {
    return this.#scan(
      this.#chunkAt,
      pos,
      end,
      eof ? 1 : 0,
      delimiter,
      this.#columns,
      this.#batch,
      row,
      maxRecords,
      this.#kindsAt,
      this.#valuesAt,
      this.#integerAt,
      this.#placesAt,
      this.#startsAt,
      this.#endsAt,
      this.#tokensAt,
      this.#othersAt,
      this.#recordEndsAt,
      this.#powersAt,
      this.#tablesAt,
      this.#decimalsAt,
      this.#scaledAt
    );
  }
  /**
   * Adds a label of column `field` with the code its builder gave it to the column's table of known labels (made
   * when the column has none): the scan then stages that label's cells as the code, as the JavaScript scan stages a
   * label its column's cell cache knows. A label longer than 40 bytes, or past the table's first 128, is not taken
   * (its cells are staged as text, for the builder to look up).
   *
   * @returns whether the table holds the label
   */
  addLabel(field, bytes, token) {
    if (bytes.length === 0 || bytes.length > this.#labelBytes) return false;
    const table = this.#labelTablesAt + field * this.#labelTableBytes;
    this.#tables[field] = table;
    this.#label.set(bytes);
    return this.#insertLabel(table, this.#labelAt, bytes.length, token) === 1;
  }
  /** Empties and drops column `field`'s table of known labels: the scan stages its texts as text again. */
  dropLabels(field) {
    if (this.#tables[field] === 0) return;
    this.#tables[field] = 0;
    this.#labelTables.fill(0, field * this.#labelTableBytes, (field + 1) * this.#labelTableBytes);
  }
};
var ScaledDecoder = class _ScaledDecoder {
  #memory;
  #decode;
  #base;
  /** Cells the memory holds room for, and where the integers, the doubles and the range are. */
  #cells = 0;
  #digitsAt = 0;
  #outAt = 0;
  #rangeAt = 0;
  /** A decoder, or undefined where WebAssembly is off (`node --jitless`) or its memory cannot be had. */
  static create() {
    return withModule((api, module) => new _ScaledDecoder(api, module));
  }
  constructor(api, module) {
    this.#memory = new api.Memory({ initial: 16 });
    const instance = new api.Instance(module, { env: { memory: this.#memory } });
    this.#decode = instance.exports.decode_scaled;
    this.#base = Math.ceil(instance.exports.__heap_base.value / 64) * 64;
  }
  /**
   * The cells of `values` as doubles (NaN for a missing one), with the least and greatest present integer written to
   * `range[0]` and `range[1]` (2^31 - 1 and -(2^31 - 1) when none is present) and the number missing.
   */
  decode(values, range) {
    const n = values.digits.length;
    if (n > this.#cells) this.#room(n);
    const buffer = this.#memory.buffer;
    new Int32Array(buffer, this.#digitsAt, n).set(values.digits);
    const missing = this.#decode(this.#digitsAt, n, scaleOf(values.decimals), this.#outAt, this.#rangeAt);
    const found = new Int32Array(buffer, this.#rangeAt, 2);
    range[0] = found[0];
    range[1] = found[1];
    return { out: new Float64Array(buffer, this.#outAt, n), missing };
  }
  /** Grows the memory to hold `n` cells' integers and doubles: it grows to the longest column its caller decodes. */
  #room(n) {
    this.#rangeAt = this.#base;
    this.#digitsAt = this.#base + 64;
    this.#outAt = this.#digitsAt + Math.ceil(4 * n / 64) * 64;
    const pages = Math.ceil((this.#outAt + 8 * n) / 65536);
    const have = this.#memory.buffer.byteLength / 65536;
    if (pages > have) this.#memory.grow(pages - have);
    this.#cells = n;
  }
};

// src/snapshot/row-limit.ts
var RowLimitExceeded = class extends Error {
  constructor(path, maxRows) {
    super(`${path}: more than ${maxRows.toLocaleString("en")} rows`);
    this.path = path;
    this.maxRows = maxRows;
    this.name = "RowLimitExceeded";
  }
  path;
  maxRows;
};

// src/snapshot/double-words.ts
var CANONICAL_NAN_HIGH = 2146959360;
var MINUS_ZERO_HIGH = 2147483648 | 0;
function canonicalHigh(value, high) {
  return value !== value ? CANONICAL_NAN_HIGH : high === MINUS_ZERO_HIGH && value === 0 ? 0 : high;
}
function canonicalLow(value, low) {
  return value !== value ? 0 : low;
}

// src/snapshot/row-facts.ts
function canonicalColumn(column) {
  if (column.type === "string") return column.codes;
  return isScaled(column.values) ? column.values.digits : column.values;
}
function isUniqueInEveryRow(column, rows) {
  return column.type === "string" && column.dictionary.length === rows;
}
var C1 = 3432918353;
var C2 = 461845907;
var P2 = 2246822519;
function murmurWord(state, word) {
  let k = Math.imul(word, C1);
  k = k << 15 | k >>> 17;
  k = Math.imul(k, C2);
  const h = state ^ k;
  return Math.imul(h << 13 | h >>> 19, 5) + 3864292196 | 0;
}
function xxWord(state, word) {
  const h = state + Math.imul(word, P2) | 0;
  return Math.imul(h << 13 | h >>> 19, 2654435761);
}
function distinctSorted(keys) {
  const n = keys.length;
  let from = keys;
  let to = new Uint32Array(n);
  const counts = new Int32Array(2049);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i] >>> shift & 2047) + 1]++;
    for (let d = 1; d <= 2048; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const key = from[i];
      to[counts[key >>> shift & 2047]++] = key;
    }
    [from, to] = [to, from];
  }
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (from[i] !== from[i - 1]) distinct++;
  return distinct;
}
var MAX_KEY_SPACE = 2 ** 32;
var MAX_BITSET_SPACE = 2 ** 28;
var MAX_NUMERIC_DISTINCT = 65536;
function lowCardinalityDuplicates(table) {
  const rows = table.rows;
  let labelSpace = 1;
  for (const column of table.columns)
    if (column.type === "string") labelSpace *= column.dictionary.length + 1;
  if (labelSpace > MAX_KEY_SPACE) return void 0;
  const keys = new Uint32Array(rows);
  let radix = 1;
  for (const column of table.columns) {
    const limit = Math.floor(MAX_KEY_SPACE / radix);
    if (column.type === "string") {
      const distinct2 = column.dictionary.length + 1;
      if (distinct2 > limit) return void 0;
      const codes = column.codes;
      for (let i = 0; i < rows; i++) keys[i] += (codes[i] + 1) * radix;
      radix *= distinct2;
      continue;
    }
    const values = canonicalColumn(column);
    let min = Infinity;
    let max = -Infinity;
    let whole = true;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      if (value !== Math.floor(value)) {
        whole = false;
        break;
      }
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (whole && max - min < Math.min(limit, 65536)) {
      for (let i = 0; i < rows; i++) keys[i] += (values[i] - min) * radix;
      radix *= max - min + 1;
      continue;
    }
    const words = values instanceof Float64Array ? new Int32Array(values.buffer, values.byteOffset, values.length * 2) : void 0;
    let capacity = 64;
    const maxDistinct = Math.min(limit, MAX_NUMERIC_DISTINCT);
    while (capacity < 2 * maxDistinct) capacity <<= 1;
    const mask = capacity - 1;
    const slotLow = new Int32Array(capacity);
    const slotHigh = new Int32Array(capacity);
    const slotCode = new Int32Array(capacity).fill(-1);
    let distinct = 0;
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      const high = words === void 0 ? 0 : canonicalHigh(value, words[2 * i + 1]);
      const low = words === void 0 ? value : canonicalLow(value, words[2 * i]);
      let slot = fmix32(low ^ Math.imul(high, 2654435761)) & mask;
      let code;
      for (; ; ) {
        code = slotCode[slot];
        if (code < 0) {
          if (distinct === maxDistinct) return void 0;
          code = distinct++;
          slotCode[slot] = code;
          slotLow[slot] = low;
          slotHigh[slot] = high;
          break;
        }
        if (slotLow[slot] === low && slotHigh[slot] === high) break;
        slot = slot + 1 & mask;
      }
      keys[i] += code * radix;
    }
    radix *= Math.max(distinct, 1);
  }
  if (radix > MAX_BITSET_SPACE) return rows - distinctSorted(keys);
  const seen = new Int32Array(Math.ceil(radix / 32));
  let distinctRows = 0;
  for (let i = 0; i < rows; i++) {
    const key = keys[i];
    const bit = 1 << (key & 31);
    const word = seen[key >>> 5];
    if ((word & bit) === 0) {
      seen[key >>> 5] = word | bit;
      distinctRows++;
    }
  }
  return rows - distinctRows;
}
var CANDIDATE_SHARE = 1 / 3;
function candidateRows(table) {
  const rows = table.rows;
  const limit = rows * CANDIDATE_SHARE;
  let best;
  for (const column of table.columns)
    if (column.type === "string" && (!best || column.dictionary.length > best.dictionary.length))
      best = column;
  if (!best || rows - best.dictionary.length - 1 >= limit) return void 0;
  const codes = best.codes;
  const seen = new Uint8Array(best.dictionary.length + 1);
  for (let i = 0; i < rows; i++) {
    const slot = codes[i] + 1;
    if (seen[slot] < 2) seen[slot]++;
  }
  let count = 0;
  for (let i = 0; i < rows; i++) if (seen[codes[i] + 1] === 2) count++;
  if (count >= limit) return void 0;
  const candidates = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < rows; i++) if (seen[codes[i] + 1] === 2) candidates[next++] = i;
  return candidates;
}
var SAMPLE = 4096;
var SAMPLE_RUN = 64;
var SAMPLE_BLOCKS = SAMPLE / SAMPLE_RUN;
var MAX_KEY_COLUMNS = 6;
function foldColumn(keys, values, from, blocks, run, stride) {
  if (values instanceof Float64Array) foldNumbers(keys, values, from, blocks, run, stride);
  else foldCodes(keys, values, from, blocks, run, stride);
}
function foldNumbers(keys, values, from, blocks, run, stride) {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let b = 0, i = 0; b < blocks; b++) {
    for (let row = from + b * stride, end = row + run; row < end; row++, i++) {
      const value = values[row];
      const high = canonicalHigh(value, words[2 * row + 1]);
      const low = canonicalLow(value, words[2 * row]);
      let k = Math.imul(low, C1);
      k = Math.imul(k << 15 | k >>> 17, C2);
      let h = keys[i] ^ k;
      h = Math.imul(h << 13 | h >>> 19, 5) + 3864292196 | 0;
      k = Math.imul(high, C1);
      k = Math.imul(k << 15 | k >>> 17, C2);
      h ^= k;
      keys[i] = Math.imul(h << 13 | h >>> 19, 5) + 3864292196 | 0;
    }
  }
}
function foldCodes(keys, codes, from, blocks, run, stride) {
  for (let b = 0, i = 0; b < blocks; b++)
    for (let row = from + b * stride, end = row + run; row < end; row++, i++)
      keys[i] = murmurWord(keys[i], codes[row]);
}
function distinctKeys(keys) {
  const sorted = keys.slice().sort();
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}
function distinctCells(values, cells, stride) {
  for (let at = 0, row = 0; at < cells.length; at += SAMPLE_RUN, row += stride)
    cells.set(values.subarray(row, row + SAMPLE_RUN), at);
  cells.sort();
  let distinct = 0;
  let missing = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== cell) missing = 1;
    else if (i === 0 || cell !== cells[i - 1]) distinct++;
  }
  return distinct + missing;
}
var KEY_BLOCK = 4096;
function foldKeyBlocks(canonical, columns, rows, onBlock) {
  const keys = new Int32Array(KEY_BLOCK);
  for (let from = 0; from < rows; from += KEY_BLOCK) {
    const count = Math.min(KEY_BLOCK, rows - from);
    keys.fill(758484428);
    for (const c of columns) foldColumn(keys, canonical[c], from, 1, count, 0);
    onBlock(keys, from, count);
  }
}
function partialKeyCandidates(canonical, rows) {
  const columns = canonical.length;
  if (rows < 4 * SAMPLE || columns < 2) return void 0;
  const stride = Math.floor(rows / SAMPLE_BLOCKS);
  const rankSample = SAMPLE / 4;
  const cells = new Float64Array(rankSample);
  const distinct = [];
  for (const values of canonical) {
    distinct.push(distinctCells(values, cells, 4 * stride));
    if (distinct.at(-1) === rankSample) break;
  }
  const order = distinct.map((_, c) => c).sort((a, b) => distinct[b] - distinct[a] || a - b);
  const repeatsAllowed = Math.floor(SAMPLE * SAMPLE / (16 * rows));
  const sampleKeys = new Int32Array(SAMPLE);
  const chosen = [];
  let keyed = false;
  for (const c of order) {
    if (chosen.length === MAX_KEY_COLUMNS || 2 * (chosen.length + 1) > columns) break;
    foldColumn(sampleKeys, canonical[c], 0, SAMPLE_BLOCKS, SAMPLE_RUN, stride);
    chosen.push(c);
    keyed = SAMPLE - distinctKeys(sampleKeys) <= repeatsAllowed;
    if (keyed) break;
  }
  if (!keyed) return void 0;
  const margin = order[chosen.length] ?? (distinct.length < columns ? distinct.length : void 0);
  if (margin !== void 0 && chosen.length < MAX_KEY_COLUMNS && 2 * (chosen.length + 1) <= columns)
    chosen.push(margin);
  const keys = new Int32Array(rows);
  foldKeyBlocks(canonical, chosen, rows, (block, from, count) => {
    for (let i = 0; i < count; i++) keys[from + i] = fmix32(block[i]);
  });
  return repeatedKeys(keys, rows, rows * CANDIDATE_SHARE)?.indices.sort();
}
var HINT_SAMPLE = 1024;
function distinctColumnHint(table) {
  const rows = table.rows;
  if (rows < 4 * SAMPLE) return void 0;
  const stride = Math.floor(rows / (HINT_SAMPLE / SAMPLE_RUN));
  const cells = new Float64Array(HINT_SAMPLE);
  for (const column of table.columns) {
    if (column.type !== "float" && column.type !== "int" || isScaled(column.values)) continue;
    if (distinctCells(column.values, cells, stride) === HINT_SAMPLE) return column.name;
  }
  return void 0;
}
function searchDuplicatedRows(table, options = {}) {
  const rows = table.rows;
  const none = { duplicated: 0, probes: 0, maxProbes: 0, method: "hash" };
  if (rows < 2 || table.columns.length === 0) return none;
  if (table.columns.some((column) => isUniqueInEveryRow(column, rows))) return none;
  const canonical = table.columns.map((column) => canonicalColumn(column));
  const narrow = table.columns.map((column) => column.type === "string" && column.dictionary.length <= 255);
  const candidates = options.candidates === false ? void 0 : candidateRows(table) ?? partialKeyCandidates(canonical, rows);
  if (candidates !== void 0) {
    const found = hashSearch(canonical, candidates.length, candidates, narrow);
    return { ...found, method: "candidates" };
  }
  const few = options.lowCardinality === false ? void 0 : lowCardinalityDuplicates(table);
  if (few !== void 0) return { duplicated: few, probes: 0, maxProbes: 0, method: "keys" };
  return { ...hashSearch(canonical, rows, void 0, narrow), method: "hash" };
}
function hashSearch(canonical, count, at, narrow = []) {
  if (count < 2) return { duplicated: 0, probes: 0, maxProbes: 0 };
  const lane1 = new Int32Array(count).fill(758484428);
  const lane2 = new Int32Array(count).fill(374761393);
  const packed = /* @__PURE__ */ new Set();
  const narrowColumns = canonical.filter(
    (values, index) => values instanceof Int32Array && narrow[index] === true
  );
  for (let p = 0; p + 4 <= narrowColumns.length; p += 4) {
    const [a, b, c, d] = narrowColumns.slice(p, p + 4);
    for (let i = 0; i < count; i++) {
      const row = at === void 0 ? i : at[i];
      const word = a[row] + 1 | b[row] + 1 << 8 | c[row] + 1 << 16 | d[row] + 1 << 24;
      lane1[i] = murmurWord(lane1[i], word);
      lane2[i] = xxWord(lane2[i], word);
    }
    for (const values of [a, b, c, d]) packed.add(values);
  }
  for (const values of canonical) {
    if (packed.has(values)) continue;
    if (values instanceof Float64Array) {
      const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
      for (let i = 0; i < count; i++) {
        const row = at === void 0 ? i : at[i];
        const value = values[row];
        const high = canonicalHigh(value, words[2 * row + 1]);
        const low = canonicalLow(value, words[2 * row]);
        lane1[i] = murmurWord(murmurWord(lane1[i], low), high);
        lane2[i] = xxWord(xxWord(lane2[i], high), low);
      }
    } else if (at === void 0) {
      for (let i = 0; i < count; i++) {
        const code = values[i];
        lane1[i] = murmurWord(lane1[i], code);
        lane2[i] = xxWord(lane2[i], code);
      }
    } else {
      for (let i = 0; i < count; i++) {
        const code = values[at[i]];
        lane1[i] = murmurWord(lane1[i], code);
        lane2[i] = xxWord(lane2[i], code);
      }
    }
  }
  const columns = canonical.length;
  for (let i = 0; i < count; i++) {
    lane1[i] = fmix32(lane1[i] ^ Math.imul(columns, 8));
    lane2[i] = fmix32(lane2[i] ^ lane1[i]);
  }
  let capacity = 1;
  while (capacity < count * 2) capacity <<= 1;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const equalRows = (a, b) => {
    const rowA = at === void 0 ? a : at[a];
    const rowB = at === void 0 ? b : at[b];
    for (const values of canonical) {
      const x = values[rowA];
      const y = values[rowB];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  };
  let duplicated = 0;
  let probes = 0;
  let maxProbes = 0;
  for (let i = 0; i < count; i++) {
    const high = lane1[i];
    const low = lane2[i];
    let slot = low & mask;
    let probe = 0;
    for (; ; ) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = i;
        break;
      }
      if (lane2[other] === low && lane1[other] === high && equalRows(other, i)) {
        duplicated++;
        break;
      }
      slot = slot + 1 & mask;
      probe++;
    }
    probes += probe;
    if (probe > maxProbes) maxProbes = probe;
  }
  return { duplicated, probes, maxProbes };
}
function countDuplicatedRows(table) {
  return searchDuplicatedRows(table).duplicated;
}
function hasMissing(column) {
  if (column.type === "string") {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) return true;
    return false;
  }
  const values = column.values;
  if (isScaled(values)) return values.digits.includes(MISSING_DIGITS);
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}
function countEmptyRows(table) {
  const { rows, columns } = table;
  if (columns.length === 0 || !columns.every(hasMissing)) return 0;
  const missingPerRow = new Uint32Array(rows);
  for (const column of columns) {
    if (column.type === "string") {
      for (let r = 0; r < rows; r++) if (column.codes[r] < 0) missingPerRow[r]++;
    } else if (isScaled(column.values)) {
      const digits = column.values.digits;
      for (let r = 0; r < rows; r++) if (digits[r] === MISSING_DIGITS) missingPerRow[r]++;
    } else {
      const values = column.values;
      for (let r = 0; r < rows; r++) if (Number.isNaN(values[r])) missingPerRow[r]++;
    }
  }
  let empty = 0;
  for (let r = 0; r < rows; r++) if (missingPerRow[r] === columns.length) empty++;
  return empty;
}
function rowFactsOf(table) {
  return { duplicatedRows: countDuplicatedRows(table), emptyRows: countEmptyRows(table) };
}

// src/snapshot/index.ts
import { statSync } from "node:fs";
import { extname } from "node:path";

// src/snapshot/byte-source.ts
import { createReadStream, fstatSync, readSync, closeSync } from "node:fs";
import { pipeline } from "node:stream";
import { TextDecoder as TextDecoder2, TextEncoder } from "node:util";
import { createGunzip } from "node:zlib";
function isGzipPath(path) {
  return /\.gz$/i.test(path);
}
function fileSource(path, onBytes) {
  const fd = openForReading(path);
  return {
    read: onBytes ? (buffer, offset, length) => {
      const count = readSync(fd, buffer, offset, length, null);
      if (count > 0) onBytes(count);
      return count;
    } : (buffer, offset, length) => readSync(fd, buffer, offset, length, null),
    expectedBytes: fstatSync(fd).size,
    close: () => closeSync(fd)
  };
}
function recordedSize(fd) {
  const size = fstatSync(fd).size;
  if (size < 18) return 0;
  const trailer = new Uint8Array(4);
  readSync(fd, trailer, 0, 4, size - 4);
  return new DataView(trailer.buffer).getUint32(0, true);
}
function gzipSource(path, onBytes) {
  const fd = openForReading(path);
  let expectedBytes;
  try {
    expectedBytes = recordedSize(fd);
  } finally {
    closeSync(fd);
  }
  const file = createReadStream(path);
  if (onBytes) file.on("data", (chunk) => onBytes(chunk.length));
  const inflater = createGunzip();
  pipeline(file, inflater, () => void 0);
  const chunks = inflater[Symbol.asyncIterator]();
  let pending;
  let at = 0;
  let done = false;
  const fail = (error) => {
    throw new UserError(
      "PARSE",
      `${path}: not readable as gzip (${error instanceof Error ? error.message : String(error)})`
    );
  };
  return {
    async read(buffer, offset, length) {
      while (!done && (pending === void 0 || at === pending.length)) {
        const next = await chunks.next().catch(fail);
        if (next.done) done = true;
        else {
          pending = next.value;
          at = 0;
        }
      }
      if (done && (pending === void 0 || at === pending.length)) return 0;
      const count = Math.min(length, pending.length - at);
      buffer.set(pending.subarray(at, at + count), offset);
      at += count;
      return count;
    },
    expectedBytes,
    close: () => {
      file.destroy();
      inflater.destroy();
    }
  };
}
function utf16ByteOrder(head) {
  if (head.length < 2) return void 0;
  if (head[0] === 255 && head[1] === 254) return "utf-16le";
  if (head[0] === 254 && head[1] === 255) return "utf-16be";
  return void 0;
}
var HEAD_BYTES = 1 << 16;
function decodingUtf16(inner, path) {
  let mode = "unknown";
  let pending = new Uint8Array(0);
  let at = 0;
  let innerDone = false;
  let decoder3;
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(HEAD_BYTES);
  const readInner = async () => {
    const count = await inner.read(chunk, 0, chunk.length);
    if (count === 0) innerDone = true;
    return chunk.subarray(0, count);
  };
  const decode = (bytes, last) => {
    try {
      return encoder.encode(decoder3.decode(bytes, { stream: !last }));
    } catch {
      throw new UserError(
        "PARSE",
        `${path}: not valid ${mode === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} text after its byte order mark`
      );
    }
  };
  const start = async () => {
    let bytes = (await readInner()).slice();
    while (bytes.length < 2 && !innerDone) {
      const more = await readInner();
      const joined = new Uint8Array(bytes.length + more.length);
      joined.set(bytes);
      joined.set(more, bytes.length);
      bytes = joined;
    }
    const order = utf16ByteOrder(bytes);
    if (order === void 0) {
      mode = "plain";
      pending = bytes;
      return;
    }
    mode = order;
    decoder3 = new TextDecoder2(order, { fatal: true, ignoreBOM: false });
    pending = decode(bytes, innerDone);
  };
  const serve = (buffer, offset, length) => {
    const count = Math.min(length, pending.length - at);
    buffer.set(pending.subarray(at, at + count), offset);
    at += count;
    return count;
  };
  const readSlow = async (buffer, offset, length) => {
    if (mode === "unknown") await start();
    if (at < pending.length) return serve(buffer, offset, length);
    if (mode === "plain") return inner.read(buffer, offset, length);
    while (at === pending.length && !innerDone) {
      const bytes = await readInner();
      pending = decode(bytes, innerDone);
      at = 0;
    }
    return at < pending.length ? serve(buffer, offset, length) : 0;
  };
  return {
    // Once the head is served, plain text is read straight from the file (synchronously when the file is plain).
    read: (buffer, offset, length) => mode === "plain" && at === pending.length ? inner.read(buffer, offset, length) : readSlow(buffer, offset, length),
    expectedBytes: inner.expectedBytes,
    close: () => inner.close()
  };
}
function openByteSource(path, onBytes) {
  return decodingUtf16(isGzipPath(path) ? gzipSource(path, onBytes) : fileSource(path, onBytes), path);
}

// src/snapshot/csv.ts
var QUOTE = 34;
var LF = 10;
var CR = 13;
var CHUNK_BYTES = 2 * 1024 * 1024;
var INFINITY_TOKENS = /* @__PURE__ */ new Map([
  ["inf", Infinity],
  ["+inf", Infinity],
  ["-inf", -Infinity],
  ["Inf", Infinity],
  ["-Inf", -Infinity],
  ["INF", Infinity],
  ["-INF", -Infinity],
  ["Infinity", Infinity],
  ["+Infinity", Infinity],
  ["-Infinity", -Infinity]
]);
var NUMBER_PATTERN = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
var INTEGER_PATTERN = /^\s*[+-]?\d+\s*$/;
function classifyText(bytes, text) {
  const infinity = INFINITY_TOKENS.get(text);
  if (infinity !== void 0)
    return { bytes, text, number: infinity, isInteger: false, missing: false, token: -1 };
  if (NUMBER_PATTERN.test(text))
    return {
      bytes,
      text,
      number: Number(text),
      isInteger: INTEGER_PATTERN.test(text),
      missing: false,
      token: -1
    };
  return { bytes, text, number: Number.NaN, isInteger: false, missing: MISSING_TOKENS.has(text), token: -1 };
}
var CELL_CACHE_LIMIT = 65536;
var FEW_CELLS = 128;
var FEW_SLOT_BITS = 8;
var FEW_SLOT_MASK = (1 << FEW_SLOT_BITS) - 1;
function shortWord(buf, start, length) {
  let value = 0;
  for (let i = 0; i < length; i++) value |= buf[start + i] << 8 * i;
  return value;
}
var CellCache = class {
  /**
   * @param escaped the cells' bytes are those of quoted fields with a doubled quote (`""`) for each quote of their
   *   text: a column keeps one cache for such cells and one for cells whose bytes are their text, so equal bytes
   *   always mean equal texts within a cache
   */
  constructor(escaped) {
    this.escaped = escaped;
  }
  escaped;
  buckets = /* @__PURE__ */ new Map();
  size = 0;
  /** The few cells' keys by slot (length -1: an empty slot), and the cells. */
  slotLength = new Int32Array(1 << FEW_SLOT_BITS).fill(-1);
  slotHead = new Int32Array(1 << FEW_SLOT_BITS);
  slotTail = new Int32Array(1 << FEW_SLOT_BITS);
  slotCell = new Array(
    1 << FEW_SLOT_BITS
  ).fill(void 0);
  /**
   * The few cells' codes once their builder has given them one (-1 before): what {@link token} returns, read from a
   * typed array rather than through the cell object (a code never changes once given).
   */
  slotToken = new Int32Array(1 << FEW_SLOT_BITS).fill(-1);
  few = 0;
  /** The few cells' slots in the order they came, and how many of them {@link mirror} has handed on. */
  fewSlots = new Int32Array(FEW_CELLS);
  mirrored = 0;
  /** `buf` of the last look-up, and a view of it that reads four bytes at once. */
  viewed;
  view = new DataView(new ArrayBuffer(0));
  /**
   * The code or value its builder gave the cell `buf[start, end)` when it is one of the few cells and has one, else
   * -1: the look-up of {@link get} without its insertion, for the scan to settle a label cell while its bytes are at
   * hand.
   */
  token(buf, start, end) {
    const slot = this.find(buf, start, end);
    if (slot < 0) return -1;
    const known = this.slotToken[slot];
    return known >= 0 ? known : this.slotToken[slot] = this.slotCell[slot].token;
  }
  /** The key of the cell {@link find} looked up last: its first and last four bytes. */
  head = 0;
  tail = 0;
  /**
   * The slot of the few-cell table holding the cell `buf[start, end)`, or `-1 - slot` of the empty slot where the
   * look-up ended (where the cell goes if it becomes one of the few); the cell's key is left in {@link head} and
   * {@link tail}.
   */
  find(buf, start, end) {
    if (buf !== this.viewed) {
      this.viewed = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const length = end - start;
    const head = length >= 4 ? this.view.getInt32(start, true) : shortWord(buf, start, length);
    const tail = length > 4 ? this.view.getInt32(end - 4, true) : 0;
    this.head = head;
    this.tail = tail;
    let slot = Math.imul(head ^ Math.imul(tail ^ length, 2654435761), 2246822507) >>> 32 - FEW_SLOT_BITS;
    for (; ; ) {
      const known = this.slotLength[slot];
      if (known < 0) return -1 - slot;
      if (known === length && this.slotHead[slot] === head && this.slotTail[slot] === tail) {
        if (length <= 8) return slot;
        const bytes = this.slotCell[slot].bytes;
        let i = 4;
        while (i < length - 4 && bytes[i] === buf[start + i]) i++;
        if (i >= length - 4) return slot;
      }
      slot = slot + 1 & FEW_SLOT_MASK;
    }
  }
  /**
   * Keeps the compiled scan's table of known labels of column `field` in step with this cache: while the column is a
   * label column (`labels`), each of the few cells that has a code, once, as its builder gave it (which is what
   * {@link token} returns for it); else no table. A cell gets its code in the flush that first meets it, so by the
   * flush's end every few cell that will have one has it.
   */
  mirror(scanner, field, labels) {
    if (!labels) {
      scanner.dropLabels(field);
      this.mirrored = 0;
      return;
    }
    for (; this.mirrored < this.few; this.mirrored++) {
      const cell = this.slotCell[this.fewSlots[this.mirrored]];
      if (cell.token >= 0) scanner.addLabel(field, cell.bytes, cell.token);
    }
  }
  get(buf, start, end) {
    const found = this.find(buf, start, end);
    if (found >= 0) return this.slotCell[found];
    const length = end - start;
    let hash = 2166136261 ^ length;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i], 16777619);
    const bucket = this.buckets.get(hash);
    if (bucket) {
      outer: for (const cell2 of bucket) {
        if (cell2.bytes.length !== length) continue;
        for (let i = 0; i < length; i++) if (cell2.bytes[i] !== buf[start + i]) continue outer;
        return cell2;
      }
    }
    const bytes = buf.slice(start, end);
    const text = decodeField(buf, start, end, this.escaped);
    const cell = classifyText(bytes, text);
    if (this.few < FEW_CELLS) {
      const slot = -1 - found;
      this.fewSlots[this.few] = slot;
      this.few++;
      this.slotLength[slot] = length;
      this.slotHead[slot] = this.head;
      this.slotTail[slot] = this.tail;
      this.slotCell[slot] = cell;
    } else if (this.size < CELL_CACHE_LIMIT) {
      this.size++;
      if (bucket) bucket.push(cell);
      else this.buckets.set(hash, [cell]);
    }
    return cell;
  }
};
function pushClassified(builder, cell) {
  if (cell.token >= 0) builder.replayText(cell.token);
  else if (!Number.isNaN(cell.number)) builder.pushNumber(cell.number, cell.isInteger);
  else if (cell.missing) builder.pushMissing();
  else cell.token = builder.pushTextToken(cell.text);
}
var decoder = new TextDecoder("utf-8");
function decodeField(buf, start, end, quoted) {
  const text = decoder.decode(buf.subarray(start, end));
  return quoted ? text.replaceAll('""', '"') : text;
}
function scanRecord(buf, pos, length, eof, delimiter, scan, where) {
  scan.count = 0;
  scan.newlines = 0;
  let i = pos;
  for (; ; ) {
    if (scan.count === scan.starts.length) {
      const grow = (array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      scan.starts = grow(scan.starts);
      scan.ends = grow(scan.ends);
      const quoted = new Uint8Array(scan.quoted.length * 2);
      quoted.set(scan.quoted);
      scan.quoted = quoted;
    }
    const field = scan.count;
    if (i < length && buf[i] === QUOTE) {
      let j = i + 1;
      for (; ; ) {
        if (j >= length) {
          if (!eof) return -1;
          throw new UserError("PARSE", `${where()}: unterminated quoted field`);
        }
        const c2 = buf[j];
        if (c2 === QUOTE) {
          if (j + 1 < length && buf[j + 1] === QUOTE) {
            j += 2;
            continue;
          }
          if (j + 1 >= length && !eof) return -1;
          break;
        }
        if (c2 === LF) scan.newlines++;
        j++;
      }
      scan.starts[field] = i + 1;
      scan.ends[field] = j;
      scan.quoted[field] = 1;
      scan.count++;
      i = j + 1;
      if (i < length && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR)
        throw new UserError(
          "PARSE",
          `${where()}: unexpected character after closing quote of field ${field + 1}`
        );
    } else {
      let j = i;
      while (j < length) {
        const c2 = buf[j];
        if (c2 === delimiter || c2 === LF || c2 === CR) break;
        j++;
      }
      if (j >= length && !eof) return -1;
      scan.starts[field] = i;
      scan.ends[field] = j;
      scan.quoted[field] = 0;
      scan.count++;
      i = j;
    }
    if (i >= length) return i;
    const c = buf[i];
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= length && !eof) return -1;
      if (i + 1 < length && buf[i + 1] === LF) i++;
    }
    scan.newlines++;
    return i + 1;
  }
}
var NUMBER = 0;
var EMPTY = MISSING_KIND;
var OTHER = 2;
var ESCAPED = 3;
var CODE = 4;
var SAW_EMPTY = 1;
var SAW_OTHER = 2;
var SAW_FRACTION = 4;
var SAW_UNSCALED = 8;
var BATCH_CELLS = 16384;
function fieldsFor(columns, scanner) {
  const batch = Math.min(1024, Math.max(16, Math.floor(BATCH_CELLS / Math.max(1, columns))));
  const cells = columns * batch;
  const compiled2 = scanner !== void 0 && columns <= SCANNER_COLUMNS;
  return {
    batch,
    ...compiled2 ? scanner.staging(columns, batch) : {
      kinds: new Uint8Array(cells),
      values: new Float64Array(cells),
      integer: new Uint8Array(cells),
      places: new Uint8Array(cells),
      starts: new Int32Array(cells),
      ends: new Int32Array(cells),
      others: new Uint8Array(columns),
      tokens: new Int32Array(cells)
    },
    codes: new Int32Array(batch),
    labelCaches: new Array(columns).fill(void 0),
    row: 0,
    count: 0,
    compiled: compiled2,
    scriptStaged: false
  };
}
function scanNumericRecord(buf, pos, length, eof, delimiter, fields) {
  const { batch, kinds, values, integer, places, starts, ends, others, tokens, labelCaches } = fields;
  const columns = others.length;
  let i = pos;
  let field = 0;
  let at = fields.row;
  for (; ; ) {
    if (field === columns) return -1;
    let j = i;
    let cellStart = -1;
    let cellEnd = -1;
    const c = i < length ? buf[i] : -1;
    if (c === delimiter || c === LF || c === CR || c === -1) {
      if (c === -1 && !eof) return -1;
      kinds[at] = EMPTY;
      tokens[at] = -1;
      others[field] |= SAW_EMPTY;
    } else if (c === QUOTE) {
      let q = i + 1;
      let escaped = false;
      for (; ; ) {
        if (q >= length) return -1;
        const b = buf[q];
        if (b === QUOTE) {
          if (q + 1 >= length && !eof) return -1;
          if (q + 1 < length && buf[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (b === LF || b === CR) return -1;
        q++;
      }
      j = q + 1;
      const after = j < length ? buf[j] : -1;
      if (after !== delimiter && after !== LF && after !== CR && after !== -1) return -1;
      if (q === i + 1) {
        kinds[at] = EMPTY;
        tokens[at] = -1;
        others[field] |= SAW_EMPTY;
      } else {
        const cache = escaped ? void 0 : labelCaches[field];
        const token = cache === void 0 ? -1 : cache.token(buf, i + 1, q);
        kinds[at] = token >= 0 ? CODE : escaped ? ESCAPED : OTHER;
        tokens[at] = token;
        others[field] |= SAW_OTHER;
      }
      cellStart = i + 1;
      cellEnd = q;
    } else if (c > 57) {
      j = i + 1;
      while (j < length) {
        const d = buf[j];
        if (d === delimiter || d === LF || d === CR) break;
        j++;
      }
      const cache = labelCaches[field];
      const token = cache === void 0 ? -1 : cache.token(buf, i, j);
      kinds[at] = token >= 0 ? CODE : OTHER;
      tokens[at] = token;
      others[field] |= SAW_OTHER;
    } else {
      const negative = c === 45;
      const digitsStart = negative ? i + 1 : i;
      let k = digitsStart;
      let mantissa = 0;
      let point = -1;
      const limit = digitsStart + 15 < length ? digitsStart + 15 : length;
      for (; k < limit; k++) {
        const d = buf[k] - 48;
        if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
        else break;
      }
      if (k < limit && buf[k] === 46) {
        point = k++;
        while (k + 4 <= limit) {
          const word = buf[k] | buf[k + 1] << 8 | buf[k + 2] << 16 | buf[k + 3] << 24;
          if ((word & 4042322160 | (word + 101058054 & 4042322160) >>> 4) !== 858993459) break;
          const pairs = (word - 808464432) * 10 + (word - 808464432 >>> 8);
          mantissa = mantissa * 1e4 + ((pairs & 255) * 100 + (pairs >>> 16 & 255));
          k += 4;
        }
        for (; k < limit; k++) {
          const d = buf[k] - 48;
          if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
          else break;
        }
      }
      let digits = k - digitsStart - (point < 0 ? 0 : 1);
      let stop = k < length ? buf[k] : -1;
      if (digits > 0 && (stop === delimiter || stop === LF || stop === CR || stop === -1 && eof)) {
        const value2 = point < 0 ? mantissa : mantissa / POW10[k - point - 1];
        kinds[at] = NUMBER;
        values[at] = value2 * (negative ? -1 : 1);
        integer[at] = point < 0 ? 1 : 0;
        places[at] = mantissa === 0 && negative ? UNKNOWN_PLACES : point < 0 ? 0 : k - point - 1;
        starts[at] = i;
        ends[at] = k;
        field++;
        at += batch;
        if (stop === delimiter) {
          i = k + 1;
          continue;
        }
        if (stop === -1) {
          fields.count = field;
          return k;
        }
        j = k;
        if (stop === CR) {
          if (j + 1 >= length && !eof) return -1;
          if (j + 1 < length && buf[j + 1] === LF) j++;
        }
        fields.count = field;
        return j + 1;
      }
      let low = 0;
      let lowDigits = 0;
      if (k === limit) {
        for (; k < length; k++) {
          const d = buf[k] - 48;
          if (d >= 0 && d <= 9) {
            low = low * 10 + d;
            lowDigits++;
          } else if (d === -2 && point < 0) point = k;
          else break;
        }
        stop = k < length ? buf[k] : -1;
      }
      digits += lowDigits;
      if (digits > 0 && lowDigits <= 8 && mantissa * POW10[lowDigits] < 1e20) {
        let power = point < 0 ? 0 : point + 1 - k;
        let e = k;
        if (stop === 101 || stop === 69) {
          e++;
          const sign = e < length ? buf[e] : -1;
          if (sign === 45 || sign === 43) e++;
          const exponentStart = e;
          let exponent = 0;
          for (; e < length; e++) {
            const d = buf[e] - 48;
            if (d < 0 || d > 9) break;
            if (exponent < 1e5) exponent = exponent * 10 + d;
          }
          power += sign === 45 ? -exponent : exponent;
          stop = e === exponentStart ? 0 : e < length ? buf[e] : -1;
        }
        const value2 = stop === delimiter || stop === LF || stop === CR || stop === -1 && eof ? decimalValue(mantissa, low, lowDigits, power) : Number.NaN;
        if (value2 === value2) {
          const plain = e === k && digits <= 15;
          kinds[at] = NUMBER;
          values[at] = value2 * (negative ? -1 : 1);
          integer[at] = point < 0 && e === k ? 1 : 0;
          places[at] = plain && !(value2 === 0 && negative) ? point < 0 ? 0 : k - point - 1 : UNKNOWN_PLACES;
          starts[at] = i;
          ends[at] = e;
          field++;
          at += batch;
          if (stop === delimiter) {
            i = e + 1;
            continue;
          }
          if (stop === -1) {
            fields.count = field;
            return e;
          }
          j = e;
          if (stop === CR) {
            if (j + 1 >= length && !eof) return -1;
            if (j + 1 < length && buf[j + 1] === LF) j++;
          }
          fields.count = field;
          return j + 1;
        }
        stop = k < length ? buf[k] : -1;
      }
      const further = c === 43 || digits > 15 || digits > 0 && (stop === 101 || stop === 69) || stop === -1;
      j = further ? readNumber(buf, i, length) : k;
      const after = j < length ? buf[j] : -1;
      const value = further ? lastDecimal.value : Number.NaN;
      if ((after === delimiter || after === LF || after === CR || after === -1) && value === value) {
        kinds[at] = NUMBER;
        values[at] = value;
        integer[at] = lastDecimal.isInteger ? 1 : 0;
        places[at] = UNKNOWN_PLACES;
      } else {
        while (j < length) {
          const d = buf[j];
          if (d === delimiter || d === LF || d === CR) break;
          j++;
        }
        kinds[at] = OTHER;
        others[field] |= SAW_OTHER;
      }
    }
    if (j >= length && !eof) return -1;
    starts[at] = cellStart < 0 ? i : cellStart;
    ends[at] = cellStart < 0 ? j : cellEnd;
    field++;
    at += batch;
    if (j >= length) {
      fields.count = field;
      return j;
    }
    const end = buf[j];
    if (end === delimiter) {
      i = j + 1;
      continue;
    }
    if (end === CR) {
      if (j + 1 >= length && !eof) return -1;
      if (j + 1 < length && buf[j + 1] === LF) j++;
    }
    fields.count = field;
    return j + 1;
  }
}
var MIN_BACKOFF = 16;
var MAX_BACKOFF = 65536;
async function forEachRecord(path, delimiter, onRecord, fast, onBytes) {
  const source = openByteSource(path, onBytes);
  const progress = { offset: 0, size: source.expectedBytes };
  let base = 0;
  try {
    const scanner = fast?.scanner;
    let buf = scanner ? scanner.chunk : new Uint8Array(CHUNK_BYTES);
    let skip = 0;
    let backoff = MIN_BACKOFF;
    let length = 0;
    let eof = false;
    let line = 1;
    let first = true;
    const scan = {
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      quoted: new Uint8Array(64),
      count: 0,
      newlines: 0
    };
    const where = () => `${path}:${line}`;
    while (!eof || length > 0) {
      if (!eof) {
        if (length === buf.length) {
          const bigger = new Uint8Array(buf.length * 2);
          bigger.set(buf);
          buf = bigger;
        }
        const got = source.read(buf, length, buf.length - length);
        const read = typeof got === "number" ? got : await got;
        if (read === 0) eof = true;
        length += read;
      }
      let pos = 0;
      if (first && length >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) pos = 3;
      if (first && (length > 0 || eof)) first = false;
      let scanEnd = length;
      if (!eof) while (scanEnd > pos && buf[scanEnd - 1] !== LF && buf[scanEnd - 1] !== CR) scanEnd--;
      while (pos < length) {
        if (buf[pos] === LF || buf[pos] === CR) {
          if (buf[pos] === CR && pos + 1 < length && buf[pos + 1] === LF) pos++;
          else if (buf[pos] === CR && pos + 1 >= length && !eof) break;
          pos++;
          line++;
          continue;
        }
        if (fast?.fields) {
          const fields = fast.fields;
          if (skip === 0 && pos < scanEnd && fields.compiled && buf === scanner.chunk) {
            const records = scanner.scan(pos, scanEnd, eof, delimiter, fields.row, fast.room());
            if (records > 0) {
              fields.count = fields.others.length;
              const recordEnds = scanner.recordEnds;
              for (let r = 0; r < records; r++) {
                progress.offset = base + recordEnds[r];
                fast.onRecord(buf, fields, line, progress);
                line++;
              }
              pos = recordEnds[records - 1];
              backoff = MIN_BACKOFF;
              continue;
            }
            skip = backoff;
            backoff = Math.min(2 * backoff, MAX_BACKOFF);
          }
          if (skip > 0) skip--;
          const next2 = scanNumericRecord(buf, pos, scanEnd, eof, delimiter, fields);
          if (next2 >= 0) {
            fields.scriptStaged = true;
            progress.offset = base + next2;
            fast.onRecord(buf, fast.fields, line, progress);
            line++;
            pos = next2;
            continue;
          }
        }
        const next = scanRecord(buf, pos, length, eof, delimiter, scan, where);
        if (next < 0) break;
        progress.offset = base + next;
        fast?.flush(buf);
        onRecord(buf, scan, line, progress);
        line += scan.newlines;
        pos = next;
      }
      fast?.flush(buf);
      if (eof && pos >= length) break;
      buf.copyWithin(0, pos, length);
      base += pos;
      length -= pos;
      if (eof && length > 0 && pos === 0) throw new UserError("PARSE", `${where()}: could not parse record`);
    }
  } finally {
    source.close();
  }
}
async function readDelimited(path, options) {
  const { delimiter } = options;
  let header;
  let builders = [];
  let caches = [];
  let escapedCaches = [];
  let rows = 0;
  let headerBytes = 0;
  const { spill } = options;
  const maxRows = options.maxRows ?? Infinity;
  let blockRows = 0;
  let blockStart = 0;
  const startRow = (fields, line, progress) => {
    if (fields !== header.length)
      throw new UserError(
        "RAGGED_ROW",
        `${path}:${line}: expected ${header.length} fields, found ${fields}`
      );
    if (spill && rows - blockStart === blockRows) {
      spill.drain(builders, blockStart);
      blockStart = rows;
    }
    if (rows === maxRows) throw new RowLimitExceeded(path, maxRows);
    rows++;
    if (rows === 4096 && !spill) {
      const estimate = Math.min(
        Math.ceil((progress.size - headerBytes) / (progress.offset - headerBytes) * rows * 1.02) + 64,
        maxRows
      );
      let bytes = 0;
      for (const builder of builders) bytes += ColumnArena.part(builder?.reserveBytes(estimate) ?? 0);
      const arena = new ColumnArena(bytes, options.sharedMemory ?? false);
      for (const builder of builders) builder?.reserve(estimate, arena);
    }
  };
  const fast = {
    fields: void 0,
    scanner: (options.batches ?? true) && (options.compiledScan ?? true) ? NumericRecordScanner.create(CHUNK_BYTES) : void 0,
    room() {
      const fields = this.fields;
      const room = fields.batch - fields.row;
      if (!spill) return room;
      const left = blockRows - (rows - blockStart);
      return Math.min(room, left > 0 ? left : blockRows);
    },
    onRecord(buf, fields, line, progress) {
      startRow(fields.count, line, progress);
      fields.row++;
      if (fields.row === fields.batch || spill && rows - blockStart === blockRows) this.flush(buf);
    },
    flush(buf) {
      const fields = this.fields;
      if (!fields || fields.row === 0) return;
      const {
        batch,
        kinds,
        values,
        integer,
        places,
        starts,
        ends,
        others,
        tokens,
        labelCaches,
        decimals,
        scaled
      } = fields;
      const count = fields.row;
      fields.row = 0;
      const wholeScaled = scaled !== void 0 && !fields.scriptStaged;
      fields.scriptStaged = false;
      for (let f = 0; f < others.length; f++) {
        const builder = builders[f];
        const from = f * batch;
        const seen = others[f];
        others[f] = 0;
        if (!builder) continue;
        if ((seen & SAW_OTHER) === 0 && !builder.bytesLabels) {
          if (wholeScaled && (seen & SAW_UNSCALED) === 0 && decimals[f] === builder.scaledDecimals)
            builder.pushScaledRun(scaled, from, count, (seen & SAW_FRACTION) !== 0, (seen & SAW_EMPTY) !== 0);
          else
            builder.pushNumbers(values, integer, from, count, places, seen & SAW_EMPTY ? kinds : void 0);
          continue;
        }
        const cache = caches[f];
        const escapedCache = escapedCaches[f];
        const to = from + count;
        let at = from;
        if (builder.takesCodes && !builder.bytesLabels) {
          let codes = true;
          for (let k = from; k < to; k++) {
            const kind = kinds[k];
            if (kind !== CODE && kind !== EMPTY) {
              codes = false;
              break;
            }
          }
          if (codes) {
            builder.pushCodes(tokens, from, count);
            at = to;
          }
        }
        if (at < to && builder.takesCodes && !builder.bytesLabels) {
          const run = fields.codes;
          let n = 0;
          for (; at < to; ) {
            const kind = kinds[at];
            if (kind === EMPTY) {
              run[n++] = -1;
              at++;
              continue;
            }
            if (kind === CODE) {
              run[n++] = tokens[at];
              at++;
              continue;
            }
            let cell;
            if (kind !== NUMBER) {
              cell = (kind === ESCAPED ? escapedCache : cache).get(buf, starts[at], ends[at]);
              if (cell.token >= 0) {
                run[n++] = cell.token;
                at++;
                continue;
              }
              if (cell.missing) {
                run[n++] = -1;
                at++;
                continue;
              }
            }
            if (n > 0) builder.pushCodes(run, 0, n);
            n = 0;
            if (cell) pushClassified(builder, cell);
            else builder.pushNumber(values[at], integer[at] === 1);
            at++;
            if (builder.bytesLabels) break;
          }
          if (n > 0) builder.pushCodes(run, 0, n);
        }
        for (; at < to; at++) {
          const kind = kinds[at];
          if (kind === EMPTY) builder.pushMissing();
          else if (builder.bytesLabels) {
            builder.pushStringBytes(buf, starts[at], ends[at], kind === ESCAPED);
          } else if (kind === NUMBER) builder.pushNumber(values[at], integer[at] === 1);
          else
            pushClassified(
              builder,
              (kind === ESCAPED ? escapedCache : cache).get(buf, starts[at], ends[at])
            );
        }
        const labels = builder.takesCodes && !builder.bytesLabels;
        labelCaches[f] = labels ? cache : void 0;
        if (fields.compiled) cache.mirror(this.scanner, f, labels);
      }
      if (decimals !== void 0)
        for (let f = 0; f < others.length; f++) {
          const scaledDecimals = builders[f]?.scaledDecimals ?? -1;
          decimals[f] = scaledDecimals >= 0 ? scaledDecimals : NO_DECIMALS;
        }
    }
  };
  await forEachRecord(
    path,
    delimiter,
    (buf, scan, line, progress) => {
      if (!header) {
        headerBytes = progress.offset;
        header = [];
        for (let f = 0; f < scan.count; f++)
          header.push(decodeField(buf, scan.starts[f], scan.ends[f], scan.quoted[f] === 1).trim());
        const seen = /* @__PURE__ */ new Set();
        for (const [index, name] of header.entries()) {
          if (name === "")
            throw new UserError("PARSE", `${path}:1: column ${index + 1} has an empty header name`);
          if (seen.has(name))
            throw new UserError("DUPLICATE_HEADER", `${path}:1: duplicate column name '${name}'`);
          seen.add(name);
        }
        if (spill)
          blockRows = spill.rowsPerBlock(
            options.include ? header.filter((name) => options.include(name)).length : header.length
          );
        builders = header.map(
          (name) => options.include && !options.include(name) ? void 0 : new ColumnBuilder(name, {
            capacity: spill ? blockRows : 4096,
            shared: options.sharedMemory,
            deferUniqueLabels: spill ? false : options.deferUniqueLabels,
            compact: !spill && (options.compactNumbers ?? true)
          })
        );
        caches = header.map(() => new CellCache(false));
        escapedCaches = header.map(() => new CellCache(true));
        if (options.batches ?? true) fast.fields = fieldsFor(header.length, fast.scanner);
        return;
      }
      startRow(scan.count, line, progress);
      for (let f = 0; f < scan.count; f++) {
        const builder = builders[f];
        if (!builder) continue;
        const start = scan.starts[f];
        const end = scan.ends[f];
        if (start === end) {
          builder.pushMissing();
          continue;
        }
        const quoted = scan.quoted[f] === 1;
        if (builder.bytesLabels) {
          builder.pushStringBytes(buf, start, end, quoted);
          continue;
        }
        const value = quoted ? Number.NaN : parseDecimal(buf, start, end);
        if (!Number.isNaN(value)) builder.pushNumber(value, lastDecimal.isInteger);
        else {
          const escaped = quoted && buf.subarray(start, end).includes(QUOTE);
          pushClassified(builder, (escaped ? escapedCaches : caches)[f].get(buf, start, end));
        }
      }
    },
    fast,
    options.onBytes
  );
  if (!header) throw new UserError("EMPTY_FILE", `${path}: file is empty`);
  if (rows === 0) throw new UserError("NO_ROWS", `${path}: has a header but no data rows`);
  const mixed = builders.flatMap((builder, index) => builder?.needsStringPass ? [index] : []);
  if (spill) {
    spill.drain(builders, blockStart);
    for (const index of mixed) spill.markMixed(header[index]);
    spill.finish(builders, rows);
    return { source: path, rows, columns: [], unloaded: header };
  }
  if (mixed.length > 0) {
    const redo = new Map(
      mixed.map((index) => [
        index,
        new ColumnBuilder(header[index], {
          capacity: rows,
          storage: "string",
          shared: options.sharedMemory
        })
      ])
    );
    let first = true;
    await forEachRecord(path, delimiter, (buf, scan) => {
      if (first) {
        first = false;
        return;
      }
      for (const [index, builder] of redo) {
        const start = scan.starts[index];
        const end = scan.ends[index];
        const text = decodeField(buf, start, end, scan.quoted[index] === 1);
        if (MISSING_TOKENS.has(text)) builder.pushMissing();
        else builder.pushString(text);
      }
    });
    for (const [index, builder] of redo) builders[index] = builder;
  }
  return {
    source: path,
    rows,
    columns: builders.flatMap((builder) => builder ? [builder.finish()] : []),
    unloaded: header.filter((_name, index) => !builders[index])
  };
}

// src/snapshot/jsonl.ts
var LF2 = 10;
var CR2 = 13;
var CHUNK_BYTES2 = 1024 * 1024;
var decoder2 = new TextDecoder("utf-8");
async function forEachLine(path, onLine, onBytes) {
  const source = openByteSource(path, onBytes);
  try {
    let buf = new Uint8Array(CHUNK_BYTES2);
    let length = 0;
    let lineNumber = 0;
    let first = true;
    const emit = (start, end) => {
      if (first && end - start >= 3 && buf[start] === 239 && buf[start + 1] === 187 && buf[start + 2] === 191)
        start += 3;
      first = false;
      if (end > start && buf[end - 1] === CR2) end--;
      onLine(decoder2.decode(buf.subarray(start, end)), ++lineNumber);
    };
    for (; ; ) {
      if (length === buf.length) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      const got = source.read(buf, length, buf.length - length);
      const read = typeof got === "number" ? got : await got;
      if (read === 0) {
        if (length > 0) emit(0, length);
        return;
      }
      const scanFrom = length;
      length += read;
      let start = 0;
      let end = buf.indexOf(LF2, scanFrom);
      while (end >= 0 && end < length) {
        emit(start, end);
        start = end + 1;
        end = buf.indexOf(LF2, start);
        if (end >= length) end = -1;
      }
      buf.copyWithin(0, start, length);
      length -= start;
    }
  } finally {
    source.close();
  }
}
async function readJsonLines(path, include, onBytes, spill) {
  const builders = /* @__PURE__ */ new Map();
  const order = [];
  let rows = 0;
  let blank = true;
  let blockStart = 0;
  await forEachLine(
    path,
    (line, lineNumber) => {
      if (line.trim() === "") return;
      blank = false;
      let record;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new UserError("PARSE", `${path}:${lineNumber}: invalid JSON (${error.message})`);
      }
      if (record === null || typeof record !== "object" || Array.isArray(record))
        throw new UserError("PARSE", `${path}:${lineNumber}: expected a JSON object per line`);
      if (spill && rows > blockStart && rows - blockStart >= spill.rowsPerBlock(order.length)) {
        spill.drain(builders.values(), blockStart);
        blockStart = rows;
      }
      for (const key of Object.keys(record)) {
        if (!builders.has(key)) {
          const builder = include && !include(key) ? void 0 : new ColumnBuilder(key);
          if (builder) for (let r = blockStart; r < rows; r++) builder.pushMissing();
          builders.set(key, builder);
          order.push(key);
        }
      }
      const values = record;
      for (const key of order) {
        const builder = builders.get(key);
        if (!builder) continue;
        const value = values[key];
        if (value === void 0 || value === null) builder.pushMissing();
        else if (typeof value === "number") builder.pushNumber(value, Number.isInteger(value));
        else if (typeof value === "boolean") builder.pushBool(value);
        else if (typeof value === "string") builder.pushString(value);
        else
          throw new UserError(
            "PARSE",
            `${path}:${lineNumber}: column '${key}' holds a nested ${Array.isArray(value) ? "array" : "object"}`
          );
      }
      rows++;
    },
    onBytes
  );
  if (blank) throw new UserError("EMPTY_FILE", `${path}: file is empty`);
  const mixed = order.find((key) => builders.get(key)?.needsStringPass);
  if (mixed !== void 0)
    throw new UserError(
      "COLUMN_TYPE_MISMATCH",
      `${path}: column '${mixed}' mixes numbers, booleans and strings`
    );
  if (spill) {
    spill.drain(builders.values(), blockStart);
    spill.finish(builders.values(), rows);
    return { source: path, rows, columns: [], unloaded: order };
  }
  return {
    source: path,
    rows,
    columns: order.flatMap((key) => {
      const builder = builders.get(key);
      return builder ? [builder.finish()] : [];
    }),
    unloaded: order.filter((key) => !builders.get(key))
  };
}

// src/snapshot/index.ts
var INPUT_FORMATS = ["csv", "tsv", "jsonl", "parquet"];
function formatFromPath(path) {
  const extension = extname(path.replace(/\.(gz)$/i, "")).toLowerCase();
  switch (extension) {
    case ".csv":
      return "csv";
    case ".tsv":
    case ".tab":
      return "tsv";
    case ".jsonl":
    case ".ndjson":
      return "jsonl";
    case ".parquet":
    case ".pq":
      return "parquet";
    default:
      return void 0;
  }
}
async function readSnapshot(path, options = {}) {
  const format = options.format ?? formatFromPath(path);
  if (!format)
    throw new UserError(
      "USAGE",
      `${path}: cannot tell the format from the extension (${INPUT_FORMATS.join(", ")}); name the input format`
    );
  if (options.maxRows !== void 0 && format !== "csv" && format !== "tsv")
    throw new Error(`readSnapshot: a row limit is for CSV and TSV files, not ${format}`);
  if (format === "parquet" && isGzipPath(path))
    throw new UserError(
      "USAGE",
      `${path}: a Parquet file compresses its own pages; gzip is read for csv, tsv and jsonl only`
    );
  switch (format) {
    case "csv":
      return readDelimited(path, {
        delimiter: 44,
        include: options.include,
        sharedMemory: options.sharedMemory,
        // The reading threads hold an id's labels back (they are decoded only if asked for).
        deferUniqueLabels: options.sharedMemory,
        onBytes: options.onBytes,
        spill: options.spill,
        maxRows: options.maxRows
      });
    case "tsv":
      return readDelimited(path, {
        delimiter: 9,
        include: options.include,
        sharedMemory: options.sharedMemory,
        // The reading threads hold an id's labels back (they are decoded only if asked for).
        deferUniqueLabels: options.sharedMemory,
        onBytes: options.onBytes,
        spill: options.spill,
        maxRows: options.maxRows
      });
    case "jsonl":
      return readJsonLines(path, options.include, options.onBytes, options.spill);
    case "parquet": {
      if (options.spill)
        throw new Error("a Parquet file reads its column chunks by batch; it is not spilled");
      const { readParquet } = await import("./lib-parquet-INYB574S.js");
      const table = await readParquet(path, options.include);
      options.onBytes?.(statSync(path).size);
      return table;
    }
  }
}

// src/snapshot/read-request.ts
function columnFilterFunction(filter) {
  if (filter?.only) {
    const only = new Set(filter.only);
    return (name) => only.has(name);
  }
  if (filter?.except && filter.except.length > 0) {
    const except = new Set(filter.except);
    return (name) => !except.has(name);
  }
  return void 0;
}
async function readRequest(request, sharedMemory = false, onBytes) {
  const table = await readSnapshot(request.path, {
    format: request.format,
    include: columnFilterFunction(request.filter),
    sharedMemory,
    onBytes,
    maxRows: request.maxRows
  });
  return {
    table,
    rowFacts: request.rowFacts === false ? { duplicatedRows: 0, emptyRows: 0 } : rowFactsOf(table)
  };
}
var readInThisThread = async (requests, onBytes) => {
  const results = [];
  for (const request of requests) results.push(await readRequest(request, false, onBytes));
  return results;
};

export {
  ScaledDecoder,
  isGzipPath,
  RowLimitExceeded,
  INPUT_FORMATS,
  formatFromPath,
  readSnapshot,
  canonicalHigh,
  canonicalLow,
  distinctColumnHint,
  rowFactsOf,
  columnFilterFunction,
  readRequest,
  readInThisThread
};
