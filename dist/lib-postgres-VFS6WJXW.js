import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  PARTITION_CONNECTIONS,
  countPostgresSnapshots,
  listPostgresSnapshots,
  readPostgresSnapshots
} from "./lib-chunk-TYJUPXUY.js";
import "./lib-chunk-7HTYFNDI.js";
import "./lib-chunk-TVMZ53SN.js";
import {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  describeTarget,
  parseDatabaseUrl
} from "./lib-chunk-RMK2IS6S.js";
import "./lib-chunk-PN6SSXAQ.js";
import "./lib-chunk-3MDFVLDT.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-R6DACXVA.js";
import "./lib-chunk-B5PSUBWR.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";
export {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  PARTITION_CONNECTIONS,
  countPostgresSnapshots,
  describeTarget,
  listPostgresSnapshots,
  parseDatabaseUrl,
  readPostgresSnapshots
};
