import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-3ZRBDD27.js";
import "./lib-chunk-IGLG7HES.js";
import "./lib-chunk-MPJ5Q66H.js";
import "./lib-chunk-XVJEM6ZE.js";
import "./lib-chunk-IIWQSQJD.js";
import "./lib-chunk-CYJXJCQR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
