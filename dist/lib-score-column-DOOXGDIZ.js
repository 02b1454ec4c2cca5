import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-J23TTC5K.js";
import "./lib-chunk-LMX2Q2L3.js";
import "./lib-chunk-7EGHW62U.js";
import "./lib-chunk-3DIQRQY2.js";
import "./lib-chunk-IIWQSQJD.js";
import "./lib-chunk-B5PSUBWR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
