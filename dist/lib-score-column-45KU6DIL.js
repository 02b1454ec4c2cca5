import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
} from "./lib-chunk-RHTKMAKO.js";
import "./lib-chunk-LWZQAV44.js";
import "./lib-chunk-MXYB4XTE.js";
import "./lib-chunk-32RSZNXK.js";
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
