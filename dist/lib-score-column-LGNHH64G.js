import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-A64RLKDX.js";
import "./lib-chunk-CZKJPO26.js";
import "./lib-chunk-2PAUHN63.js";
import "./lib-chunk-ZW3MKCGY.js";
import "./lib-chunk-LN3GKLU4.js";
import "./lib-chunk-CYJXJCQR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
