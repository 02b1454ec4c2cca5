import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/util/node-http.ts
import { createRequire } from "node:module";
var http;
var https;
function nodeHttp() {
  return http ??= createRequire(import.meta.url)("node:http");
}
function nodeHttps() {
  return https ??= createRequire(import.meta.url)("node:https");
}

export {
  nodeHttp,
  nodeHttps
};
