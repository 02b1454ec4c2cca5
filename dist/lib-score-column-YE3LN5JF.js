import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-LBETZYAR.js";
import "./lib-chunk-OQHCDTGA.js";
import "./lib-chunk-4ZXF7CL7.js";
import "./lib-chunk-7W4K5FM4.js";
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
