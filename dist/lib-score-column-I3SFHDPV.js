import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-P65EGGBK.js";
import "./lib-chunk-XBCKHLM2.js";
import "./lib-chunk-E7SX33C4.js";
import "./lib-chunk-5J43JBEF.js";
import "./lib-chunk-OZARTYHZ.js";
import "./lib-chunk-B5PSUBWR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
