import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
var NEGATIVE_NUMBER = /^-(\d|\.\d)/;
function joinNegativeNumbers(argv, options) {
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : void 0;
    if (name !== void 0 && options[name]?.type === "string" && next !== void 0 && NEGATIVE_NUMBER.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}
function parseFlags(command, argv, options) {
  try {
    return parseArgs({
      args: joinNegativeNumbers(argv, options),
      options,
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstSentence = message.split(/\.\s/)[0].replace(/\.$/, "");
    throw new UserError("USAGE", `${command}: ${firstSentence}`);
  }
}

export {
  parseFlags
};
