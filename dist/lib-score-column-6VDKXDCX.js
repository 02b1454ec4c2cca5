import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-R7OSXZ3E.js";
import "./lib-chunk-YILB7LQL.js";
import "./lib-chunk-OQL6BOPJ.js";
import "./lib-chunk-K6LS4N3U.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-B5PSUBWR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
