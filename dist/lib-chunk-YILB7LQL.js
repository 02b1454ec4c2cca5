import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  RUNS_CURRENT,
  RUNS_REFERENCE,
  UNSCORABLE,
  binnedCounts,
  binnedSharesFromCounts,
  cachedOnPair,
  cachedSortedSide,
  columnEcdfWalk,
  currentDistinctCount,
  currentRuns,
  currentSize,
  histogramCountsFromValueCounts,
  indexOfDistinct,
  mergedDistribution,
  pairwiseSum,
  pairwiseSumOfRuns,
  percentileSorted,
  pooledRanks,
  referenceDistinctCount,
  referencePopulationStd,
  referenceRuns,
  referenceSize,
  sortedCurrent,
  sortedReference,
  sturgesEdges,
  valueCounts
} from "./lib-chunk-K6LS4N3U.js";
import {
  __commonJS,
  __toESM
} from "./lib-chunk-3E4SIUCO.js";

// node_modules/@stdlib/utils-define-property/lib/define_property.js
var require_define_property = __commonJS({
  "node_modules/@stdlib/utils-define-property/lib/define_property.js"(exports, module) {
    "use strict";
    var main = typeof Object.defineProperty === "function" ? Object.defineProperty : null;
    module.exports = main;
  }
});

// node_modules/@stdlib/utils-define-property/lib/has_define_property_support.js
var require_has_define_property_support = __commonJS({
  "node_modules/@stdlib/utils-define-property/lib/has_define_property_support.js"(exports, module) {
    "use strict";
    var defineProperty = require_define_property();
    function hasDefinePropertySupport() {
      try {
        defineProperty({}, "x", {});
        return true;
      } catch (err) {
        return false;
      }
    }
    module.exports = hasDefinePropertySupport;
  }
});

// node_modules/@stdlib/utils-define-property/lib/builtin.js
var require_builtin = __commonJS({
  "node_modules/@stdlib/utils-define-property/lib/builtin.js"(exports, module) {
    "use strict";
    var defineProperty = Object.defineProperty;
    module.exports = defineProperty;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/is_number.js
var require_is_number = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/is_number.js"(exports, module) {
    "use strict";
    function isNumber(value) {
      return typeof value === "number";
    }
    module.exports = isNumber;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/zero_pad.js
var require_zero_pad = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/zero_pad.js"(exports, module) {
    "use strict";
    function startsWithMinus(str) {
      return str[0] === "-";
    }
    function zeros(n) {
      var out = "";
      var i;
      for (i = 0; i < n; i++) {
        out += "0";
      }
      return out;
    }
    function zeroPad(str, width, right) {
      var negative = false;
      var pad = width - str.length;
      if (pad < 0) {
        return str;
      }
      if (startsWithMinus(str)) {
        negative = true;
        str = str.substr(1);
      }
      str = right ? str + zeros(pad) : zeros(pad) + str;
      if (negative) {
        str = "-" + str;
      }
      return str;
    }
    module.exports = zeroPad;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/format_integer.js
var require_format_integer = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/format_integer.js"(exports, module) {
    "use strict";
    var isNumber = require_is_number();
    var zeroPad = require_zero_pad();
    var lowercase = String.prototype.toLowerCase;
    var uppercase = String.prototype.toUpperCase;
    function formatInteger(token) {
      var base;
      var out;
      var i;
      switch (token.specifier) {
        case "b":
          base = 2;
          break;
        case "o":
          base = 8;
          break;
        case "x":
        case "X":
          base = 16;
          break;
        case "d":
        case "i":
        case "u":
        default:
          base = 10;
          break;
      }
      out = token.arg;
      i = parseInt(out, 10);
      if (!isFinite(i)) {
        if (!isNumber(out)) {
          throw new Error("invalid integer. Value: " + out);
        }
        i = 0;
      }
      if (i < 0 && (token.specifier === "u" || base !== 10)) {
        i = 4294967295 + i + 1;
      }
      if (i < 0) {
        out = (-i).toString(base);
        if (token.precision) {
          out = zeroPad(out, token.precision, token.padRight);
        }
        out = "-" + out;
      } else {
        out = i.toString(base);
        if (!i && !token.precision) {
          out = "";
        } else if (token.precision) {
          out = zeroPad(out, token.precision, token.padRight);
        }
        if (token.sign) {
          out = token.sign + out;
        }
      }
      if (base === 16) {
        if (token.alternate) {
          out = "0x" + out;
        }
        out = token.specifier === uppercase.call(token.specifier) ? uppercase.call(out) : lowercase.call(out);
      }
      if (base === 8) {
        if (token.alternate && out.charAt(0) !== "0") {
          out = "0" + out;
        }
      }
      return out;
    }
    module.exports = formatInteger;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/is_string.js
var require_is_string = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/is_string.js"(exports, module) {
    "use strict";
    function isString(value) {
      return typeof value === "string";
    }
    module.exports = isString;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/format_double.js
var require_format_double = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/format_double.js"(exports, module) {
    "use strict";
    var abs = Math.abs;
    var lowercase = String.prototype.toLowerCase;
    var uppercase = String.prototype.toUpperCase;
    var replace = String.prototype.replace;
    var RE_EXP_POS_DIGITS = /e\+(\d)$/;
    var RE_EXP_NEG_DIGITS = /e-(\d)$/;
    var RE_ONLY_DIGITS = /^(\d+)$/;
    var RE_DIGITS_BEFORE_EXP = /^(\d+)e/;
    var RE_TRAILING_PERIOD_ZERO = /\.0$/;
    var RE_PERIOD_ZERO_EXP = /\.0*e/;
    var RE_ZERO_BEFORE_EXP = /(\..*[^0])0*e/;
    function formatDouble(f, token) {
      var digits;
      var out;
      switch (token.specifier) {
        case "e":
        case "E":
          out = f.toExponential(token.precision);
          break;
        case "f":
        case "F":
          out = f.toFixed(token.precision);
          break;
        case "g":
        case "G":
          if (abs(f) < 1e-4) {
            digits = token.precision;
            if (digits > 0) {
              digits -= 1;
            }
            out = f.toExponential(digits);
          } else {
            out = f.toPrecision(token.precision);
          }
          if (!token.alternate) {
            out = replace.call(out, RE_ZERO_BEFORE_EXP, "$1e");
            out = replace.call(out, RE_PERIOD_ZERO_EXP, "e");
            out = replace.call(out, RE_TRAILING_PERIOD_ZERO, "");
          }
          break;
        default:
          throw new Error("invalid double notation. Value: " + token.specifier);
      }
      out = replace.call(out, RE_EXP_POS_DIGITS, "e+0$1");
      out = replace.call(out, RE_EXP_NEG_DIGITS, "e-0$1");
      if (token.alternate) {
        out = replace.call(out, RE_ONLY_DIGITS, "$1.");
        out = replace.call(out, RE_DIGITS_BEFORE_EXP, "$1.e");
      }
      if (f >= 0 && token.sign) {
        out = token.sign + out;
      }
      out = token.specifier === uppercase.call(token.specifier) ? uppercase.call(out) : lowercase.call(out);
      return out;
    }
    module.exports = formatDouble;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/space_pad.js
var require_space_pad = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/space_pad.js"(exports, module) {
    "use strict";
    function spaces(n) {
      var out = "";
      var i;
      for (i = 0; i < n; i++) {
        out += " ";
      }
      return out;
    }
    function spacePad(str, width, right) {
      var pad = width - str.length;
      if (pad < 0) {
        return str;
      }
      str = right ? str + spaces(pad) : spaces(pad) + str;
      return str;
    }
    module.exports = spacePad;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/main.js
var require_main = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/main.js"(exports, module) {
    "use strict";
    var formatInteger = require_format_integer();
    var isString = require_is_string();
    var isNumber = require_is_number();
    var formatDouble = require_format_double();
    var spacePad = require_space_pad();
    var zeroPad = require_zero_pad();
    var fromCharCode = String.fromCharCode;
    var isArray = Array.isArray;
    function isnan(value) {
      return value !== value;
    }
    function initialize(token) {
      var out = {};
      out.specifier = token.specifier;
      out.precision = token.precision === void 0 ? 1 : token.precision;
      out.width = token.width;
      out.flags = token.flags || "";
      out.mapping = token.mapping;
      return out;
    }
    function formatInterpolate(tokens) {
      var hasPeriod;
      var flags;
      var token;
      var flag;
      var num;
      var out;
      var pos;
      var f;
      var i;
      var j;
      if (!isArray(tokens)) {
        throw new TypeError("invalid argument. First argument must be an array. Value: `" + tokens + "`.");
      }
      out = "";
      pos = 1;
      for (i = 0; i < tokens.length; i++) {
        token = tokens[i];
        if (isString(token)) {
          out += token;
        } else {
          hasPeriod = token.precision !== void 0;
          token = initialize(token);
          if (!token.specifier) {
            throw new TypeError("invalid argument. Token is missing `specifier` property. Index: `" + i + "`. Value: `" + token + "`.");
          }
          if (token.mapping) {
            pos = token.mapping;
          }
          flags = token.flags;
          for (j = 0; j < flags.length; j++) {
            flag = flags.charAt(j);
            switch (flag) {
              case " ":
                token.sign = " ";
                break;
              case "+":
                token.sign = "+";
                break;
              case "-":
                token.padRight = true;
                token.padZeros = false;
                break;
              case "0":
                token.padZeros = flags.indexOf("-") < 0;
                break;
              case "#":
                token.alternate = true;
                break;
              default:
                throw new Error("invalid flag: " + flag);
            }
          }
          if (token.width === "*") {
            token.width = parseInt(arguments[pos], 10);
            pos += 1;
            if (isnan(token.width)) {
              throw new TypeError("the argument for * width at position " + pos + " is not a number. Value: `" + token.width + "`.");
            }
            if (token.width < 0) {
              token.padRight = true;
              token.width = -token.width;
            }
          }
          if (hasPeriod) {
            if (token.precision === "*") {
              token.precision = parseInt(arguments[pos], 10);
              pos += 1;
              if (isnan(token.precision)) {
                throw new TypeError("the argument for * precision at position " + pos + " is not a number. Value: `" + token.precision + "`.");
              }
              if (token.precision < 0) {
                token.precision = 1;
                hasPeriod = false;
              }
            }
          }
          token.arg = arguments[pos];
          switch (token.specifier) {
            case "b":
            case "o":
            case "x":
            case "X":
            case "d":
            case "i":
            case "u":
              if (hasPeriod) {
                token.padZeros = false;
              }
              token.arg = formatInteger(token);
              break;
            case "s":
              token.maxWidth = hasPeriod ? token.precision : -1;
              token.arg = String(token.arg);
              break;
            case "c":
              if (!isnan(token.arg)) {
                num = parseInt(token.arg, 10);
                if (num < 0 || num > 127) {
                  throw new Error("invalid character code. Value: " + token.arg);
                }
                token.arg = isnan(num) ? String(token.arg) : fromCharCode(num);
              }
              break;
            case "e":
            case "E":
            case "f":
            case "F":
            case "g":
            case "G":
              if (!hasPeriod) {
                token.precision = 6;
              }
              f = parseFloat(token.arg);
              if (!isFinite(f)) {
                if (!isNumber(token.arg)) {
                  throw new Error("invalid floating-point number. Value: " + out);
                }
                f = token.arg;
                token.padZeros = false;
              }
              token.arg = formatDouble(f, token);
              break;
            default:
              throw new Error("invalid specifier: " + token.specifier);
          }
          if (token.maxWidth >= 0 && token.arg.length > token.maxWidth) {
            token.arg = token.arg.substring(0, token.maxWidth);
          }
          if (token.padZeros) {
            token.arg = zeroPad(token.arg, token.width || token.precision, token.padRight);
          } else if (token.width) {
            token.arg = spacePad(token.arg, token.width, token.padRight);
          }
          out += token.arg || "";
          pos += 1;
        }
      }
      return out;
    }
    module.exports = formatInterpolate;
  }
});

// node_modules/@stdlib/string-base-format-interpolate/lib/index.js
var require_lib = __commonJS({
  "node_modules/@stdlib/string-base-format-interpolate/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main();
    module.exports = main;
  }
});

// node_modules/@stdlib/string-base-format-tokenize/lib/main.js
var require_main2 = __commonJS({
  "node_modules/@stdlib/string-base-format-tokenize/lib/main.js"(exports, module) {
    "use strict";
    var RE = /%(?:([1-9]\d*)\$)?([0 +\-#]*)(\*|\d+)?(?:(\.)(\*|\d+)?)?[hlL]?([%A-Za-z])/g;
    function parse(match) {
      var token = {
        "mapping": match[1] ? parseInt(match[1], 10) : void 0,
        "flags": match[2],
        "width": match[3],
        "precision": match[5],
        "specifier": match[6]
      };
      if (match[4] === "." && match[5] === void 0) {
        token.precision = "1";
      }
      return token;
    }
    function formatTokenize(str) {
      var content;
      var tokens;
      var match;
      var prev;
      tokens = [];
      prev = 0;
      match = RE.exec(str);
      while (match) {
        content = str.slice(prev, RE.lastIndex - match[0].length);
        if (content.length) {
          tokens.push(content);
        }
        if (match[6] === "%") {
          tokens.push("%");
        } else {
          tokens.push(parse(match));
        }
        prev = RE.lastIndex;
        match = RE.exec(str);
      }
      content = str.slice(prev);
      if (content.length) {
        tokens.push(content);
      }
      return tokens;
    }
    module.exports = formatTokenize;
  }
});

// node_modules/@stdlib/string-base-format-tokenize/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@stdlib/string-base-format-tokenize/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main2();
    module.exports = main;
  }
});

// node_modules/@stdlib/string-format/lib/is_string.js
var require_is_string2 = __commonJS({
  "node_modules/@stdlib/string-format/lib/is_string.js"(exports, module) {
    "use strict";
    function isString(value) {
      return typeof value === "string";
    }
    module.exports = isString;
  }
});

// node_modules/@stdlib/string-format/lib/main.js
var require_main3 = __commonJS({
  "node_modules/@stdlib/string-format/lib/main.js"(exports, module) {
    "use strict";
    var interpolate = require_lib();
    var tokenize = require_lib2();
    var isString = require_is_string2();
    function format(str) {
      var args;
      var i;
      if (!isString(str)) {
        throw new TypeError(format("invalid argument. First argument must be a string. Value: `%s`.", str));
      }
      args = [tokenize(str)];
      for (i = 1; i < arguments.length; i++) {
        args.push(arguments[i]);
      }
      return interpolate.apply(null, args);
    }
    module.exports = format;
  }
});

// node_modules/@stdlib/string-format/lib/index.js
var require_lib3 = __commonJS({
  "node_modules/@stdlib/string-format/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main3();
    module.exports = main;
  }
});

// node_modules/@stdlib/utils-define-property/lib/polyfill.js
var require_polyfill = __commonJS({
  "node_modules/@stdlib/utils-define-property/lib/polyfill.js"(exports, module) {
    "use strict";
    var format = require_lib3();
    var objectProtoype = Object.prototype;
    var toStr = objectProtoype.toString;
    var defineGetter = objectProtoype.__defineGetter__;
    var defineSetter = objectProtoype.__defineSetter__;
    var lookupGetter = objectProtoype.__lookupGetter__;
    var lookupSetter = objectProtoype.__lookupSetter__;
    function defineProperty(obj, prop, descriptor) {
      var prototype;
      var hasValue;
      var hasGet;
      var hasSet;
      if (typeof obj !== "object" || obj === null || toStr.call(obj) === "[object Array]") {
        throw new TypeError(format("invalid argument. First argument must be an object. Value: `%s`.", obj));
      }
      if (typeof descriptor !== "object" || descriptor === null || toStr.call(descriptor) === "[object Array]") {
        throw new TypeError(format("invalid argument. Property descriptor must be an object. Value: `%s`.", descriptor));
      }
      hasValue = "value" in descriptor;
      if (hasValue) {
        if (lookupGetter.call(obj, prop) || lookupSetter.call(obj, prop)) {
          prototype = obj.__proto__;
          obj.__proto__ = objectProtoype;
          delete obj[prop];
          obj[prop] = descriptor.value;
          obj.__proto__ = prototype;
        } else {
          obj[prop] = descriptor.value;
        }
      }
      hasGet = "get" in descriptor;
      hasSet = "set" in descriptor;
      if (hasValue && (hasGet || hasSet)) {
        throw new Error("invalid argument. Cannot specify one or more accessors and a value or writable attribute in the property descriptor.");
      }
      if (hasGet && defineGetter) {
        defineGetter.call(obj, prop, descriptor.get);
      }
      if (hasSet && defineSetter) {
        defineSetter.call(obj, prop, descriptor.set);
      }
      return obj;
    }
    module.exports = defineProperty;
  }
});

// node_modules/@stdlib/utils-define-property/lib/index.js
var require_lib4 = __commonJS({
  "node_modules/@stdlib/utils-define-property/lib/index.js"(exports, module) {
    "use strict";
    var hasDefinePropertySupport = require_has_define_property_support();
    var builtin = require_builtin();
    var polyfill = require_polyfill();
    var defineProperty;
    if (hasDefinePropertySupport()) {
      defineProperty = builtin;
    } else {
      defineProperty = polyfill;
    }
    module.exports = defineProperty;
  }
});

// node_modules/@stdlib/utils-define-nonenumerable-read-only-property/lib/main.js
var require_main4 = __commonJS({
  "node_modules/@stdlib/utils-define-nonenumerable-read-only-property/lib/main.js"(exports, module) {
    "use strict";
    var defineProperty = require_lib4();
    function setNonEnumerableReadOnly(obj, prop, value) {
      defineProperty(obj, prop, {
        "configurable": false,
        "enumerable": false,
        "writable": false,
        "value": value
      });
    }
    module.exports = setNonEnumerableReadOnly;
  }
});

// node_modules/@stdlib/utils-define-nonenumerable-read-only-property/lib/index.js
var require_lib5 = __commonJS({
  "node_modules/@stdlib/utils-define-nonenumerable-read-only-property/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main4();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-assert-is-nan/lib/main.js
var require_main5 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-nan/lib/main.js"(exports, module) {
    "use strict";
    function isnan(x) {
      return x !== x;
    }
    module.exports = isnan;
  }
});

// node_modules/@stdlib/math-base-assert-is-nan/lib/index.js
var require_lib6 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-nan/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main5();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-floor/lib/main.js
var require_main6 = __commonJS({
  "node_modules/@stdlib/math-base-special-floor/lib/main.js"(exports, module) {
    "use strict";
    var floor = Math.floor;
    module.exports = floor;
  }
});

// node_modules/@stdlib/math-base-special-floor/lib/index.js
var require_lib7 = __commonJS({
  "node_modules/@stdlib/math-base-special-floor/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main6();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-ceil/lib/main.js
var require_main7 = __commonJS({
  "node_modules/@stdlib/math-base-special-ceil/lib/main.js"(exports, module) {
    "use strict";
    var ceil = Math.ceil;
    module.exports = ceil;
  }
});

// node_modules/@stdlib/math-base-special-ceil/lib/index.js
var require_lib8 = __commonJS({
  "node_modules/@stdlib/math-base-special-ceil/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main7();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-trunc/lib/main.js
var require_main8 = __commonJS({
  "node_modules/@stdlib/math-base-special-trunc/lib/main.js"(exports, module) {
    "use strict";
    var floor = require_lib7();
    var ceil = require_lib8();
    function trunc(x) {
      if (x < 0) {
        return ceil(x);
      }
      return floor(x);
    }
    module.exports = trunc;
  }
});

// node_modules/@stdlib/math-base-special-trunc/lib/index.js
var require_lib9 = __commonJS({
  "node_modules/@stdlib/math-base-special-trunc/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main8();
    module.exports = main;
  }
});

// node_modules/@stdlib/number-ctor/lib/main.js
var require_main9 = __commonJS({
  "node_modules/@stdlib/number-ctor/lib/main.js"(exports, module) {
    "use strict";
    module.exports = Number;
  }
});

// node_modules/@stdlib/number-ctor/lib/index.js
var require_lib10 = __commonJS({
  "node_modules/@stdlib/number-ctor/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main9();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-ninf/lib/index.js
var require_lib11 = __commonJS({
  "node_modules/@stdlib/constants-float64-ninf/lib/index.js"(exports, module) {
    "use strict";
    var Number2 = require_lib10();
    var FLOAT64_NINF = Number2.NEGATIVE_INFINITY;
    module.exports = FLOAT64_NINF;
  }
});

// node_modules/@stdlib/constants-float64-pinf/lib/index.js
var require_lib12 = __commonJS({
  "node_modules/@stdlib/constants-float64-pinf/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_PINF = Number.POSITIVE_INFINITY;
    module.exports = FLOAT64_PINF;
  }
});

// node_modules/@stdlib/constants-float64-exponent-bias/lib/index.js
var require_lib13 = __commonJS({
  "node_modules/@stdlib/constants-float64-exponent-bias/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_EXPONENT_BIAS = 1023 | 0;
    module.exports = FLOAT64_EXPONENT_BIAS;
  }
});

// node_modules/@stdlib/constants-float64-max-base2-exponent/lib/index.js
var require_lib14 = __commonJS({
  "node_modules/@stdlib/constants-float64-max-base2-exponent/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_MAX_BASE2_EXPONENT = 1023 | 0;
    module.exports = FLOAT64_MAX_BASE2_EXPONENT;
  }
});

// node_modules/@stdlib/constants-float64-max-base2-exponent-subnormal/lib/index.js
var require_lib15 = __commonJS({
  "node_modules/@stdlib/constants-float64-max-base2-exponent-subnormal/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_MAX_BASE2_EXPONENT_SUBNORMAL = -1023 | 0;
    module.exports = FLOAT64_MAX_BASE2_EXPONENT_SUBNORMAL;
  }
});

// node_modules/@stdlib/constants-float64-min-base2-exponent-subnormal/lib/index.js
var require_lib16 = __commonJS({
  "node_modules/@stdlib/constants-float64-min-base2-exponent-subnormal/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_MIN_BASE2_EXPONENT_SUBNORMAL = -1074 | 0;
    module.exports = FLOAT64_MIN_BASE2_EXPONENT_SUBNORMAL;
  }
});

// node_modules/@stdlib/math-base-assert-is-infinite/lib/main.js
var require_main10 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-infinite/lib/main.js"(exports, module) {
    "use strict";
    var PINF = require_lib12();
    var NINF = require_lib11();
    function isInfinite(x) {
      return x === PINF || x === NINF;
    }
    module.exports = isInfinite;
  }
});

// node_modules/@stdlib/math-base-assert-is-infinite/lib/index.js
var require_lib17 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-infinite/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main10();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-high-word-sign-mask/lib/index.js
var require_lib18 = __commonJS({
  "node_modules/@stdlib/constants-float64-high-word-sign-mask/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_HIGH_WORD_SIGN_MASK = 2147483648 >>> 0;
    module.exports = FLOAT64_HIGH_WORD_SIGN_MASK;
  }
});

// node_modules/@stdlib/constants-float64-high-word-abs-mask/lib/index.js
var require_lib19 = __commonJS({
  "node_modules/@stdlib/constants-float64-high-word-abs-mask/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_HIGH_WORD_ABS_MASK = 2147483647 >>> 0;
    module.exports = FLOAT64_HIGH_WORD_ABS_MASK;
  }
});

// node_modules/@stdlib/assert-has-symbol-support/lib/main.js
var require_main11 = __commonJS({
  "node_modules/@stdlib/assert-has-symbol-support/lib/main.js"(exports, module) {
    "use strict";
    function hasSymbolSupport() {
      return typeof Symbol === "function" && typeof /* @__PURE__ */ Symbol("foo") === "symbol";
    }
    module.exports = hasSymbolSupport;
  }
});

// node_modules/@stdlib/assert-has-symbol-support/lib/index.js
var require_lib20 = __commonJS({
  "node_modules/@stdlib/assert-has-symbol-support/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main11();
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-has-tostringtag-support/lib/main.js
var require_main12 = __commonJS({
  "node_modules/@stdlib/assert-has-tostringtag-support/lib/main.js"(exports, module) {
    "use strict";
    var hasSymbols = require_lib20();
    var FLG = hasSymbols();
    function hasToStringTagSupport() {
      return FLG && typeof Symbol.toStringTag === "symbol";
    }
    module.exports = hasToStringTagSupport;
  }
});

// node_modules/@stdlib/assert-has-tostringtag-support/lib/index.js
var require_lib21 = __commonJS({
  "node_modules/@stdlib/assert-has-tostringtag-support/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main12();
    module.exports = main;
  }
});

// node_modules/@stdlib/utils-native-class/lib/tostring.js
var require_tostring = __commonJS({
  "node_modules/@stdlib/utils-native-class/lib/tostring.js"(exports, module) {
    "use strict";
    var toStr = Object.prototype.toString;
    module.exports = toStr;
  }
});

// node_modules/@stdlib/utils-native-class/lib/main.js
var require_main13 = __commonJS({
  "node_modules/@stdlib/utils-native-class/lib/main.js"(exports, module) {
    "use strict";
    var toStr = require_tostring();
    function nativeClass(v) {
      return toStr.call(v);
    }
    module.exports = nativeClass;
  }
});

// node_modules/@stdlib/assert-has-own-property/lib/main.js
var require_main14 = __commonJS({
  "node_modules/@stdlib/assert-has-own-property/lib/main.js"(exports, module) {
    "use strict";
    var has = Object.prototype.hasOwnProperty;
    function hasOwnProp(value, property) {
      if (value === void 0 || value === null) {
        return false;
      }
      return has.call(value, property);
    }
    module.exports = hasOwnProp;
  }
});

// node_modules/@stdlib/assert-has-own-property/lib/index.js
var require_lib22 = __commonJS({
  "node_modules/@stdlib/assert-has-own-property/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main14();
    module.exports = main;
  }
});

// node_modules/@stdlib/symbol-ctor/lib/main.js
var require_main15 = __commonJS({
  "node_modules/@stdlib/symbol-ctor/lib/main.js"(exports, module) {
    "use strict";
    var Sym = typeof Symbol === "function" ? Symbol : void 0;
    module.exports = Sym;
  }
});

// node_modules/@stdlib/symbol-ctor/lib/index.js
var require_lib23 = __commonJS({
  "node_modules/@stdlib/symbol-ctor/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main15();
    module.exports = main;
  }
});

// node_modules/@stdlib/utils-native-class/lib/tostringtag.js
var require_tostringtag = __commonJS({
  "node_modules/@stdlib/utils-native-class/lib/tostringtag.js"(exports, module) {
    "use strict";
    var Symbol2 = require_lib23();
    var toStrTag = typeof Symbol2 === "function" ? Symbol2.toStringTag : "";
    module.exports = toStrTag;
  }
});

// node_modules/@stdlib/utils-native-class/lib/polyfill.js
var require_polyfill2 = __commonJS({
  "node_modules/@stdlib/utils-native-class/lib/polyfill.js"(exports, module) {
    "use strict";
    var hasOwnProp = require_lib22();
    var toStringTag = require_tostringtag();
    var toStr = require_tostring();
    function nativeClass(v) {
      var isOwn;
      var tag;
      var out;
      if (v === null || v === void 0) {
        return toStr.call(v);
      }
      tag = v[toStringTag];
      isOwn = hasOwnProp(v, toStringTag);
      try {
        v[toStringTag] = void 0;
      } catch (err) {
        return toStr.call(v);
      }
      out = toStr.call(v);
      if (isOwn) {
        v[toStringTag] = tag;
      } else {
        delete v[toStringTag];
      }
      return out;
    }
    module.exports = nativeClass;
  }
});

// node_modules/@stdlib/utils-native-class/lib/index.js
var require_lib24 = __commonJS({
  "node_modules/@stdlib/utils-native-class/lib/index.js"(exports, module) {
    "use strict";
    var hasToStringTag = require_lib21();
    var builtin = require_main13();
    var polyfill = require_polyfill2();
    var main;
    if (hasToStringTag()) {
      main = polyfill;
    } else {
      main = builtin;
    }
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-is-uint32array/lib/main.js
var require_main16 = __commonJS({
  "node_modules/@stdlib/assert-is-uint32array/lib/main.js"(exports, module) {
    "use strict";
    var nativeClass = require_lib24();
    var hasUint32Array = typeof Uint32Array === "function";
    function isUint32Array(value) {
      return hasUint32Array && value instanceof Uint32Array || // eslint-disable-line stdlib/require-globals
      nativeClass(value) === "[object Uint32Array]";
    }
    module.exports = isUint32Array;
  }
});

// node_modules/@stdlib/assert-is-uint32array/lib/index.js
var require_lib25 = __commonJS({
  "node_modules/@stdlib/assert-is-uint32array/lib/index.js"(exports, module) {
    "use strict";
    var isUint32Array = require_main16();
    module.exports = isUint32Array;
  }
});

// node_modules/@stdlib/constants-uint32-max/lib/index.js
var require_lib26 = __commonJS({
  "node_modules/@stdlib/constants-uint32-max/lib/index.js"(exports, module) {
    "use strict";
    var UINT32_MAX = 4294967295;
    module.exports = UINT32_MAX;
  }
});

// node_modules/@stdlib/assert-has-uint32array-support/lib/uint32array.js
var require_uint32array = __commonJS({
  "node_modules/@stdlib/assert-has-uint32array-support/lib/uint32array.js"(exports, module) {
    "use strict";
    var main = typeof Uint32Array === "function" ? Uint32Array : null;
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-has-uint32array-support/lib/main.js
var require_main17 = __commonJS({
  "node_modules/@stdlib/assert-has-uint32array-support/lib/main.js"(exports, module) {
    "use strict";
    var isUint32Array = require_lib25();
    var UINT32_MAX = require_lib26();
    var GlobalUint32Array = require_uint32array();
    function hasUint32ArraySupport() {
      var bool;
      var arr;
      if (typeof GlobalUint32Array !== "function") {
        return false;
      }
      try {
        arr = [1, 3.14, -3.14, UINT32_MAX + 1, UINT32_MAX + 2];
        arr = new GlobalUint32Array(arr);
        bool = isUint32Array(arr) && arr[0] === 1 && arr[1] === 3 && // truncation
        arr[2] === UINT32_MAX - 2 && // truncation and wrap around
        arr[3] === 0 && // wrap around
        arr[4] === 1;
      } catch (err) {
        bool = false;
      }
      return bool;
    }
    module.exports = hasUint32ArraySupport;
  }
});

// node_modules/@stdlib/assert-has-uint32array-support/lib/index.js
var require_lib27 = __commonJS({
  "node_modules/@stdlib/assert-has-uint32array-support/lib/index.js"(exports, module) {
    "use strict";
    var hasUint32ArraySupport = require_main17();
    module.exports = hasUint32ArraySupport;
  }
});

// node_modules/@stdlib/array-uint32/lib/main.js
var require_main18 = __commonJS({
  "node_modules/@stdlib/array-uint32/lib/main.js"(exports, module) {
    "use strict";
    var ctor = typeof Uint32Array === "function" ? Uint32Array : void 0;
    module.exports = ctor;
  }
});

// node_modules/@stdlib/array-uint32/lib/polyfill.js
var require_polyfill3 = __commonJS({
  "node_modules/@stdlib/array-uint32/lib/polyfill.js"(exports, module) {
    "use strict";
    function polyfill() {
      throw new Error("not implemented");
    }
    module.exports = polyfill;
  }
});

// node_modules/@stdlib/array-uint32/lib/index.js
var require_lib28 = __commonJS({
  "node_modules/@stdlib/array-uint32/lib/index.js"(exports, module) {
    "use strict";
    var hasUint32ArraySupport = require_lib27();
    var builtin = require_main18();
    var polyfill = require_polyfill3();
    var ctor;
    if (hasUint32ArraySupport()) {
      ctor = builtin;
    } else {
      ctor = polyfill;
    }
    module.exports = ctor;
  }
});

// node_modules/@stdlib/assert-is-float64array/lib/main.js
var require_main19 = __commonJS({
  "node_modules/@stdlib/assert-is-float64array/lib/main.js"(exports, module) {
    "use strict";
    var nativeClass = require_lib24();
    var hasFloat64Array = typeof Float64Array === "function";
    function isFloat64Array(value) {
      return hasFloat64Array && value instanceof Float64Array || // eslint-disable-line stdlib/require-globals
      nativeClass(value) === "[object Float64Array]";
    }
    module.exports = isFloat64Array;
  }
});

// node_modules/@stdlib/assert-is-float64array/lib/index.js
var require_lib29 = __commonJS({
  "node_modules/@stdlib/assert-is-float64array/lib/index.js"(exports, module) {
    "use strict";
    var isFloat64Array = require_main19();
    module.exports = isFloat64Array;
  }
});

// node_modules/@stdlib/assert-has-float64array-support/lib/float64array.js
var require_float64array = __commonJS({
  "node_modules/@stdlib/assert-has-float64array-support/lib/float64array.js"(exports, module) {
    "use strict";
    var main = typeof Float64Array === "function" ? Float64Array : null;
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-has-float64array-support/lib/main.js
var require_main20 = __commonJS({
  "node_modules/@stdlib/assert-has-float64array-support/lib/main.js"(exports, module) {
    "use strict";
    var isFloat64Array = require_lib29();
    var GlobalFloat64Array = require_float64array();
    function hasFloat64ArraySupport() {
      var bool;
      var arr;
      if (typeof GlobalFloat64Array !== "function") {
        return false;
      }
      try {
        arr = new GlobalFloat64Array([1, 3.14, -3.14, NaN]);
        bool = isFloat64Array(arr) && arr[0] === 1 && arr[1] === 3.14 && arr[2] === -3.14 && arr[3] !== arr[3];
      } catch (err) {
        bool = false;
      }
      return bool;
    }
    module.exports = hasFloat64ArraySupport;
  }
});

// node_modules/@stdlib/assert-has-float64array-support/lib/index.js
var require_lib30 = __commonJS({
  "node_modules/@stdlib/assert-has-float64array-support/lib/index.js"(exports, module) {
    "use strict";
    var hasFloat64ArraySupport = require_main20();
    module.exports = hasFloat64ArraySupport;
  }
});

// node_modules/@stdlib/array-float64/lib/main.js
var require_main21 = __commonJS({
  "node_modules/@stdlib/array-float64/lib/main.js"(exports, module) {
    "use strict";
    var ctor = typeof Float64Array === "function" ? Float64Array : void 0;
    module.exports = ctor;
  }
});

// node_modules/@stdlib/array-float64/lib/polyfill.js
var require_polyfill4 = __commonJS({
  "node_modules/@stdlib/array-float64/lib/polyfill.js"(exports, module) {
    "use strict";
    function polyfill() {
      throw new Error("not implemented");
    }
    module.exports = polyfill;
  }
});

// node_modules/@stdlib/array-float64/lib/index.js
var require_lib31 = __commonJS({
  "node_modules/@stdlib/array-float64/lib/index.js"(exports, module) {
    "use strict";
    var hasFloat64ArraySupport = require_lib30();
    var builtin = require_main21();
    var polyfill = require_polyfill4();
    var ctor;
    if (hasFloat64ArraySupport()) {
      ctor = builtin;
    } else {
      ctor = polyfill;
    }
    module.exports = ctor;
  }
});

// node_modules/@stdlib/assert-is-uint8array/lib/main.js
var require_main22 = __commonJS({
  "node_modules/@stdlib/assert-is-uint8array/lib/main.js"(exports, module) {
    "use strict";
    var nativeClass = require_lib24();
    var hasUint8Array = typeof Uint8Array === "function";
    function isUint8Array(value) {
      return hasUint8Array && value instanceof Uint8Array || // eslint-disable-line stdlib/require-globals
      nativeClass(value) === "[object Uint8Array]";
    }
    module.exports = isUint8Array;
  }
});

// node_modules/@stdlib/assert-is-uint8array/lib/index.js
var require_lib32 = __commonJS({
  "node_modules/@stdlib/assert-is-uint8array/lib/index.js"(exports, module) {
    "use strict";
    var isUint8Array = require_main22();
    module.exports = isUint8Array;
  }
});

// node_modules/@stdlib/constants-uint8-max/lib/index.js
var require_lib33 = __commonJS({
  "node_modules/@stdlib/constants-uint8-max/lib/index.js"(exports, module) {
    "use strict";
    var UINT8_MAX = 255 | 0;
    module.exports = UINT8_MAX;
  }
});

// node_modules/@stdlib/assert-has-uint8array-support/lib/uint8array.js
var require_uint8array = __commonJS({
  "node_modules/@stdlib/assert-has-uint8array-support/lib/uint8array.js"(exports, module) {
    "use strict";
    var main = typeof Uint8Array === "function" ? Uint8Array : null;
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-has-uint8array-support/lib/main.js
var require_main23 = __commonJS({
  "node_modules/@stdlib/assert-has-uint8array-support/lib/main.js"(exports, module) {
    "use strict";
    var isUint8Array = require_lib32();
    var UINT8_MAX = require_lib33();
    var GlobalUint8Array = require_uint8array();
    function hasUint8ArraySupport() {
      var bool;
      var arr;
      if (typeof GlobalUint8Array !== "function") {
        return false;
      }
      try {
        arr = [1, 3.14, -3.14, UINT8_MAX + 1, UINT8_MAX + 2];
        arr = new GlobalUint8Array(arr);
        bool = isUint8Array(arr) && arr[0] === 1 && arr[1] === 3 && // truncation
        arr[2] === UINT8_MAX - 2 && // truncation and wrap around
        arr[3] === 0 && // wrap around
        arr[4] === 1;
      } catch (err) {
        bool = false;
      }
      return bool;
    }
    module.exports = hasUint8ArraySupport;
  }
});

// node_modules/@stdlib/assert-has-uint8array-support/lib/index.js
var require_lib34 = __commonJS({
  "node_modules/@stdlib/assert-has-uint8array-support/lib/index.js"(exports, module) {
    "use strict";
    var hasUint8ArraySupport = require_main23();
    module.exports = hasUint8ArraySupport;
  }
});

// node_modules/@stdlib/array-uint8/lib/main.js
var require_main24 = __commonJS({
  "node_modules/@stdlib/array-uint8/lib/main.js"(exports, module) {
    "use strict";
    var ctor = typeof Uint8Array === "function" ? Uint8Array : void 0;
    module.exports = ctor;
  }
});

// node_modules/@stdlib/array-uint8/lib/polyfill.js
var require_polyfill5 = __commonJS({
  "node_modules/@stdlib/array-uint8/lib/polyfill.js"(exports, module) {
    "use strict";
    function polyfill() {
      throw new Error("not implemented");
    }
    module.exports = polyfill;
  }
});

// node_modules/@stdlib/array-uint8/lib/index.js
var require_lib35 = __commonJS({
  "node_modules/@stdlib/array-uint8/lib/index.js"(exports, module) {
    "use strict";
    var hasUint8ArraySupport = require_lib34();
    var builtin = require_main24();
    var polyfill = require_polyfill5();
    var ctor;
    if (hasUint8ArraySupport()) {
      ctor = builtin;
    } else {
      ctor = polyfill;
    }
    module.exports = ctor;
  }
});

// node_modules/@stdlib/assert-is-uint16array/lib/main.js
var require_main25 = __commonJS({
  "node_modules/@stdlib/assert-is-uint16array/lib/main.js"(exports, module) {
    "use strict";
    var nativeClass = require_lib24();
    var hasUint16Array = typeof Uint16Array === "function";
    function isUint16Array(value) {
      return hasUint16Array && value instanceof Uint16Array || // eslint-disable-line stdlib/require-globals
      nativeClass(value) === "[object Uint16Array]";
    }
    module.exports = isUint16Array;
  }
});

// node_modules/@stdlib/assert-is-uint16array/lib/index.js
var require_lib36 = __commonJS({
  "node_modules/@stdlib/assert-is-uint16array/lib/index.js"(exports, module) {
    "use strict";
    var isUint16Array = require_main25();
    module.exports = isUint16Array;
  }
});

// node_modules/@stdlib/constants-uint16-max/lib/index.js
var require_lib37 = __commonJS({
  "node_modules/@stdlib/constants-uint16-max/lib/index.js"(exports, module) {
    "use strict";
    var UINT16_MAX = 65535 | 0;
    module.exports = UINT16_MAX;
  }
});

// node_modules/@stdlib/assert-has-uint16array-support/lib/uint16array.js
var require_uint16array = __commonJS({
  "node_modules/@stdlib/assert-has-uint16array-support/lib/uint16array.js"(exports, module) {
    "use strict";
    var main = typeof Uint16Array === "function" ? Uint16Array : null;
    module.exports = main;
  }
});

// node_modules/@stdlib/assert-has-uint16array-support/lib/main.js
var require_main26 = __commonJS({
  "node_modules/@stdlib/assert-has-uint16array-support/lib/main.js"(exports, module) {
    "use strict";
    var isUint16Array = require_lib36();
    var UINT16_MAX = require_lib37();
    var GlobalUint16Array = require_uint16array();
    function hasUint16ArraySupport() {
      var bool;
      var arr;
      if (typeof GlobalUint16Array !== "function") {
        return false;
      }
      try {
        arr = [1, 3.14, -3.14, UINT16_MAX + 1, UINT16_MAX + 2];
        arr = new GlobalUint16Array(arr);
        bool = isUint16Array(arr) && arr[0] === 1 && arr[1] === 3 && // truncation
        arr[2] === UINT16_MAX - 2 && // truncation and wrap around
        arr[3] === 0 && // wrap around
        arr[4] === 1;
      } catch (err) {
        bool = false;
      }
      return bool;
    }
    module.exports = hasUint16ArraySupport;
  }
});

// node_modules/@stdlib/assert-has-uint16array-support/lib/index.js
var require_lib38 = __commonJS({
  "node_modules/@stdlib/assert-has-uint16array-support/lib/index.js"(exports, module) {
    "use strict";
    var hasUint16ArraySupport = require_main26();
    module.exports = hasUint16ArraySupport;
  }
});

// node_modules/@stdlib/array-uint16/lib/main.js
var require_main27 = __commonJS({
  "node_modules/@stdlib/array-uint16/lib/main.js"(exports, module) {
    "use strict";
    var ctor = typeof Uint16Array === "function" ? Uint16Array : void 0;
    module.exports = ctor;
  }
});

// node_modules/@stdlib/array-uint16/lib/polyfill.js
var require_polyfill6 = __commonJS({
  "node_modules/@stdlib/array-uint16/lib/polyfill.js"(exports, module) {
    "use strict";
    function polyfill() {
      throw new Error("not implemented");
    }
    module.exports = polyfill;
  }
});

// node_modules/@stdlib/array-uint16/lib/index.js
var require_lib39 = __commonJS({
  "node_modules/@stdlib/array-uint16/lib/index.js"(exports, module) {
    "use strict";
    var hasUint16ArraySupport = require_lib38();
    var builtin = require_main27();
    var polyfill = require_polyfill6();
    var ctor;
    if (hasUint16ArraySupport()) {
      ctor = builtin;
    } else {
      ctor = polyfill;
    }
    module.exports = ctor;
  }
});

// node_modules/@stdlib/assert-is-little-endian/lib/ctors.js
var require_ctors = __commonJS({
  "node_modules/@stdlib/assert-is-little-endian/lib/ctors.js"(exports, module) {
    "use strict";
    var Uint8Array2 = require_lib35();
    var Uint16Array2 = require_lib39();
    var ctors = {
      "uint16": Uint16Array2,
      "uint8": Uint8Array2
    };
    module.exports = ctors;
  }
});

// node_modules/@stdlib/assert-is-little-endian/lib/main.js
var require_main28 = __commonJS({
  "node_modules/@stdlib/assert-is-little-endian/lib/main.js"(exports, module) {
    "use strict";
    var ctors = require_ctors();
    var bool;
    function isLittleEndian() {
      var uint16view;
      var uint8view;
      uint16view = new ctors["uint16"](1);
      uint16view[0] = 4660;
      uint8view = new ctors["uint8"](uint16view.buffer);
      return uint8view[0] === 52;
    }
    bool = isLittleEndian();
    module.exports = bool;
  }
});

// node_modules/@stdlib/assert-is-little-endian/lib/index.js
var require_lib40 = __commonJS({
  "node_modules/@stdlib/assert-is-little-endian/lib/index.js"(exports, module) {
    "use strict";
    var IS_LITTLE_ENDIAN = require_main28();
    module.exports = IS_LITTLE_ENDIAN;
  }
});

// node_modules/@stdlib/number-float64-base-to-words/lib/indices.js
var require_indices = __commonJS({
  "node_modules/@stdlib/number-float64-base-to-words/lib/indices.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var indices;
    var HIGH;
    var LOW;
    if (isLittleEndian === true) {
      HIGH = 1;
      LOW = 0;
    } else {
      HIGH = 0;
      LOW = 1;
    }
    indices = {
      "HIGH": HIGH,
      "LOW": LOW
    };
    module.exports = indices;
  }
});

// node_modules/@stdlib/number-float64-base-to-words/lib/assign.js
var require_assign = __commonJS({
  "node_modules/@stdlib/number-float64-base-to-words/lib/assign.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var indices = require_indices();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    var HIGH = indices.HIGH;
    var LOW = indices.LOW;
    function toWords(x, out, stride, offset) {
      FLOAT64_VIEW[0] = x;
      out[offset] = UINT32_VIEW[HIGH];
      out[offset + stride] = UINT32_VIEW[LOW];
      return out;
    }
    module.exports = toWords;
  }
});

// node_modules/@stdlib/number-float64-base-to-words/lib/main.js
var require_main29 = __commonJS({
  "node_modules/@stdlib/number-float64-base-to-words/lib/main.js"(exports, module) {
    "use strict";
    var fcn = require_assign();
    function toWords(x) {
      return fcn(x, [0 >>> 0, 0 >>> 0], 1, 0);
    }
    module.exports = toWords;
  }
});

// node_modules/@stdlib/number-float64-base-to-words/lib/index.js
var require_lib41 = __commonJS({
  "node_modules/@stdlib/number-float64-base-to-words/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib5();
    var main = require_main29();
    var assign = require_assign();
    setReadOnly(main, "assign", assign);
    module.exports = main;
  }
});

// node_modules/@stdlib/number-float64-base-get-high-word/lib/high.js
var require_high = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-high-word/lib/high.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var HIGH;
    if (isLittleEndian === true) {
      HIGH = 1;
    } else {
      HIGH = 0;
    }
    module.exports = HIGH;
  }
});

// node_modules/@stdlib/number-float64-base-get-high-word/lib/main.js
var require_main30 = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-high-word/lib/main.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var HIGH = require_high();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    function getHighWord(x) {
      FLOAT64_VIEW[0] = x;
      return UINT32_VIEW[HIGH];
    }
    module.exports = getHighWord;
  }
});

// node_modules/@stdlib/number-float64-base-get-high-word/lib/index.js
var require_lib42 = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-high-word/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main30();
    module.exports = main;
  }
});

// node_modules/@stdlib/number-float64-base-from-words/lib/indices.js
var require_indices2 = __commonJS({
  "node_modules/@stdlib/number-float64-base-from-words/lib/indices.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var indices;
    var HIGH;
    var LOW;
    if (isLittleEndian === true) {
      HIGH = 1;
      LOW = 0;
    } else {
      HIGH = 0;
      LOW = 1;
    }
    indices = {
      "HIGH": HIGH,
      "LOW": LOW
    };
    module.exports = indices;
  }
});

// node_modules/@stdlib/number-float64-base-from-words/lib/main.js
var require_main31 = __commonJS({
  "node_modules/@stdlib/number-float64-base-from-words/lib/main.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var indices = require_indices2();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    var HIGH = indices.HIGH;
    var LOW = indices.LOW;
    function fromWords(high, low) {
      UINT32_VIEW[HIGH] = high;
      UINT32_VIEW[LOW] = low;
      return FLOAT64_VIEW[0];
    }
    module.exports = fromWords;
  }
});

// node_modules/@stdlib/number-float64-base-from-words/lib/index.js
var require_lib43 = __commonJS({
  "node_modules/@stdlib/number-float64-base-from-words/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main31();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-copysign/lib/main.js
var require_main32 = __commonJS({
  "node_modules/@stdlib/math-base-special-copysign/lib/main.js"(exports, module) {
    "use strict";
    var SIGN_MASK = require_lib18();
    var ABS_MASK = require_lib19();
    var toWords = require_lib41();
    var getHighWord = require_lib42();
    var fromWords = require_lib43();
    var WORDS = [0, 0];
    function copysign(x, y) {
      var hx;
      var hy;
      toWords.assign(x, WORDS, 1, 0);
      hx = WORDS[0];
      hx &= ABS_MASK;
      hy = getHighWord(y);
      hy &= SIGN_MASK;
      hx |= hy;
      return fromWords(hx, WORDS[1]);
    }
    module.exports = copysign;
  }
});

// node_modules/@stdlib/math-base-special-copysign/lib/index.js
var require_lib44 = __commonJS({
  "node_modules/@stdlib/math-base-special-copysign/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main32();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-smallest-normal/lib/index.js
var require_lib45 = __commonJS({
  "node_modules/@stdlib/constants-float64-smallest-normal/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_SMALLEST_NORMAL = 22250738585072014e-324;
    module.exports = FLOAT64_SMALLEST_NORMAL;
  }
});

// node_modules/@stdlib/math-base-special-abs/lib/main.js
var require_main33 = __commonJS({
  "node_modules/@stdlib/math-base-special-abs/lib/main.js"(exports, module) {
    "use strict";
    function abs(x) {
      return Math.abs(x);
    }
    module.exports = abs;
  }
});

// node_modules/@stdlib/math-base-special-abs/lib/index.js
var require_lib46 = __commonJS({
  "node_modules/@stdlib/math-base-special-abs/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main33();
    module.exports = main;
  }
});

// node_modules/@stdlib/number-float64-base-normalize/lib/assign.js
var require_assign2 = __commonJS({
  "node_modules/@stdlib/number-float64-base-normalize/lib/assign.js"(exports, module) {
    "use strict";
    var FLOAT64_SMALLEST_NORMAL = require_lib45();
    var isInfinite = require_lib17();
    var isnan = require_lib6();
    var abs = require_lib46();
    var SCALAR = 4503599627370496;
    function normalize(x, out, stride, offset) {
      if (isnan(x) || isInfinite(x)) {
        out[offset] = x;
        out[offset + stride] = 0;
        return out;
      }
      if (x !== 0 && abs(x) < FLOAT64_SMALLEST_NORMAL) {
        out[offset] = x * SCALAR;
        out[offset + stride] = -52;
        return out;
      }
      out[offset] = x;
      out[offset + stride] = 0;
      return out;
    }
    module.exports = normalize;
  }
});

// node_modules/@stdlib/number-float64-base-normalize/lib/main.js
var require_main34 = __commonJS({
  "node_modules/@stdlib/number-float64-base-normalize/lib/main.js"(exports, module) {
    "use strict";
    var fcn = require_assign2();
    function normalize(x) {
      return fcn(x, [0, 0], 1, 0);
    }
    module.exports = normalize;
  }
});

// node_modules/@stdlib/number-float64-base-normalize/lib/index.js
var require_lib47 = __commonJS({
  "node_modules/@stdlib/number-float64-base-normalize/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib5();
    var main = require_main34();
    var assign = require_assign2();
    setReadOnly(main, "assign", assign);
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-high-word-exponent-mask/lib/index.js
var require_lib48 = __commonJS({
  "node_modules/@stdlib/constants-float64-high-word-exponent-mask/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_HIGH_WORD_EXPONENT_MASK = 2146435072;
    module.exports = FLOAT64_HIGH_WORD_EXPONENT_MASK;
  }
});

// node_modules/@stdlib/number-float64-base-exponent/lib/main.js
var require_main35 = __commonJS({
  "node_modules/@stdlib/number-float64-base-exponent/lib/main.js"(exports, module) {
    "use strict";
    var getHighWord = require_lib42();
    var EXP_MASK = require_lib48();
    var BIAS = require_lib13();
    function exponent(x) {
      var high = getHighWord(x);
      high = (high & EXP_MASK) >>> 20;
      return high - BIAS | 0;
    }
    module.exports = exponent;
  }
});

// node_modules/@stdlib/number-float64-base-exponent/lib/index.js
var require_lib49 = __commonJS({
  "node_modules/@stdlib/number-float64-base-exponent/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main35();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-ldexp/lib/main.js
var require_main36 = __commonJS({
  "node_modules/@stdlib/math-base-special-ldexp/lib/main.js"(exports, module) {
    "use strict";
    var PINF = require_lib12();
    var NINF = require_lib11();
    var BIAS = require_lib13();
    var MAX_EXPONENT2 = require_lib14();
    var MAX_SUBNORMAL_EXPONENT = require_lib15();
    var MIN_SUBNORMAL_EXPONENT = require_lib16();
    var isnan = require_lib6();
    var isInfinite = require_lib17();
    var copysign = require_lib44();
    var normalize = require_lib47().assign;
    var floatExp = require_lib49();
    var toWords = require_lib41();
    var fromWords = require_lib43();
    var TWO52_INV = 2220446049250313e-31;
    var CLEAR_EXP_MASK = 2148532223 >>> 0;
    var FRAC = [0, 0];
    var WORDS = [0, 0];
    function ldexp2(frac, exp) {
      var high;
      var m;
      if (exp === 0 || frac === 0 || // handles +-0
      isnan(frac) || isInfinite(frac)) {
        return frac;
      }
      normalize(frac, FRAC, 1, 0);
      frac = FRAC[0];
      exp += FRAC[1];
      exp += floatExp(frac);
      if (exp < MIN_SUBNORMAL_EXPONENT) {
        return copysign(0, frac);
      }
      if (exp > MAX_EXPONENT2) {
        if (frac < 0) {
          return NINF;
        }
        return PINF;
      }
      if (exp <= MAX_SUBNORMAL_EXPONENT) {
        exp += 52;
        m = TWO52_INV;
      } else {
        m = 1;
      }
      toWords.assign(frac, WORDS, 1, 0);
      high = WORDS[0];
      high &= CLEAR_EXP_MASK;
      high |= exp + BIAS << 20;
      return m * fromWords(high, WORDS[1]);
    }
    module.exports = ldexp2;
  }
});

// node_modules/@stdlib/math-base-special-ldexp/lib/index.js
var require_lib50 = __commonJS({
  "node_modules/@stdlib/math-base-special-ldexp/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main36();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-exp/lib/polyval_p.js
var require_polyval_p = __commonJS({
  "node_modules/@stdlib/math-base-special-exp/lib/polyval_p.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.16666666666666602;
      }
      return 0.16666666666666602 + x * (-0.0027777777777015593 + x * (6613756321437934e-20 + x * (-16533902205465252e-22 + x * 41381367970572385e-24)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-exp/lib/expmulti.js
var require_expmulti = __commonJS({
  "node_modules/@stdlib/math-base-special-exp/lib/expmulti.js"(exports, module) {
    "use strict";
    var ldexp2 = require_lib50();
    var polyvalP = require_polyval_p();
    function expmulti(hi, lo, k) {
      var r;
      var t;
      var c;
      var y;
      r = hi - lo;
      t = r * r;
      c = r - t * polyvalP(t);
      y = 1 - (lo - r * c / (2 - c) - hi);
      return ldexp2(y, k);
    }
    module.exports = expmulti;
  }
});

// node_modules/@stdlib/math-base-special-exp/lib/main.js
var require_main37 = __commonJS({
  "node_modules/@stdlib/math-base-special-exp/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var trunc = require_lib9();
    var NINF = require_lib11();
    var PINF = require_lib12();
    var expmulti = require_expmulti();
    var LN2_HI = 0.6931471803691238;
    var LN2_LO = 19082149292705877e-26;
    var LOG2_E = 1.4426950408889634;
    var OVERFLOW = 709.782712893384;
    var UNDERFLOW = -745.1332191019411;
    var NEARZERO = 1 / (1 << 28);
    var NEG_NEARZERO = -NEARZERO;
    function exp(x) {
      var hi;
      var lo;
      var k;
      if (isnan(x) || x === PINF) {
        return x;
      }
      if (x === NINF) {
        return 0;
      }
      if (x > OVERFLOW) {
        return PINF;
      }
      if (x < UNDERFLOW) {
        return 0;
      }
      if (x > NEG_NEARZERO && x < NEARZERO) {
        return 1 + x;
      }
      if (x < 0) {
        k = trunc(LOG2_E * x - 0.5);
      } else {
        k = trunc(LOG2_E * x + 0.5);
      }
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
      return expmulti(hi, lo, k);
    }
    module.exports = exp;
  }
});

// node_modules/@stdlib/math-base-special-exp/lib/index.js
var require_lib51 = __commonJS({
  "node_modules/@stdlib/math-base-special-exp/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main37();
    module.exports = main;
  }
});

// node_modules/@stdlib/number-float64-base-set-low-word/lib/low.js
var require_low = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-low-word/lib/low.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var LOW;
    if (isLittleEndian === true) {
      LOW = 0;
    } else {
      LOW = 1;
    }
    module.exports = LOW;
  }
});

// node_modules/@stdlib/number-float64-base-set-low-word/lib/main.js
var require_main38 = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-low-word/lib/main.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var LOW = require_low();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    function setLowWord(x, low) {
      FLOAT64_VIEW[0] = x;
      UINT32_VIEW[LOW] = low >>> 0;
      return FLOAT64_VIEW[0];
    }
    module.exports = setLowWord;
  }
});

// node_modules/@stdlib/number-float64-base-set-low-word/lib/index.js
var require_lib52 = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-low-word/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main38();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_pp.js
var require_polyval_pp = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_pp.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.3250421072470015;
      }
      return -0.3250421072470015 + x * (-0.02848174957559851 + x * (-0.005770270296489442 + x * -23763016656650163e-21));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_qq.js
var require_polyval_qq = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_qq.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.39791722395915535;
      }
      return 0.39791722395915535 + x * (0.0650222499887673 + x * (0.005081306281875766 + x * (13249473800432164e-20 + x * -3960228278775368e-21)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_pa.js
var require_polyval_pa = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_pa.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.41485611868374833;
      }
      return 0.41485611868374833 + x * (-0.3722078760357013 + x * (0.31834661990116175 + x * (-0.11089469428239668 + x * (0.035478304325618236 + x * -0.002166375594868791))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_qa.js
var require_polyval_qa = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_qa.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.10642088040084423;
      }
      return 0.10642088040084423 + x * (0.540397917702171 + x * (0.07182865441419627 + x * (0.12617121980876164 + x * (0.01363708391202905 + x * 0.011984499846799107))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_ra.js
var require_polyval_ra = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_ra.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.6938585727071818;
      }
      return -0.6938585727071818 + x * (-10.558626225323291 + x * (-62.375332450326006 + x * (-162.39666946257347 + x * (-184.60509290671104 + x * (-81.2874355063066 + x * -9.814329344169145)))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_sa.js
var require_polyval_sa = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_sa.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 19.651271667439257;
      }
      return 19.651271667439257 + x * (137.65775414351904 + x * (434.56587747522923 + x * (645.3872717332679 + x * (429.00814002756783 + x * (108.63500554177944 + x * (6.570249770319282 + x * -0.0604244152148581))))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_rb.js
var require_polyval_rb = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_rb.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.799283237680523;
      }
      return -0.799283237680523 + x * (-17.757954917754752 + x * (-160.63638485582192 + x * (-637.5664433683896 + x * (-1025.0951316110772 + x * -483.5191916086514))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/polyval_sb.js
var require_polyval_sb = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/polyval_sb.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 30.33806074348246;
      }
      return 30.33806074348246 + x * (325.7925129965739 + x * (1536.729586084437 + x * (3199.8582195085955 + x * (2553.0504064331644 + x * (474.52854120695537 + x * -22.44095244658582)))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/main.js
var require_main39 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var exp = require_lib51();
    var setLowWord = require_lib52();
    var PINF = require_lib12();
    var NINF = require_lib11();
    var polyvalPP = require_polyval_pp();
    var polyvalQQ = require_polyval_qq();
    var polyvalPA = require_polyval_pa();
    var polyvalQA = require_polyval_qa();
    var polyvalRA = require_polyval_ra();
    var polyvalSA = require_polyval_sa();
    var polyvalRB = require_polyval_rb();
    var polyvalSB = require_polyval_sb();
    var TINY = 1e-300;
    var SMALL = 13877787807814457e-33;
    var ERX = 0.8450629115104675;
    var PPC = 0.12837916709551256;
    var QQC = 1;
    var PAC = -0.0023621185607526594;
    var QAC = 1;
    var RAC = -0.009864944034847148;
    var SAC = 1;
    var RBC = -0.0098649429247001;
    var SBC = 1;
    function erfc3(x) {
      var sign;
      var ax;
      var z2;
      var r;
      var s;
      var y;
      var p;
      var q;
      if (isnan(x)) {
        return NaN;
      }
      if (x === PINF) {
        return 0;
      }
      if (x === NINF) {
        return 2;
      }
      if (x === 0) {
        return 1;
      }
      if (x < 0) {
        sign = true;
        ax = -x;
      } else {
        sign = false;
        ax = x;
      }
      if (ax < 0.84375) {
        if (ax < SMALL) {
          return 1 - x;
        }
        z2 = x * x;
        r = PPC + z2 * polyvalPP(z2);
        s = QQC + z2 * polyvalQQ(z2);
        y = r / s;
        if (x < 0.25) {
          return 1 - (x + x * y);
        }
        r = x * y;
        r += x - 0.5;
        return 0.5 - r;
      }
      if (ax < 1.25) {
        s = ax - 1;
        p = PAC + s * polyvalPA(s);
        q = QAC + s * polyvalQA(s);
        if (sign) {
          return 1 + ERX + p / q;
        }
        return 1 - ERX - p / q;
      }
      if (ax < 28) {
        s = 1 / (ax * ax);
        if (ax < 2.857142857142857) {
          r = RAC + s * polyvalRA(s);
          s = SAC + s * polyvalSA(s);
        } else {
          if (x < -6) {
            return 2 - TINY;
          }
          r = RBC + s * polyvalRB(s);
          s = SBC + s * polyvalSB(s);
        }
        z2 = setLowWord(ax, 0);
        r = exp(-(z2 * z2) - 0.5625) * exp((z2 - ax) * (z2 + ax) + r / s);
        if (sign) {
          return 2 - r / ax;
        }
        return r / ax;
      }
      if (sign) {
        return 2 - TINY;
      }
      return TINY * TINY;
    }
    module.exports = erfc3;
  }
});

// node_modules/@stdlib/math-base-special-erfc/lib/index.js
var require_lib53 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfc/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main39();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-sqrt/lib/main.js
var require_main40 = __commonJS({
  "node_modules/@stdlib/math-base-special-sqrt/lib/main.js"(exports, module) {
    "use strict";
    var sqrt = Math.sqrt;
    module.exports = sqrt;
  }
});

// node_modules/@stdlib/math-base-special-sqrt/lib/index.js
var require_lib54 = __commonJS({
  "node_modules/@stdlib/math-base-special-sqrt/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main40();
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-cdf/lib/main.js
var require_main41 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-cdf/lib/main.js"(exports, module) {
    "use strict";
    var erfc3 = require_lib53();
    var sqrt = require_lib54();
    var isnan = require_lib6();
    function cdf(x, mu, sigma) {
      var denom;
      var xc;
      if (isnan(x) || isnan(mu) || isnan(sigma) || sigma < 0) {
        return NaN;
      }
      if (sigma === 0) {
        return x < mu ? 0 : 1;
      }
      denom = sigma * sqrt(2);
      xc = x - mu;
      return 0.5 * erfc3(-xc / denom);
    }
    module.exports = cdf;
  }
});

// node_modules/@stdlib/utils-constant-function/lib/main.js
var require_main42 = __commonJS({
  "node_modules/@stdlib/utils-constant-function/lib/main.js"(exports, module) {
    "use strict";
    function wrap(value) {
      return constantFunction;
      function constantFunction() {
        return value;
      }
    }
    module.exports = wrap;
  }
});

// node_modules/@stdlib/utils-constant-function/lib/index.js
var require_lib55 = __commonJS({
  "node_modules/@stdlib/utils-constant-function/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main42();
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/main.js
var require_main43 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    function cdf(x, mu) {
      if (isnan(x) || isnan(mu)) {
        return NaN;
      }
      return x < mu ? 0 : 1;
    }
    module.exports = cdf;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/factory.js
var require_factory = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/factory.js"(exports, module) {
    "use strict";
    var constantFunction = require_lib55();
    var isnan = require_lib6();
    function factory(mu) {
      if (isnan(mu)) {
        return constantFunction(NaN);
      }
      return cdf;
      function cdf(x) {
        if (isnan(x)) {
          return NaN;
        }
        return x < mu ? 0 : 1;
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/index.js
var require_lib56 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-cdf/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib5();
    var main = require_main43();
    var factory = require_factory();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-cdf/lib/factory.js
var require_factory2 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-cdf/lib/factory.js"(exports, module) {
    "use strict";
    var constantFunction = require_lib55();
    var degenerate = require_lib56().factory;
    var isnan = require_lib6();
    var sqrt = require_lib54();
    var erfc3 = require_lib53();
    function factory(mu, sigma) {
      var denom;
      if (isnan(mu) || isnan(sigma) || sigma < 0) {
        return constantFunction(NaN);
      }
      if (sigma === 0) {
        return degenerate(mu);
      }
      denom = sigma * sqrt(2);
      return cdf;
      function cdf(x) {
        var xc;
        if (isnan(x)) {
          return NaN;
        }
        xc = x - mu;
        return 0.5 * erfc3(-xc / denom);
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-cdf/lib/index.js
var require_lib57 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-cdf/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib5();
    var main = require_main41();
    var factory = require_factory2();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-assert-is-integer/lib/main.js
var require_main44 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-integer/lib/main.js"(exports, module) {
    "use strict";
    var floor = require_lib7();
    function isInteger(x) {
      return floor(x) === x;
    }
    module.exports = isInteger;
  }
});

// node_modules/@stdlib/math-base-assert-is-integer/lib/index.js
var require_lib58 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-integer/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main44();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-assert-is-negative-zero/lib/main.js
var require_main45 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-negative-zero/lib/main.js"(exports, module) {
    "use strict";
    var NINF = require_lib11();
    function isNegativeZero(x) {
      return x === 0 && 1 / x === NINF;
    }
    module.exports = isNegativeZero;
  }
});

// node_modules/@stdlib/math-base-assert-is-negative-zero/lib/index.js
var require_lib59 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-negative-zero/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main45();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-kernel-cos/lib/polyval_c13.js
var require_polyval_c13 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-cos/lib/polyval_c13.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.0416666666666666;
      }
      return 0.0416666666666666 + x * (-0.001388888888887411 + x * 2480158728947673e-20);
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-kernel-cos/lib/polyval_c46.js
var require_polyval_c46 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-cos/lib/polyval_c46.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -27557314351390663e-23;
      }
      return -27557314351390663e-23 + x * (2087572321298175e-24 + x * -11359647557788195e-27);
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-kernel-cos/lib/main.js
var require_main46 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-cos/lib/main.js"(exports, module) {
    "use strict";
    var polyval13 = require_polyval_c13();
    var polyval46 = require_polyval_c46();
    function kernelCos(x, y) {
      var hz;
      var r;
      var w;
      var z2;
      z2 = x * x;
      w = z2 * z2;
      r = z2 * polyval13(z2);
      r += w * w * polyval46(z2);
      hz = 0.5 * z2;
      w = 1 - hz;
      return w + (1 - w - hz + (z2 * r - x * y));
    }
    module.exports = kernelCos;
  }
});

// node_modules/@stdlib/math-base-special-kernel-cos/lib/index.js
var require_lib60 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-cos/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main46();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-kernel-sin/lib/main.js
var require_main47 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-sin/lib/main.js"(exports, module) {
    "use strict";
    var S1 = -0.16666666666666632;
    var S2 = 0.00833333333332249;
    var S3 = -1984126982985795e-19;
    var S4 = 27557313707070068e-22;
    var S5 = -25050760253406863e-24;
    var S6 = 158969099521155e-24;
    function kernelSin(x, y) {
      var r;
      var v;
      var w;
      var z2;
      z2 = x * x;
      w = z2 * z2;
      r = S2 + z2 * (S3 + z2 * S4) + z2 * w * (S5 + z2 * S6);
      v = z2 * x;
      if (y === 0) {
        return x + v * (S1 + z2 * r);
      }
      return x - (z2 * (0.5 * y - v * r) - y - v * S1);
    }
    module.exports = kernelSin;
  }
});

// node_modules/@stdlib/math-base-special-kernel-sin/lib/index.js
var require_lib61 = __commonJS({
  "node_modules/@stdlib/math-base-special-kernel-sin/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main47();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-high-word-significand-mask/lib/index.js
var require_lib62 = __commonJS({
  "node_modules/@stdlib/constants-float64-high-word-significand-mask/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_HIGH_WORD_SIGNIFICAND_MASK = 1048575;
    module.exports = FLOAT64_HIGH_WORD_SIGNIFICAND_MASK;
  }
});

// node_modules/@stdlib/number-float64-base-get-low-word/lib/low.js
var require_low2 = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-low-word/lib/low.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var LOW;
    if (isLittleEndian === true) {
      LOW = 0;
    } else {
      LOW = 1;
    }
    module.exports = LOW;
  }
});

// node_modules/@stdlib/number-float64-base-get-low-word/lib/main.js
var require_main48 = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-low-word/lib/main.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var LOW = require_low2();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    function getLowWord(x) {
      FLOAT64_VIEW[0] = x;
      return UINT32_VIEW[LOW];
    }
    module.exports = getLowWord;
  }
});

// node_modules/@stdlib/number-float64-base-get-low-word/lib/index.js
var require_lib63 = __commonJS({
  "node_modules/@stdlib/number-float64-base-get-low-word/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main48();
    module.exports = main;
  }
});

// node_modules/@stdlib/array-base-filled/lib/main.js
var require_main49 = __commonJS({
  "node_modules/@stdlib/array-base-filled/lib/main.js"(exports, module) {
    "use strict";
    function filled(value, len) {
      var arr;
      var i;
      arr = [];
      for (i = 0; i < len; i++) {
        arr.push(value);
      }
      return arr;
    }
    module.exports = filled;
  }
});

// node_modules/@stdlib/array-base-filled/lib/index.js
var require_lib64 = __commonJS({
  "node_modules/@stdlib/array-base-filled/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main49();
    module.exports = main;
  }
});

// node_modules/@stdlib/array-base-zeros/lib/main.js
var require_main50 = __commonJS({
  "node_modules/@stdlib/array-base-zeros/lib/main.js"(exports, module) {
    "use strict";
    var filled = require_lib64();
    function zeros(len) {
      return filled(0, len);
    }
    module.exports = zeros;
  }
});

// node_modules/@stdlib/array-base-zeros/lib/index.js
var require_lib65 = __commonJS({
  "node_modules/@stdlib/array-base-zeros/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main50();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-rempio2/lib/kernel_rempio2.js
var require_kernel_rempio2 = __commonJS({
  "node_modules/@stdlib/math-base-special-rempio2/lib/kernel_rempio2.js"(exports, module) {
    "use strict";
    var floor = require_lib7();
    var ldexp2 = require_lib50();
    var zeros = require_lib65();
    var IPIO2 = [
      10680707,
      7228996,
      1387004,
      2578385,
      16069853,
      12639074,
      9804092,
      4427841,
      16666979,
      11263675,
      12935607,
      2387514,
      4345298,
      14681673,
      3074569,
      13734428,
      16653803,
      1880361,
      10960616,
      8533493,
      3062596,
      8710556,
      7349940,
      6258241,
      3772886,
      3769171,
      3798172,
      8675211,
      12450088,
      3874808,
      9961438,
      366607,
      15675153,
      9132554,
      7151469,
      3571407,
      2607881,
      12013382,
      4155038,
      6285869,
      7677882,
      13102053,
      15825725,
      473591,
      9065106,
      15363067,
      6271263,
      9264392,
      5636912,
      4652155,
      7056368,
      13614112,
      10155062,
      1944035,
      9527646,
      15080200,
      6658437,
      6231200,
      6832269,
      16767104,
      5075751,
      3212806,
      1398474,
      7579849,
      6349435,
      12618859
    ];
    var PIO2 = [
      1.570796251296997,
      // 0x3FF921FB, 0x40000000
      7549789415861596e-23,
      // 0x3E74442D, 0x00000000
      5390302529957765e-30,
      // 0x3CF84698, 0x80000000
      3282003415807913e-37,
      // 0x3B78CC51, 0x60000000
      1270655753080676e-44,
      // 0x39F01B83, 0x80000000
      12293330898111133e-52,
      // 0x387A2520, 0x40000000
      27337005381646456e-60,
      // 0x36E38222, 0x80000000
      21674168387780482e-67
      // 0x3569F31D, 0x00000000
    ];
    var TWO24 = 16777216;
    var TWON24 = 5960464477539063e-23;
    var F = zeros(20);
    var Q = zeros(20);
    var FQ = zeros(20);
    var IQ = zeros(20);
    function compute(x, y, jz, q, q0, jk, jv, jx, f) {
      var carry;
      var fw;
      var ih;
      var jp;
      var i;
      var k;
      var n;
      var j;
      var z2;
      jp = jk;
      z2 = q[jz];
      j = jz;
      for (i = 0; j > 0; i++) {
        fw = TWON24 * z2 | 0;
        IQ[i] = z2 - TWO24 * fw | 0;
        z2 = q[j - 1] + fw;
        j -= 1;
      }
      z2 = ldexp2(z2, q0);
      z2 -= 8 * floor(z2 * 0.125);
      n = z2 | 0;
      z2 -= n;
      ih = 0;
      if (q0 > 0) {
        i = IQ[jz - 1] >> 24 - q0;
        n += i;
        IQ[jz - 1] -= i << 24 - q0;
        ih = IQ[jz - 1] >> 23 - q0;
      } else if (q0 === 0) {
        ih = IQ[jz - 1] >> 23;
      } else if (z2 >= 0.5) {
        ih = 2;
      }
      if (ih > 0) {
        n += 1;
        carry = 0;
        for (i = 0; i < jz; i++) {
          j = IQ[i];
          if (carry === 0) {
            if (j !== 0) {
              carry = 1;
              IQ[i] = 16777216 - j;
            }
          } else {
            IQ[i] = 16777215 - j;
          }
        }
        if (q0 > 0) {
          switch (q0) {
            // eslint-disable-line default-case
            case 1:
              IQ[jz - 1] &= 8388607;
              break;
            case 2:
              IQ[jz - 1] &= 4194303;
              break;
          }
        }
        if (ih === 2) {
          z2 = 1 - z2;
          if (carry !== 0) {
            z2 -= ldexp2(1, q0);
          }
        }
      }
      if (z2 === 0) {
        j = 0;
        for (i = jz - 1; i >= jk; i--) {
          j |= IQ[i];
        }
        if (j === 0) {
          for (k = 1; IQ[jk - k] === 0; k++) {
          }
          for (i = jz + 1; i <= jz + k; i++) {
            f[jx + i] = IPIO2[jv + i];
            fw = 0;
            for (j = 0; j <= jx; j++) {
              fw += x[j] * f[jx + (i - j)];
            }
            q[i] = fw;
          }
          jz += k;
          return compute(x, y, jz, q, q0, jk, jv, jx, f);
        }
        jz -= 1;
        q0 -= 24;
        while (IQ[jz] === 0) {
          jz -= 1;
          q0 -= 24;
        }
      } else {
        z2 = ldexp2(z2, -q0);
        if (z2 >= TWO24) {
          fw = TWON24 * z2 | 0;
          IQ[jz] = z2 - TWO24 * fw | 0;
          jz += 1;
          q0 += 24;
          IQ[jz] = fw;
        } else {
          IQ[jz] = z2 | 0;
        }
      }
      fw = ldexp2(1, q0);
      for (i = jz; i >= 0; i--) {
        q[i] = fw * IQ[i];
        fw *= TWON24;
      }
      for (i = jz; i >= 0; i--) {
        fw = 0;
        for (k = 0; k <= jp && k <= jz - i; k++) {
          fw += PIO2[k] * q[i + k];
        }
        FQ[jz - i] = fw;
      }
      fw = 0;
      for (i = jz; i >= 0; i--) {
        fw += FQ[i];
      }
      if (ih === 0) {
        y[0] = fw;
      } else {
        y[0] = -fw;
      }
      fw = FQ[0] - fw;
      for (i = 1; i <= jz; i++) {
        fw += FQ[i];
      }
      if (ih === 0) {
        y[1] = fw;
      } else {
        y[1] = -fw;
      }
      return n & 7;
    }
    function kernelRempio2(x, y, e0, nx) {
      var fw;
      var jk;
      var jv;
      var jx;
      var jz;
      var q0;
      var i;
      var j;
      var m;
      jk = 4;
      jx = nx - 1;
      jv = (e0 - 3) / 24 | 0;
      if (jv < 0) {
        jv = 0;
      }
      q0 = e0 - 24 * (jv + 1);
      j = jv - jx;
      m = jx + jk;
      for (i = 0; i <= m; i++) {
        if (j < 0) {
          F[i] = 0;
        } else {
          F[i] = IPIO2[j];
        }
        j += 1;
      }
      for (i = 0; i <= jk; i++) {
        fw = 0;
        for (j = 0; j <= jx; j++) {
          fw += x[j] * F[jx + (i - j)];
        }
        Q[i] = fw;
      }
      jz = jk;
      return compute(x, y, jz, Q, q0, jk, jv, jx, F);
    }
    module.exports = kernelRempio2;
  }
});

// node_modules/@stdlib/math-base-special-round/lib/main.js
var require_main51 = __commonJS({
  "node_modules/@stdlib/math-base-special-round/lib/main.js"(exports, module) {
    "use strict";
    var round = Math.round;
    module.exports = round;
  }
});

// node_modules/@stdlib/math-base-special-round/lib/index.js
var require_lib66 = __commonJS({
  "node_modules/@stdlib/math-base-special-round/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main51();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-rempio2/lib/rempio2_medium.js
var require_rempio2_medium = __commonJS({
  "node_modules/@stdlib/math-base-special-rempio2/lib/rempio2_medium.js"(exports, module) {
    "use strict";
    var round = require_lib66();
    var getHighWord = require_lib42();
    var INVPIO2 = 0.6366197723675814;
    var PIO2_1 = 1.5707963267341256;
    var PIO2_1T = 6077100506506192e-26;
    var PIO2_2 = 6077100506303966e-26;
    var PIO2_2T = 20222662487959506e-37;
    var PIO2_3 = 20222662487111665e-37;
    var PIO2_3T = 84784276603689e-45;
    var EXPONENT_MASK = 2047 | 0;
    function rempio2Medium(x, ix, y) {
      var high;
      var n;
      var t;
      var r;
      var w;
      var i;
      var j;
      n = round(x * INVPIO2);
      r = x - n * PIO2_1;
      w = n * PIO2_1T;
      j = ix >> 20 | 0;
      y[0] = r - w;
      high = getHighWord(y[0]);
      i = j - (high >> 20 & EXPONENT_MASK);
      if (i > 16) {
        t = r;
        w = n * PIO2_2;
        r = t - w;
        w = n * PIO2_2T - (t - r - w);
        y[0] = r - w;
        high = getHighWord(y[0]);
        i = j - (high >> 20 & EXPONENT_MASK);
        if (i > 49) {
          t = r;
          w = n * PIO2_3;
          r = t - w;
          w = n * PIO2_3T - (t - r - w);
          y[0] = r - w;
        }
      }
      y[1] = r - y[0] - w;
      return n;
    }
    module.exports = rempio2Medium;
  }
});

// node_modules/@stdlib/math-base-special-rempio2/lib/main.js
var require_main52 = __commonJS({
  "node_modules/@stdlib/math-base-special-rempio2/lib/main.js"(exports, module) {
    "use strict";
    var ABS_MASK = require_lib19();
    var EXPONENT_MASK = require_lib48();
    var SIGNIFICAND_MASK = require_lib62();
    var getHighWord = require_lib42();
    var getLowWord = require_lib63();
    var fromWords = require_lib43();
    var rempio2Kernel = require_kernel_rempio2();
    var rempio2Medium = require_rempio2_medium();
    var ZERO = 0;
    var TWO24 = 16777216;
    var PIO2_1 = 1.5707963267341256;
    var PIO2_1T = 6077100506506192e-26;
    var TWO_PIO2_1T = 2 * PIO2_1T;
    var THREE_PIO2_1T = 3 * PIO2_1T;
    var FOUR_PIO2_1T = 4 * PIO2_1T;
    var PI_HIGH_WORD_SIGNIFICAND = 598523 | 0;
    var PIO4_HIGH_WORD = 1072243195 | 0;
    var THREE_PIO4_HIGH_WORD = 1073928572 | 0;
    var FIVE_PIO4_HIGH_WORD = 1074752122 | 0;
    var THREE_PIO2_HIGH_WORD = 1074977148 | 0;
    var SEVEN_PIO4_HIGH_WORD = 1075183036 | 0;
    var TWO_PI_HIGH_WORD = 1075388923 | 0;
    var NINE_PIO4_HIGH_WORD = 1075594811 | 0;
    var MEDIUM = 1094263291 | 0;
    var TX = [0, 0, 0];
    var TY = [0, 0];
    function rempio2(x, y) {
      var low;
      var e0;
      var hx;
      var ix;
      var nx;
      var i;
      var n;
      var z2;
      hx = getHighWord(x) | 0;
      ix = hx & ABS_MASK | 0;
      if (ix <= PIO4_HIGH_WORD) {
        y[0] = x;
        y[1] = 0;
        return 0;
      }
      if (ix <= FIVE_PIO4_HIGH_WORD) {
        if ((ix & SIGNIFICAND_MASK) === PI_HIGH_WORD_SIGNIFICAND) {
          return rempio2Medium(x, ix, y);
        }
        if (ix <= THREE_PIO4_HIGH_WORD) {
          if (hx > 0) {
            z2 = x - PIO2_1;
            y[0] = z2 - PIO2_1T;
            y[1] = z2 - y[0] - PIO2_1T;
            return 1;
          }
          z2 = x + PIO2_1;
          y[0] = z2 + PIO2_1T;
          y[1] = z2 - y[0] + PIO2_1T;
          return -1;
        }
        if (hx > 0) {
          z2 = x - 2 * PIO2_1;
          y[0] = z2 - TWO_PIO2_1T;
          y[1] = z2 - y[0] - TWO_PIO2_1T;
          return 2;
        }
        z2 = x + 2 * PIO2_1;
        y[0] = z2 + TWO_PIO2_1T;
        y[1] = z2 - y[0] + TWO_PIO2_1T;
        return -2;
      }
      if (ix <= NINE_PIO4_HIGH_WORD) {
        if (ix <= SEVEN_PIO4_HIGH_WORD) {
          if (ix === THREE_PIO2_HIGH_WORD) {
            return rempio2Medium(x, ix, y);
          }
          if (hx > 0) {
            z2 = x - 3 * PIO2_1;
            y[0] = z2 - THREE_PIO2_1T;
            y[1] = z2 - y[0] - THREE_PIO2_1T;
            return 3;
          }
          z2 = x + 3 * PIO2_1;
          y[0] = z2 + THREE_PIO2_1T;
          y[1] = z2 - y[0] + THREE_PIO2_1T;
          return -3;
        }
        if (ix === TWO_PI_HIGH_WORD) {
          return rempio2Medium(x, ix, y);
        }
        if (hx > 0) {
          z2 = x - 4 * PIO2_1;
          y[0] = z2 - FOUR_PIO2_1T;
          y[1] = z2 - y[0] - FOUR_PIO2_1T;
          return 4;
        }
        z2 = x + 4 * PIO2_1;
        y[0] = z2 + FOUR_PIO2_1T;
        y[1] = z2 - y[0] + FOUR_PIO2_1T;
        return -4;
      }
      if (ix < MEDIUM) {
        return rempio2Medium(x, ix, y);
      }
      if (ix >= EXPONENT_MASK) {
        y[0] = NaN;
        y[1] = NaN;
        return 0;
      }
      low = getLowWord(x);
      e0 = (ix >> 20) - 1046;
      z2 = fromWords(ix - (e0 << 20 | 0), low);
      for (i = 0; i < 2; i++) {
        TX[i] = z2 | 0;
        z2 = (z2 - TX[i]) * TWO24;
      }
      TX[2] = z2;
      nx = 3;
      while (TX[nx - 1] === ZERO) {
        nx -= 1;
      }
      n = rempio2Kernel(TX, TY, e0, nx, 1);
      if (hx < 0) {
        y[0] = -TY[0];
        y[1] = -TY[1];
        return -n;
      }
      y[0] = TY[0];
      y[1] = TY[1];
      return n;
    }
    module.exports = rempio2;
  }
});

// node_modules/@stdlib/math-base-special-rempio2/lib/index.js
var require_lib67 = __commonJS({
  "node_modules/@stdlib/math-base-special-rempio2/lib/index.js"(exports, module) {
    "use strict";
    var rempio2 = require_main52();
    module.exports = rempio2;
  }
});

// node_modules/@stdlib/math-base-special-sin/lib/main.js
var require_main53 = __commonJS({
  "node_modules/@stdlib/math-base-special-sin/lib/main.js"(exports, module) {
    "use strict";
    var HIGH_WORD_ABS_MASK = require_lib19();
    var HIGH_WORD_EXPONENT_MASK = require_lib48();
    var getHighWord = require_lib42();
    var kernelCos = require_lib60();
    var kernelSin = require_lib61();
    var rempio2 = require_lib67();
    var PIO4_HIGH_WORD = 1072243195 | 0;
    var SMALL_HIGH_WORD = 1045430272 | 0;
    var Y = [0, 0];
    function sin(x) {
      var ix;
      var n;
      ix = getHighWord(x);
      ix &= HIGH_WORD_ABS_MASK;
      if (ix <= PIO4_HIGH_WORD) {
        if (ix < SMALL_HIGH_WORD) {
          return x;
        }
        return kernelSin(x, 0);
      }
      if (ix >= HIGH_WORD_EXPONENT_MASK) {
        return NaN;
      }
      n = rempio2(x, Y);
      switch (n & 3) {
        case 0:
          return kernelSin(Y[0], Y[1]);
        case 1:
          return kernelCos(Y[0], Y[1]);
        case 2:
          return -kernelSin(Y[0], Y[1]);
        default:
          return -kernelCos(Y[0], Y[1]);
      }
    }
    module.exports = sin;
  }
});

// node_modules/@stdlib/math-base-special-sin/lib/index.js
var require_lib68 = __commonJS({
  "node_modules/@stdlib/math-base-special-sin/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main53();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-pi/lib/index.js
var require_lib69 = __commonJS({
  "node_modules/@stdlib/constants-float64-pi/lib/index.js"(exports, module) {
    "use strict";
    var PI = 3.141592653589793;
    module.exports = PI;
  }
});

// node_modules/@stdlib/constants-float64-sqrt-two-pi/lib/index.js
var require_lib70 = __commonJS({
  "node_modules/@stdlib/constants-float64-sqrt-two-pi/lib/index.js"(exports, module) {
    "use strict";
    var SQRT_TWO_PI = 2.5066282746310007;
    module.exports = SQRT_TWO_PI;
  }
});

// node_modules/@stdlib/math-base-assert-is-even/lib/main.js
var require_main54 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-even/lib/main.js"(exports, module) {
    "use strict";
    var isInteger = require_lib58();
    function isEven(x) {
      return isInteger(x / 2);
    }
    module.exports = isEven;
  }
});

// node_modules/@stdlib/math-base-assert-is-even/lib/index.js
var require_lib71 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-even/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main54();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-assert-is-odd/lib/main.js
var require_main55 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-odd/lib/main.js"(exports, module) {
    "use strict";
    var isEven = require_lib71();
    function isOdd(x) {
      if (x > 0) {
        return isEven(x - 1);
      }
      return isEven(x + 1);
    }
    module.exports = isOdd;
  }
});

// node_modules/@stdlib/math-base-assert-is-odd/lib/index.js
var require_lib72 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-odd/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main55();
    module.exports = main;
  }
});

// node_modules/@stdlib/number-uint32-base-to-int32/lib/main.js
var require_main56 = __commonJS({
  "node_modules/@stdlib/number-uint32-base-to-int32/lib/main.js"(exports, module) {
    "use strict";
    function uint32ToInt32(x) {
      return x | 0;
    }
    module.exports = uint32ToInt32;
  }
});

// node_modules/@stdlib/number-uint32-base-to-int32/lib/index.js
var require_lib73 = __commonJS({
  "node_modules/@stdlib/number-uint32-base-to-int32/lib/index.js"(exports, module) {
    "use strict";
    var uint32ToInt32 = require_main56();
    module.exports = uint32ToInt32;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/x_is_zero.js
var require_x_is_zero = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/x_is_zero.js"(exports, module) {
    "use strict";
    var isOdd = require_lib72();
    var copysign = require_lib44();
    var NINF = require_lib11();
    var PINF = require_lib12();
    function pow(x, y) {
      if (y === NINF) {
        return PINF;
      }
      if (y === PINF) {
        return 0;
      }
      if (y > 0) {
        if (isOdd(y)) {
          return x;
        }
        return 0;
      }
      if (isOdd(y)) {
        return copysign(PINF, x);
      }
      return PINF;
    }
    module.exports = pow;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/y_is_huge.js
var require_y_is_huge = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/y_is_huge.js"(exports, module) {
    "use strict";
    var ABS_MASK = require_lib19();
    var getHighWord = require_lib42();
    var HIGH_MAX_NEAR_UNITY = 1072693247 | 0;
    var HUGE = 1e300;
    var TINY = 1e-300;
    function pow(x, y) {
      var ahx;
      var hx;
      hx = getHighWord(x);
      ahx = hx & ABS_MASK;
      if (ahx <= HIGH_MAX_NEAR_UNITY) {
        if (y < 0) {
          return HUGE * HUGE;
        }
        return TINY * TINY;
      }
      if (y > 0) {
        return HUGE * HUGE;
      }
      return TINY * TINY;
    }
    module.exports = pow;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/y_is_infinite.js
var require_y_is_infinite = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/y_is_infinite.js"(exports, module) {
    "use strict";
    var abs = require_lib46();
    var PINF = require_lib12();
    function pow(x, y) {
      if (x === -1) {
        return (x - x) / (x - x);
      }
      if (x === 1) {
        return 1;
      }
      if (abs(x) < 1 === (y === PINF)) {
        return 0;
      }
      return PINF;
    }
    module.exports = pow;
  }
});

// node_modules/@stdlib/number-float64-base-set-high-word/lib/high.js
var require_high2 = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-high-word/lib/high.js"(exports, module) {
    "use strict";
    var isLittleEndian = require_lib40();
    var HIGH;
    if (isLittleEndian === true) {
      HIGH = 1;
    } else {
      HIGH = 0;
    }
    module.exports = HIGH;
  }
});

// node_modules/@stdlib/number-float64-base-set-high-word/lib/main.js
var require_main57 = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-high-word/lib/main.js"(exports, module) {
    "use strict";
    var Uint32Array2 = require_lib28();
    var Float64Array2 = require_lib31();
    var HIGH = require_high2();
    var FLOAT64_VIEW = new Float64Array2(1);
    var UINT32_VIEW = new Uint32Array2(FLOAT64_VIEW.buffer);
    function setHighWord(x, high) {
      FLOAT64_VIEW[0] = x;
      UINT32_VIEW[HIGH] = high >>> 0;
      return FLOAT64_VIEW[0];
    }
    module.exports = setHighWord;
  }
});

// node_modules/@stdlib/number-float64-base-set-high-word/lib/index.js
var require_lib74 = __commonJS({
  "node_modules/@stdlib/number-float64-base-set-high-word/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main57();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-num-high-word-significand-bits/lib/index.js
var require_lib75 = __commonJS({
  "node_modules/@stdlib/constants-float64-num-high-word-significand-bits/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_NUM_HIGH_WORD_SIGNIFICAND_BITS = 20 | 0;
    module.exports = FLOAT64_NUM_HIGH_WORD_SIGNIFICAND_BITS;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/polyval_l.js
var require_polyval_l = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/polyval_l.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.5999999999999946;
      }
      return 0.5999999999999946 + x * (0.4285714285785502 + x * (0.33333332981837743 + x * (0.272728123808534 + x * (0.23066074577556175 + x * 0.20697501780033842))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/log2ax.js
var require_log2ax = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/log2ax.js"(exports, module) {
    "use strict";
    var getHighWord = require_lib42();
    var setLowWord = require_lib52();
    var setHighWord = require_lib74();
    var BIAS = require_lib13();
    var HIGH_NUM_SIGNIFICAND_BITS = require_lib75();
    var polyvalL = require_polyval_l();
    var HIGH_SIGNIFICAND_MASK = 1048575 | 0;
    var HIGH_MIN_NORMAL_EXP = 1048576 | 0;
    var HIGH_BIASED_EXP_0 = 1072693248 | 0;
    var HIGH_BIASED_EXP_NEG_512 = 536870912 | 0;
    var HIGH_SIGNIFICAND_HALF = 524288 | 0;
    var TWO53 = 9007199254740992;
    var CP = 0.9617966939259756;
    var CP_HI = 0.9617967009544373;
    var CP_LO = -7028461650952758e-24;
    var BP = [
      1,
      1.5
    ];
    var DP_HI = [
      0,
      0.5849624872207642
      // 0x3FE2B803, 0x40000000
    ];
    var DP_LO = [
      0,
      1350039202129749e-23
      // 0x3E4CFDEB, 0x43CFD006
    ];
    function log2ax(out, ax, ahx) {
      var tmp;
      var ss;
      var s2;
      var hs;
      var ls;
      var ht;
      var lt;
      var bp;
      var dp;
      var hp;
      var lp;
      var hz;
      var lz;
      var t1;
      var t2;
      var t;
      var r;
      var u;
      var v;
      var n;
      var j;
      var k;
      n = 0 | 0;
      if (ahx < HIGH_MIN_NORMAL_EXP) {
        ax *= TWO53;
        n -= 53 | 0;
        ahx = getHighWord(ax);
      }
      n += (ahx >> HIGH_NUM_SIGNIFICAND_BITS) - BIAS | 0;
      j = ahx & HIGH_SIGNIFICAND_MASK | 0;
      ahx = j | HIGH_BIASED_EXP_0 | 0;
      if (j <= 235662) {
        k = 0;
      } else if (j < 767610) {
        k = 1;
      } else {
        k = 0;
        n += 1 | 0;
        ahx -= HIGH_MIN_NORMAL_EXP;
      }
      ax = setHighWord(ax, ahx);
      bp = BP[k];
      u = ax - bp;
      v = 1 / (ax + bp);
      ss = u * v;
      hs = setLowWord(ss, 0);
      tmp = (ahx >> 1 | HIGH_BIASED_EXP_NEG_512) + HIGH_SIGNIFICAND_HALF;
      tmp += k << 18;
      ht = setHighWord(0, tmp);
      lt = ax - (ht - bp);
      ls = v * (u - hs * ht - hs * lt);
      s2 = ss * ss;
      r = s2 * s2 * polyvalL(s2);
      r += ls * (hs + ss);
      s2 = hs * hs;
      ht = 3 + s2 + r;
      ht = setLowWord(ht, 0);
      lt = r - (ht - 3 - s2);
      u = hs * ht;
      v = ls * ht + lt * ss;
      hp = u + v;
      hp = setLowWord(hp, 0);
      lp = v - (hp - u);
      hz = CP_HI * hp;
      lz = CP_LO * hp + lp * CP + DP_LO[k];
      dp = DP_HI[k];
      t = n;
      t1 = hz + lz + dp + t;
      t1 = setLowWord(t1, 0);
      t2 = lz - (t1 - t - dp - hz);
      out[0] = t1;
      out[1] = t2;
      return out;
    }
    module.exports = log2ax;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/polyval_w.js
var require_polyval_w = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/polyval_w.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.5;
      }
      return 0.5 + x * (-0.3333333333333333 + x * 0.25);
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/logx.js
var require_logx = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/logx.js"(exports, module) {
    "use strict";
    var setLowWord = require_lib52();
    var polyvalW = require_polyval_w();
    var INV_LN2 = 1.4426950408889634;
    var INV_LN2_HI = 1.4426950216293335;
    var INV_LN2_LO = 19259629911266175e-24;
    function logx(out, ax) {
      var t2;
      var t1;
      var t;
      var w;
      var u;
      var v;
      t = ax - 1;
      w = t * t * polyvalW(t);
      u = INV_LN2_HI * t;
      v = t * INV_LN2_LO - w * INV_LN2;
      t1 = u + v;
      t1 = setLowWord(t1, 0);
      t2 = v - (t1 - u);
      out[0] = t1;
      out[1] = t2;
      return out;
    }
    module.exports = logx;
  }
});

// node_modules/@stdlib/constants-float64-ln-two/lib/index.js
var require_lib76 = __commonJS({
  "node_modules/@stdlib/constants-float64-ln-two/lib/index.js"(exports, module) {
    "use strict";
    var LN2 = 0.6931471805599453;
    module.exports = LN2;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/polyval_p.js
var require_polyval_p2 = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/polyval_p.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.16666666666666602;
      }
      return 0.16666666666666602 + x * (-0.0027777777777015593 + x * (6613756321437934e-20 + x * (-16533902205465252e-22 + x * 41381367970572385e-24)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/pow2.js
var require_pow2 = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/pow2.js"(exports, module) {
    "use strict";
    var getHighWord = require_lib42();
    var setHighWord = require_lib74();
    var setLowWord = require_lib52();
    var uint32ToInt32 = require_lib73();
    var ldexp2 = require_lib50();
    var LN2 = require_lib76();
    var BIAS = require_lib13();
    var ABS_MASK = require_lib19();
    var HIGH_SIGNIFICAND_MASK = require_lib62();
    var HIGH_NUM_SIGNIFICAND_BITS = require_lib75();
    var polyvalP = require_polyval_p2();
    var HIGH_MIN_NORMAL_EXP = 1048576 | 0;
    var HIGH_BIASED_EXP_NEG_1 = 1071644672 | 0;
    var LN2_HI = 0.6931471824645996;
    var LN2_LO = -1904654299957768e-24;
    function pow22(j, hp, lp) {
      var tmp;
      var t1;
      var t;
      var r;
      var u;
      var v;
      var w;
      var z2;
      var n;
      var i;
      var k;
      i = j & ABS_MASK | 0;
      k = (i >> HIGH_NUM_SIGNIFICAND_BITS) - BIAS | 0;
      n = 0;
      if (i > HIGH_BIASED_EXP_NEG_1) {
        n = j + (HIGH_MIN_NORMAL_EXP >> k + 1) >>> 0;
        k = ((n & ABS_MASK) >> HIGH_NUM_SIGNIFICAND_BITS) - BIAS | 0;
        tmp = (n & ~(HIGH_SIGNIFICAND_MASK >> k)) >>> 0;
        t = setHighWord(0, tmp);
        n = (n & HIGH_SIGNIFICAND_MASK | HIGH_MIN_NORMAL_EXP) >> HIGH_NUM_SIGNIFICAND_BITS - k >>> 0;
        if (j < 0) {
          n = -n;
        }
        hp -= t;
      }
      t = lp + hp;
      t = setLowWord(t, 0);
      u = t * LN2_HI;
      v = (lp - (t - hp)) * LN2 + t * LN2_LO;
      z2 = u + v;
      w = v - (z2 - u);
      t = z2 * z2;
      t1 = z2 - t * polyvalP(t);
      r = z2 * t1 / (t1 - 2) - (w + z2 * w);
      z2 = 1 - (r - z2);
      j = getHighWord(z2);
      j = uint32ToInt32(j);
      j += n << HIGH_NUM_SIGNIFICAND_BITS >>> 0;
      if (j >> HIGH_NUM_SIGNIFICAND_BITS <= 0) {
        z2 = ldexp2(z2, n);
      } else {
        z2 = setHighWord(z2, j);
      }
      return z2;
    }
    module.exports = pow22;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/main.js
var require_main58 = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var isOdd = require_lib72();
    var isInfinite = require_lib17();
    var isInteger = require_lib58();
    var sqrt = require_lib54();
    var abs = require_lib46();
    var toWords = require_lib41();
    var setLowWord = require_lib52();
    var uint32ToInt32 = require_lib73();
    var NINF = require_lib11();
    var PINF = require_lib12();
    var ABS_MASK = require_lib19();
    var xIsZero = require_x_is_zero();
    var yIsHuge = require_y_is_huge();
    var yIsInfinite = require_y_is_infinite();
    var log2ax = require_log2ax();
    var logx = require_logx();
    var pow22 = require_pow2();
    var HIGH_MAX_NEAR_UNITY = 1072693247 | 0;
    var HIGH_BIASED_EXP_31 = 1105199104 | 0;
    var HIGH_BIASED_EXP_64 = 1139802112 | 0;
    var HIGH_BIASED_EXP_10 = 1083179008 | 0;
    var HIGH_BIASED_EXP_0 = 1072693248 | 0;
    var HIGH_1075 = 1083231232 | 0;
    var HIGH_NEG_1075 = 3230714880 >>> 0;
    var HIGH_NUM_NONSIGN_BITS = 31 | 0;
    var HUGE = 1e300;
    var TINY = 1e-300;
    var OVT = 8008566259537294e-32;
    var WORDS = [0 | 0, 0 | 0];
    var LOG_WORKSPACE = [0, 0];
    function pow(x, y) {
      var ahx;
      var ahy;
      var ax;
      var hx;
      var lx;
      var hy;
      var ly;
      var sx;
      var sy;
      var y1;
      var hp;
      var lp;
      var t;
      var z2;
      var j;
      var i;
      if (isnan(x) || isnan(y)) {
        return NaN;
      }
      toWords.assign(y, WORDS, 1, 0);
      hy = WORDS[0];
      ly = WORDS[1];
      if (ly === 0) {
        if (y === 0) {
          return 1;
        }
        if (y === 1) {
          return x;
        }
        if (y === -1) {
          return 1 / x;
        }
        if (y === 0.5) {
          return sqrt(x);
        }
        if (y === -0.5) {
          return 1 / sqrt(x);
        }
        if (y === 2) {
          return x * x;
        }
        if (y === 3) {
          return x * x * x;
        }
        if (y === 4) {
          x *= x;
          return x * x;
        }
        if (isInfinite(y)) {
          return yIsInfinite(x, y);
        }
      }
      toWords.assign(x, WORDS, 1, 0);
      hx = WORDS[0];
      lx = WORDS[1];
      if (lx === 0) {
        if (hx === 0) {
          return xIsZero(x, y);
        }
        if (x === 1) {
          return 1;
        }
        if (x === -1 && isOdd(y)) {
          return -1;
        }
        if (isInfinite(x)) {
          if (x === NINF) {
            return pow(-0, -y);
          }
          if (y < 0) {
            return 0;
          }
          return PINF;
        }
      }
      if (x < 0 && isInteger(y) === false) {
        return (x - x) / (x - x);
      }
      ax = abs(x);
      ahx = hx & ABS_MASK | 0;
      ahy = hy & ABS_MASK | 0;
      sx = hx >>> HIGH_NUM_NONSIGN_BITS | 0;
      sy = hy >>> HIGH_NUM_NONSIGN_BITS | 0;
      if (sx && isOdd(y)) {
        sx = -1;
      } else {
        sx = 1;
      }
      if (ahy > HIGH_BIASED_EXP_31) {
        if (ahy > HIGH_BIASED_EXP_64) {
          return yIsHuge(x, y);
        }
        if (ahx < HIGH_MAX_NEAR_UNITY) {
          if (sy === 1) {
            return sx * HUGE * HUGE;
          }
          return sx * TINY * TINY;
        }
        if (ahx > HIGH_BIASED_EXP_0) {
          if (sy === 0) {
            return sx * HUGE * HUGE;
          }
          return sx * TINY * TINY;
        }
        t = logx(LOG_WORKSPACE, ax);
      } else {
        t = log2ax(LOG_WORKSPACE, ax, ahx);
      }
      y1 = setLowWord(y, 0);
      lp = (y - y1) * t[0] + y * t[1];
      hp = y1 * t[0];
      z2 = lp + hp;
      toWords.assign(z2, WORDS, 1, 0);
      j = uint32ToInt32(WORDS[0]);
      i = uint32ToInt32(WORDS[1]);
      if (j >= HIGH_BIASED_EXP_10) {
        if ((j - HIGH_BIASED_EXP_10 | i) !== 0) {
          return sx * HUGE * HUGE;
        }
        if (lp + OVT > z2 - hp) {
          return sx * HUGE * HUGE;
        }
      } else if ((j & ABS_MASK) >= HIGH_1075) {
        if ((j - HIGH_NEG_1075 | i) !== 0) {
          return sx * TINY * TINY;
        }
        if (lp <= z2 - hp) {
          return sx * TINY * TINY;
        }
      }
      z2 = pow22(j, hp, lp);
      return sx * z2;
    }
    module.exports = pow;
  }
});

// node_modules/@stdlib/math-base-special-pow/lib/index.js
var require_lib77 = __commonJS({
  "node_modules/@stdlib/math-base-special-pow/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main58();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/polyval_s.js
var require_polyval_s = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/polyval_s.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.08333333333334822;
      }
      return 0.08333333333334822 + x * (0.0034722222160545866 + x * (-0.0026813261780578124 + x * (-22954996161337813e-20 + x * 7873113957930937e-19)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/stirling_approximation.js
var require_stirling_approximation = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/stirling_approximation.js"(exports, module) {
    "use strict";
    var SQRT_TWO_PI = require_lib70();
    var pow = require_lib77();
    var exp = require_lib51();
    var polyval2 = require_polyval_s();
    var MAX_STIRLING = 143.01608;
    function gamma(x) {
      var w;
      var y;
      var v;
      w = 1 / x;
      w = 1 + w * polyval2(w);
      y = exp(x);
      if (x > MAX_STIRLING) {
        v = pow(x, 0.5 * x - 0.25);
        y = v * (v / y);
      } else {
        y = pow(x, x - 0.5) / y;
      }
      return SQRT_TWO_PI * y * w;
    }
    module.exports = gamma;
  }
});

// node_modules/@stdlib/constants-float64-eulergamma/lib/index.js
var require_lib78 = __commonJS({
  "node_modules/@stdlib/constants-float64-eulergamma/lib/index.js"(exports, module) {
    "use strict";
    var EULERGAMMA = 0.5772156649015329;
    module.exports = EULERGAMMA;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/small_approximation.js
var require_small_approximation = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/small_approximation.js"(exports, module) {
    "use strict";
    var EULER = require_lib78();
    function gamma(x, z2) {
      return z2 / ((1 + EULER * x) * x);
    }
    module.exports = gamma;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/rational_pq.js
var require_rational_pq = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/rational_pq.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return 1;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = 1 + x * (0.4942148268014971 + x * (0.20744822764843598 + x * (0.04763678004571372 + x * (0.010421379756176158 + x * (0.0011913514700658638 + x * (16011952247675185e-20 + x * 0))))));
        s2 = 1 + x * (0.0714304917030273 + x * (-0.23459179571824335 + x * (0.035823639860549865 + x * (0.011813978522206043 + x * (-0.004456419138517973 + x * (5396055804933034e-19 + x * -23158187332412014e-21))))));
      } else {
        x = 1 / x;
        s1 = 0 + x * (16011952247675185e-20 + x * (0.0011913514700658638 + x * (0.010421379756176158 + x * (0.04763678004571372 + x * (0.20744822764843598 + x * (0.4942148268014971 + x * 1))))));
        s2 = -23158187332412014e-21 + x * (5396055804933034e-19 + x * (-0.004456419138517973 + x * (0.011813978522206043 + x * (0.035823639860549865 + x * (-0.23459179571824335 + x * (0.0714304917030273 + x * 1))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/main.js
var require_main59 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var isInteger = require_lib58();
    var isNegativeZero = require_lib59();
    var abs = require_lib46();
    var floor = require_lib7();
    var sin = require_lib68();
    var PINF = require_lib12();
    var NINF = require_lib11();
    var PI = require_lib69();
    var stirlingApprox = require_stirling_approximation();
    var smallApprox = require_small_approximation();
    var rateval = require_rational_pq();
    function gamma(x) {
      var sign;
      var q;
      var p;
      var z2;
      if (isInteger(x) && x < 0 || x === NINF || isnan(x)) {
        return NaN;
      }
      if (x === 0) {
        if (isNegativeZero(x)) {
          return NINF;
        }
        return PINF;
      }
      if (x > 171.61447887182297) {
        return PINF;
      }
      if (x < -170.5674972726612) {
        return 0;
      }
      q = abs(x);
      if (q > 33) {
        if (x >= 0) {
          return stirlingApprox(x);
        }
        p = floor(q);
        if ((p & 1) === 0) {
          sign = -1;
        } else {
          sign = 1;
        }
        z2 = q - p;
        if (z2 > 0.5) {
          p += 1;
          z2 = q - p;
        }
        z2 = q * sin(PI * z2);
        return sign * PI / (abs(z2) * stirlingApprox(q));
      }
      z2 = 1;
      while (x >= 3) {
        x -= 1;
        z2 *= x;
      }
      while (x < 0) {
        if (x > -1e-9) {
          return smallApprox(x, z2);
        }
        z2 /= x;
        x += 1;
      }
      while (x < 2) {
        if (x < 1e-9) {
          return smallApprox(x, z2);
        }
        z2 /= x;
        x += 1;
      }
      if (x === 2) {
        return z2;
      }
      x -= 2;
      return z2 * rateval(x);
    }
    module.exports = gamma;
  }
});

// node_modules/@stdlib/math-base-special-gamma/lib/index.js
var require_lib79 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main59();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-half-ln-two/lib/index.js
var require_lib80 = __commonJS({
  "node_modules/@stdlib/constants-float64-half-ln-two/lib/index.js"(exports, module) {
    "use strict";
    var HALF_LN2 = 0.34657359027997264;
    module.exports = HALF_LN2;
  }
});

// node_modules/@stdlib/math-base-special-expm1/lib/polyval_q.js
var require_polyval_q = __commonJS({
  "node_modules/@stdlib/math-base-special-expm1/lib/polyval_q.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.03333333333333313;
      }
      return -0.03333333333333313 + x * (0.0015873015872548146 + x * (-793650757867488e-19 + x * (4008217827329362e-21 + x * -20109921818362437e-23)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-expm1/lib/main.js
var require_main60 = __commonJS({
  "node_modules/@stdlib/math-base-special-expm1/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var getHighWord = require_lib42();
    var setHighWord = require_lib74();
    var fromWords = require_lib43();
    var PINF = require_lib12();
    var NINF = require_lib11();
    var FLOAT64_EXPONENT_BIAS = require_lib13();
    var HALF_LN2 = require_lib80();
    var polyval2 = require_polyval_q();
    var OVERFLOW_THRESHOLD = 709.782712893384;
    var LN2_HI = 0.6931471803691238;
    var LN2_LO = 19082149292705877e-26;
    var LN2_INV = 1.4426950408889634;
    var LN2x56 = 38.816242111356935;
    var LN2_HALFX3 = 1.0397207708399179;
    function expm1(x) {
      var halfX;
      var twopk;
      var sign;
      var hi;
      var lo;
      var hx;
      var r1;
      var y;
      var z2;
      var c;
      var t;
      var e;
      var k;
      if (x === PINF || isnan(x)) {
        return x;
      }
      if (x === NINF) {
        return -1;
      }
      if (x === 0) {
        return x;
      }
      if (x < 0) {
        sign = true;
        y = -x;
      } else {
        sign = false;
        y = x;
      }
      if (y >= LN2x56) {
        if (sign) {
          return -1;
        }
        if (y >= OVERFLOW_THRESHOLD) {
          return PINF;
        }
      }
      hx = getHighWord(y) | 0;
      if (y > HALF_LN2) {
        if (y < LN2_HALFX3) {
          if (sign) {
            hi = x + LN2_HI;
            lo = -LN2_LO;
            k = -1;
          } else {
            hi = x - LN2_HI;
            lo = LN2_LO;
            k = 1;
          }
        } else {
          if (sign) {
            k = LN2_INV * x - 0.5;
          } else {
            k = LN2_INV * x + 0.5;
          }
          k |= 0;
          t = k;
          hi = x - t * LN2_HI;
          lo = t * LN2_LO;
        }
        x = hi - lo;
        c = hi - x - lo;
      } else if (hx < 1016070144) {
        return x;
      } else {
        k = 0;
      }
      halfX = 0.5 * x;
      z2 = x * halfX;
      r1 = 1 + z2 * polyval2(z2);
      t = 3 - r1 * halfX;
      e = z2 * ((r1 - t) / (6 - x * t));
      if (k === 0) {
        return x - (x * e - z2);
      }
      twopk = fromWords(FLOAT64_EXPONENT_BIAS + k << 20, 0);
      e = x * (e - c) - c;
      e -= z2;
      if (k === -1) {
        return 0.5 * (x - e) - 0.5;
      }
      if (k === 1) {
        if (x < -0.25) {
          return -2 * (e - (x + 0.5));
        }
        return 1 + 2 * (x - e);
      }
      if (k <= -2 || k > 56) {
        y = 1 - (e - x);
        if (k === 1024) {
          hi = getHighWord(y) + (k << 20) | 0;
          y = setHighWord(y, hi);
        } else {
          y *= twopk;
        }
        return y - 1;
      }
      t = 1;
      if (k < 20) {
        hi = 1072693248 - (2097152 >> k) | 0;
        t = setHighWord(t, hi);
        y = t - (e - x);
      } else {
        hi = FLOAT64_EXPONENT_BIAS - k << 20 | 0;
        t = setHighWord(t, hi);
        y = x - (e + t);
        y += 1;
      }
      y *= twopk;
      return y;
    }
    module.exports = expm1;
  }
});

// node_modules/@stdlib/math-base-special-expm1/lib/index.js
var require_lib81 = __commonJS({
  "node_modules/@stdlib/math-base-special-expm1/lib/index.js"(exports, module) {
    "use strict";
    var expm1 = require_main60();
    module.exports = expm1;
  }
});

// node_modules/@stdlib/math-base-special-log1p/lib/polyval_lp.js
var require_polyval_lp = __commonJS({
  "node_modules/@stdlib/math-base-special-log1p/lib/polyval_lp.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.6666666666666735;
      }
      return 0.6666666666666735 + x * (0.3999999999940942 + x * (0.2857142874366239 + x * (0.22222198432149784 + x * (0.1818357216161805 + x * (0.15313837699209373 + x * 0.14798198605116586)))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-log1p/lib/main.js
var require_main61 = __commonJS({
  "node_modules/@stdlib/math-base-special-log1p/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var getHighWord = require_lib42();
    var setHighWord = require_lib74();
    var PINF = require_lib12();
    var NINF = require_lib11();
    var FLOAT64_EXPONENT_BIAS = require_lib13();
    var polyval2 = require_polyval_lp();
    var LN2_HI = 0.6931471803691238;
    var LN2_LO = 19082149292705877e-26;
    var SQRT2M1 = 0.41421356237309503;
    var SQRT2HALFM1 = -0.2928932188134525;
    var SMALL = 1862645149230957e-24;
    var TINY = 5551115123125783e-32;
    var TWO53 = 9007199254740992;
    var TWO_THIRDS = 0.6666666666666666;
    function log1p(x) {
      var hfsq;
      var hu;
      var y;
      var f;
      var c;
      var s;
      var z2;
      var R;
      var u;
      var k;
      if (x < -1 || isnan(x)) {
        return NaN;
      }
      if (x === -1) {
        return NINF;
      }
      if (x === PINF) {
        return x;
      }
      if (x === 0) {
        return x;
      }
      if (x < 0) {
        y = -x;
      } else {
        y = x;
      }
      k = 1;
      if (y < SQRT2M1) {
        if (y < SMALL) {
          if (y < TINY) {
            return x;
          }
          return x - x * x * 0.5;
        }
        if (x > SQRT2HALFM1) {
          k = 0;
          f = x;
          hu = 1;
        }
      }
      if (k !== 0) {
        if (y < TWO53) {
          u = 1 + x;
          hu = getHighWord(u);
          k = (hu >> 20) - FLOAT64_EXPONENT_BIAS;
          if (k > 0) {
            c = 1 - (u - x);
          } else {
            c = x - (u - 1);
          }
          c /= u;
        } else {
          u = x;
          hu = getHighWord(u);
          k = (hu >> 20) - FLOAT64_EXPONENT_BIAS;
          c = 0;
        }
        hu &= 1048575;
        if (hu < 434334) {
          u = setHighWord(u, hu | 1072693248);
        } else {
          k += 1;
          u = setHighWord(u, hu | 1071644672);
          hu = 1048576 - hu >> 2;
        }
        f = u - 1;
      }
      hfsq = 0.5 * f * f;
      if (hu === 0) {
        if (f === 0) {
          c += k * LN2_LO;
          return k * LN2_HI + c;
        }
        R = hfsq * (1 - TWO_THIRDS * f);
        return k * LN2_HI - (R - (k * LN2_LO + c) - f);
      }
      s = f / (2 + f);
      z2 = s * s;
      R = z2 * polyval2(z2);
      if (k === 0) {
        return f - (hfsq - s * (hfsq + R));
      }
      return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
    }
    module.exports = log1p;
  }
});

// node_modules/@stdlib/math-base-special-log1p/lib/index.js
var require_lib82 = __commonJS({
  "node_modules/@stdlib/math-base-special-log1p/lib/index.js"(exports, module) {
    "use strict";
    var log1p = require_main61();
    module.exports = log1p;
  }
});

// node_modules/@stdlib/math-base-special-ln/lib/polyval_p.js
var require_polyval_p3 = __commonJS({
  "node_modules/@stdlib/math-base-special-ln/lib/polyval_p.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.3999999999940942;
      }
      return 0.3999999999940942 + x * (0.22222198432149784 + x * 0.15313837699209373);
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-ln/lib/polyval_q.js
var require_polyval_q2 = __commonJS({
  "node_modules/@stdlib/math-base-special-ln/lib/polyval_q.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.6666666666666735;
      }
      return 0.6666666666666735 + x * (0.2857142874366239 + x * (0.1818357216161805 + x * 0.14798198605116586));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-ln/lib/main.js
var require_main62 = __commonJS({
  "node_modules/@stdlib/math-base-special-ln/lib/main.js"(exports, module) {
    "use strict";
    var getHighWord = require_lib42();
    var setHighWord = require_lib74();
    var isnan = require_lib6();
    var BIAS = require_lib13();
    var NINF = require_lib11();
    var polyvalP = require_polyval_p3();
    var polyvalQ = require_polyval_q2();
    var LN2_HI = 0.6931471803691238;
    var LN2_LO = 19082149292705877e-26;
    var TWO54 = 18014398509481984;
    var ONE_THIRD = 0.3333333333333333;
    var HIGH_SIGNIFICAND_MASK = 1048575 | 0;
    var HIGH_MAX_NORMAL_EXP = 2146435072 | 0;
    var HIGH_MIN_NORMAL_EXP = 1048576 | 0;
    var HIGH_BIASED_EXP_0 = 1072693248 | 0;
    function ln(x) {
      var hfsq;
      var hx;
      var t2;
      var t1;
      var k;
      var R;
      var f;
      var i;
      var j;
      var s;
      var w;
      var z2;
      if (x === 0) {
        return NINF;
      }
      if (isnan(x) || x < 0) {
        return NaN;
      }
      hx = getHighWord(x);
      k = 0 | 0;
      if (hx < HIGH_MIN_NORMAL_EXP) {
        k -= 54 | 0;
        x *= TWO54;
        hx = getHighWord(x);
      }
      if (hx >= HIGH_MAX_NORMAL_EXP) {
        return x + x;
      }
      k += (hx >> 20) - BIAS | 0;
      hx &= HIGH_SIGNIFICAND_MASK;
      i = hx + 614244 & 1048576 | 0;
      x = setHighWord(x, hx | i ^ HIGH_BIASED_EXP_0);
      k += i >> 20 | 0;
      f = x - 1;
      if ((HIGH_SIGNIFICAND_MASK & 2 + hx) < 3) {
        if (f === 0) {
          if (k === 0) {
            return 0;
          }
          return k * LN2_HI + k * LN2_LO;
        }
        R = f * f * (0.5 - ONE_THIRD * f);
        if (k === 0) {
          return f - R;
        }
        return k * LN2_HI - (R - k * LN2_LO - f);
      }
      s = f / (2 + f);
      z2 = s * s;
      i = hx - 398458 | 0;
      w = z2 * z2;
      j = 440401 - hx | 0;
      t1 = w * polyvalP(w);
      t2 = z2 * polyvalQ(w);
      i |= j;
      R = t2 + t1;
      if (i > 0) {
        hfsq = 0.5 * f * f;
        if (k === 0) {
          return f - (hfsq - s * (hfsq + R));
        }
        return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
      }
      if (k === 0) {
        return f - s * (f - R);
      }
      return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
    }
    module.exports = ln;
  }
});

// node_modules/@stdlib/math-base-special-ln/lib/index.js
var require_lib83 = __commonJS({
  "node_modules/@stdlib/math-base-special-ln/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main62();
    module.exports = main;
  }
});

// node_modules/@stdlib/constants-float64-eps/lib/index.js
var require_lib84 = __commonJS({
  "node_modules/@stdlib/constants-float64-eps/lib/index.js"(exports, module) {
    "use strict";
    var FLOAT64_EPSILON = 2220446049250313e-31;
    module.exports = FLOAT64_EPSILON;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p1q1.js
var require_rational_p1q1 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p1q1.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.01803556856784494;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.01803556856784494 + x * (0.02512664961998968 + x * (0.049410315156753225 + x * (0.0172491608709614 + x * (-2594535632054381e-19 + x * (-5410098692152044e-19 + x * (-3245886498259485e-20 + x * 0))))));
        s2 = 1 + x * (1.962029871977952 + x * (1.4801966942423133 + x * (0.5413914320717209 + x * (0.09885042511280101 + x * (0.008213096746488934 + x * (22493629192211576e-20 + x * -22335276320861708e-23))))));
      } else {
        x = 1 / x;
        s1 = 0 + x * (-3245886498259485e-20 + x * (-5410098692152044e-19 + x * (-2594535632054381e-19 + x * (0.0172491608709614 + x * (0.049410315156753225 + x * (0.02512664961998968 + x * -0.01803556856784494))))));
        s2 = -22335276320861708e-23 + x * (22493629192211576e-20 + x * (0.008213096746488934 + x * (0.09885042511280101 + x * (0.5413914320717209 + x * (1.4801966942423133 + x * (1.962029871977952 + x * 1))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p2q2.js
var require_rational_p2q2 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p2q2.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return 0.04906224540690395;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = 0.04906224540690395 + x * (-0.09691175301595212 + x * (-0.4149833583594954 + x * (-0.4065671242119384 + x * (-0.1584135863906922 + x * (-0.024014982064857155 + x * -0.0010034668769627955)))));
        s2 = 1 + x * (3.0234982984646304 + x * (3.4873958536072385 + x * (1.9141558827442668 + x * (0.5071377386143635 + x * (0.05770397226904519 + x * 0.001957681026011072)))));
      } else {
        x = 1 / x;
        s1 = -0.0010034668769627955 + x * (-0.024014982064857155 + x * (-0.1584135863906922 + x * (-0.4065671242119384 + x * (-0.4149833583594954 + x * (-0.09691175301595212 + x * 0.04906224540690395)))));
        s2 = 0.001957681026011072 + x * (0.05770397226904519 + x * (0.5071377386143635 + x * (1.9141558827442668 + x * (3.4873958536072385 + x * (3.0234982984646304 + x * 1)))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p3q3.js
var require_rational_p3q3 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/rational_p3q3.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.029232972183027003;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.029232972183027003 + x * (0.14421626775719232 + x * (-0.14244039073863127 + x * (0.05428096940550536 + x * (-0.008505359768683364 + x * (4311713426792973e-19 + x * 0)))));
        s2 = 1 + x * (-1.5016935605448505 + x * (0.846973248876495 + x * (-0.22009515181499575 + x * (0.02558279715597587 + x * (-0.0010066679553914337 + x * -8271935218912905e-22)))));
      } else {
        x = 1 / x;
        s1 = 0 + x * (4311713426792973e-19 + x * (-0.008505359768683364 + x * (0.05428096940550536 + x * (-0.14244039073863127 + x * (0.14421626775719232 + x * -0.029232972183027003)))));
        s2 = -8271935218912905e-22 + x * (-0.0010066679553914337 + x * (0.02558279715597587 + x * (-0.22009515181499575 + x * (0.846973248876495 + x * (-1.5016935605448505 + x * 1)))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/lgamma_small_imp.js
var require_lgamma_small_imp = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/lgamma_small_imp.js"(exports, module) {
    "use strict";
    var ln = require_lib83();
    var EPS = require_lib84();
    var rateval1 = require_rational_p1q1();
    var rateval2 = require_rational_p2q2();
    var rateval3 = require_rational_p3q3();
    var Y1 = 0.15896368026733398;
    var Y2 = 0.5281534194946289;
    var Y3 = 0.45201730728149414;
    function lgammaSmallImp(z2, zm1, zm2) {
      var prefix;
      var result;
      var r;
      var R;
      if (z2 < EPS) {
        return -ln(z2);
      }
      if (zm1 === 0 || zm2 === 0) {
        return 0;
      }
      result = 0;
      if (z2 > 2) {
        if (z2 >= 3) {
          do {
            z2 -= 1;
            zm2 -= 1;
            result += ln(z2);
          } while (z2 >= 3);
          zm2 = z2 - 2;
        }
        r = zm2 * (z2 + 1);
        R = rateval1(zm2);
        result += r * Y1 + r * R;
        return result;
      }
      if (z2 < 1) {
        result += -ln(z2);
        zm2 = zm1;
        zm1 = z2;
        z2 += 1;
      }
      if (z2 <= 1.5) {
        r = rateval2(zm1);
        prefix = zm1 * zm2;
        result += prefix * Y2 + prefix * r;
        return result;
      }
      r = zm2 * zm1;
      R = rateval3(-zm2);
      result += r * Y3 + r * R;
      return result;
    }
    module.exports = lgammaSmallImp;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/main.js
var require_main63 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/main.js"(exports, module) {
    "use strict";
    var gamma = require_lib79();
    var expm1 = require_lib81();
    var log1p = require_lib82();
    var isnan = require_lib6();
    var lgammaSmallImp = require_lgamma_small_imp();
    function gamma1pm12(x) {
      if (isnan(x)) {
        return NaN;
      }
      if (x < 0) {
        if (x < -0.5) {
          return gamma(1 + x) - 1;
        }
        return expm1(-log1p(x) + lgammaSmallImp(x + 2, x + 1, x));
      }
      if (x < 2) {
        return expm1(lgammaSmallImp(x + 1, x, x - 1));
      }
      return gamma(1 + x) - 1;
    }
    module.exports = gamma1pm12;
  }
});

// node_modules/@stdlib/math-base-special-gamma1pm1/lib/index.js
var require_lib85 = __commonJS({
  "node_modules/@stdlib/math-base-special-gamma1pm1/lib/index.js"(exports, module) {
    "use strict";
    var gamma1pm12 = require_main63();
    module.exports = gamma1pm12;
  }
});

// node_modules/@stdlib/math-base-special-cos/lib/main.js
var require_main64 = __commonJS({
  "node_modules/@stdlib/math-base-special-cos/lib/main.js"(exports, module) {
    "use strict";
    var getHighWord = require_lib42();
    var kernelCos = require_lib60();
    var kernelSin = require_lib61();
    var rempio2 = require_lib67();
    var ABS_MASK = require_lib19();
    var EXPONENT_MASK = require_lib48();
    var buffer = [0, 0];
    var HIGH_WORD_PIO4 = 1072243195 | 0;
    var HIGH_WORD_TWO_NEG_27 = 1044381696 | 0;
    function cos(x) {
      var ix;
      var n;
      ix = getHighWord(x);
      ix &= ABS_MASK;
      if (ix <= HIGH_WORD_PIO4) {
        if (ix < HIGH_WORD_TWO_NEG_27) {
          return 1;
        }
        return kernelCos(x, 0);
      }
      if (ix >= EXPONENT_MASK) {
        return NaN;
      }
      n = rempio2(x, buffer);
      switch (n & 3) {
        case 0:
          return kernelCos(buffer[0], buffer[1]);
        case 1:
          return -kernelSin(buffer[0], buffer[1]);
        case 2:
          return -kernelCos(buffer[0], buffer[1]);
        default:
          return kernelSin(buffer[0], buffer[1]);
      }
    }
    module.exports = cos;
  }
});

// node_modules/@stdlib/math-base-special-cos/lib/index.js
var require_lib86 = __commonJS({
  "node_modules/@stdlib/math-base-special-cos/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main64();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-sinpi/lib/main.js
var require_main65 = __commonJS({
  "node_modules/@stdlib/math-base-special-sinpi/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var isInfinite = require_lib17();
    var cos = require_lib86();
    var sin = require_lib68();
    var abs = require_lib46();
    var copysign = require_lib44();
    var PI = require_lib69();
    function sinpi(x) {
      var ar;
      var r;
      if (isnan(x)) {
        return NaN;
      }
      if (isInfinite(x)) {
        return NaN;
      }
      r = x % 2;
      ar = abs(r);
      if (ar === 0 || ar === 1) {
        return copysign(0, r);
      }
      if (ar < 0.25) {
        return sin(PI * r);
      }
      if (ar < 0.75) {
        ar = 0.5 - ar;
        return copysign(cos(PI * ar), r);
      }
      if (ar < 1.25) {
        r = copysign(1, r) - r;
        return sin(PI * r);
      }
      if (ar < 1.75) {
        ar -= 1.5;
        return -copysign(cos(PI * ar), r);
      }
      r -= copysign(2, r);
      return sin(PI * r);
    }
    module.exports = sinpi;
  }
});

// node_modules/@stdlib/math-base-special-sinpi/lib/index.js
var require_lib87 = __commonJS({
  "node_modules/@stdlib/math-base-special-sinpi/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main65();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_a1.js
var require_polyval_a1 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_a1.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.06735230105312927;
      }
      return 0.06735230105312927 + x * (0.007385550860814029 + x * (0.0011927076318336207 + x * (22086279071390839e-20 + x * 25214456545125733e-21)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_a2.js
var require_polyval_a2 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_a2.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.020580808432516733;
      }
      return 0.020580808432516733 + x * (0.0028905138367341563 + x * (5100697921535113e-19 + x * (10801156724758394e-20 + x * 44864094961891516e-21)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_r.js
var require_polyval_r = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_r.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 1.3920053346762105;
      }
      return 1.3920053346762105 + x * (0.7219355475671381 + x * (0.17193386563280308 + x * (0.01864591917156529 + x * (7779424963818936e-19 + x * 7326684307446256e-21))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_s.js
var require_polyval_s2 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_s.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.21498241596060885;
      }
      return 0.21498241596060885 + x * (0.325778796408931 + x * (0.14635047265246445 + x * (0.02664227030336386 + x * (0.0018402845140733772 + x * 3194753265841009e-20))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t1.js
var require_polyval_t1 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t1.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.032788541075985965;
      }
      return -0.032788541075985965 + x * (0.006100538702462913 + x * (-0.0014034646998923284 + x * 31563207090362595e-20));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t2.js
var require_polyval_t2 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t2.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.01797067508118204;
      }
      return 0.01797067508118204 + x * (-0.0036845201678113826 + x * (881081882437654e-18 + x * -31275416837512086e-20));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t3.js
var require_polyval_t3 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_t3.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return -0.010314224129834144;
      }
      return -0.010314224129834144 + x * (0.0022596478090061247 + x * (-5385953053567405e-19 + x * 3355291926355191e-19));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_u.js
var require_polyval_u = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_u.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.6328270640250934;
      }
      return 0.6328270640250934 + x * (1.4549225013723477 + x * (0.9777175279633727 + x * (0.22896372806469245 + x * 0.013381091853678766)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_v.js
var require_polyval_v = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_v.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 2.4559779371304113;
      }
      return 2.4559779371304113 + x * (2.128489763798934 + x * (0.7692851504566728 + x * (0.10422264559336913 + x * 0.003217092422824239)));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/polyval_w.js
var require_polyval_w2 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/polyval_w.js"(exports, module) {
    "use strict";
    function evalpoly(x) {
      if (x === 0) {
        return 0.08333333333333297;
      }
      return 0.08333333333333297 + x * (-0.0027777777772877554 + x * (7936505586430196e-19 + x * (-59518755745034e-17 + x * (8363399189962821e-19 + x * -0.0016309293409657527))));
    }
    module.exports = evalpoly;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/main.js
var require_main66 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib6();
    var isInfinite = require_lib17();
    var abs = require_lib46();
    var ln = require_lib83();
    var trunc = require_lib9();
    var sinpi = require_lib87();
    var PI = require_lib69();
    var PINF = require_lib12();
    var polyvalA1 = require_polyval_a1();
    var polyvalA2 = require_polyval_a2();
    var polyvalR = require_polyval_r();
    var polyvalS = require_polyval_s2();
    var polyvalT1 = require_polyval_t1();
    var polyvalT2 = require_polyval_t2();
    var polyvalT3 = require_polyval_t3();
    var polyvalU = require_polyval_u();
    var polyvalV = require_polyval_v();
    var polyvalW = require_polyval_w2();
    var A1C = 0.07721566490153287;
    var A2C = 0.3224670334241136;
    var RC = 1;
    var SC = -0.07721566490153287;
    var T1C = 0.48383612272381005;
    var T2C = -0.1475877229945939;
    var T3C = 0.06462494023913339;
    var UC = -0.07721566490153287;
    var VC = 1;
    var WC = 0.4189385332046727;
    var YMIN = 1.4616321449683622;
    var TWO52 = 4503599627370496;
    var TWO56 = 72057594037927940;
    var TINY = 13877787807814457e-33;
    var TC = 1.4616321449683622;
    var TF = -0.12148629053584961;
    var TT = -3638676997039505e-33;
    function gammaln5(x) {
      var isNegative;
      var nadj;
      var flg;
      var p3;
      var p2;
      var p1;
      var p;
      var q;
      var t;
      var w;
      var y;
      var z2;
      var r;
      if (isnan(x) || isInfinite(x)) {
        return x;
      }
      if (x === 0) {
        return PINF;
      }
      if (x < 0) {
        isNegative = true;
        x = -x;
      } else {
        isNegative = false;
      }
      if (x < TINY) {
        return -ln(x);
      }
      if (isNegative) {
        if (x >= TWO52) {
          return PINF;
        }
        t = sinpi(x);
        if (t === 0) {
          return PINF;
        }
        nadj = ln(PI / abs(t * x));
      }
      if (x === 1 || x === 2) {
        return 0;
      }
      if (x < 2) {
        if (x <= 0.9) {
          r = -ln(x);
          if (x >= YMIN - 1 + 0.27) {
            y = 1 - x;
            flg = 0;
          } else if (x >= YMIN - 1 - 0.27) {
            y = x - (TC - 1);
            flg = 1;
          } else {
            y = x;
            flg = 2;
          }
        } else {
          r = 0;
          if (x >= YMIN + 0.27) {
            y = 2 - x;
            flg = 0;
          } else if (x >= YMIN - 0.27) {
            y = x - TC;
            flg = 1;
          } else {
            y = x - 1;
            flg = 2;
          }
        }
        switch (flg) {
          // eslint-disable-line default-case
          case 0:
            z2 = y * y;
            p1 = A1C + z2 * polyvalA1(z2);
            p2 = z2 * (A2C + z2 * polyvalA2(z2));
            p = y * p1 + p2;
            r += p - 0.5 * y;
            break;
          case 1:
            z2 = y * y;
            w = z2 * y;
            p1 = T1C + w * polyvalT1(w);
            p2 = T2C + w * polyvalT2(w);
            p3 = T3C + w * polyvalT3(w);
            p = z2 * p1 - (TT - w * (p2 + y * p3));
            r += TF + p;
            break;
          case 2:
            p1 = y * (UC + y * polyvalU(y));
            p2 = VC + y * polyvalV(y);
            r += -0.5 * y + p1 / p2;
            break;
        }
      } else if (x < 8) {
        flg = trunc(x);
        y = x - flg;
        p = y * (SC + y * polyvalS(y));
        q = RC + y * polyvalR(y);
        r = 0.5 * y + p / q;
        z2 = 1;
        switch (flg) {
          // eslint-disable-line default-case
          case 7:
            z2 *= y + 6;
          /* Falls through */
          case 6:
            z2 *= y + 5;
          /* Falls through */
          case 5:
            z2 *= y + 4;
          /* Falls through */
          case 4:
            z2 *= y + 3;
          /* Falls through */
          case 3:
            z2 *= y + 2;
            r += ln(z2);
        }
      } else if (x < TWO56) {
        t = ln(x);
        z2 = 1 / x;
        y = z2 * z2;
        w = WC + z2 * polyvalW(y);
        r = (x - 0.5) * (t - 1) + w;
      } else {
        r = x * (ln(x) - 1);
      }
      if (isNegative) {
        r = nadj - r;
      }
      return r;
    }
    module.exports = gammaln5;
  }
});

// node_modules/@stdlib/math-base-special-gammaln/lib/index.js
var require_lib88 = __commonJS({
  "node_modules/@stdlib/math-base-special-gammaln/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main66();
    module.exports = main;
  }
});

// node_modules/@stdlib/math-base-special-erfcx/lib/erfcx_y100.js
var require_erfcx_y100 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfcx/lib/erfcx_y100.js"(exports, module) {
    "use strict";
    var floor = require_lib7();
    var table = [p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p50, p51, p52, p53, p54, p55, p56, p57, p58, p59, p60, p61, p62, p63, p64, p65, p66, p67, p68, p69, p70, p71, p72, p73, p74, p75, p76, p77, p78, p79, p80, p81, p82, p83, p84, p85, p86, p87, p88, p89, p90, p91, p92, p93, p94, p95, p96, p97, p98, p99, p100];
    function p0(t) {
      return 7087803245410644e-19 + (712340910470263e-18 + (35779077297597742e-22 + (17403143962587938e-24 + (8171066004730779e-26 + (3688502236043496e-28 + 15917038551111112e-31 * t) * t) * t) * t) * t) * t;
    }
    function p1(t) {
      return 0.0021479143208285143 + (7268640236737999e-19 + (36843175430938994e-22 + (180718412721492e-22 + (8549644929604033e-26 + (3885203751853429e-28 + 16868473576888889e-31 * t) * t) * t) * t) * t) * t;
    }
    function p2(t) {
      return 0.0036165255935630175 + (7418209232355551e-19 + (3794831995752824e-21 + (18771627021793087e-24 + (8948471512241509e-26 + (4093585851777244e-28 + 1787206146488889e-30 * t) * t) * t) * t) * t) * t;
    }
    function p3(t) {
      return 0.005115498386003198 + (7572284073479166e-19 + (390964257267357e-20 + (1950416870430047e-23 + (93687503063179e-24 + (43143925959079665e-29 + 18939926435555556e-31 * t) * t) * t) * t) * t) * t;
    }
    function p4(t) {
      return 0.006645751317267305 + (7731040605444745e-19 + (4028951058939944e-21 + (20271233238288382e-24 + (981176313217091e-25 + (4548420740601775e-28 + 2007635221333333e-30 * t) * t) * t) * t) * t) * t;
    }
    function p5(t) {
      return 0.008208238997024121 + (7894662961188171e-19 + (4152970155262265e-21 + (21074693344544657e-24 + (10278874108587318e-26 + (4796520139061334e-28 + 21285907413333335e-31 * t) * t) * t) * t) * t) * t;
    }
    function p6(t) {
      return 0.009803953727535219 + (8063344010834284e-19 + (4281924132973699e-21 + (21916534346907168e-24 + (10771535136565471e-26 + (5059597262369282e-28 + 22573462684444446e-31 * t) * t) * t) * t) * t) * t;
    }
    function p7(t) {
      return 0.011433927298290302 + (8237285838319657e-19 + (4416049531176544e-21 + (22798861426211987e-24 + (1129129174587924e-25 + (5338618936581688e-28 + 23944209546666666e-31 * t) * t) * t) * t) * t) * t;
    }
    function p8(t) {
      return 0.013099232878814654 + (8416700246790696e-19 + (4555595898845751e-21 + (23723907357214174e-24 + (11839789326602696e-26 + (5634616306755024e-28 + 25403679644444446e-31 * t) * t) * t) * t) * t) * t;
    }
    function p9(t) {
      return 0.014800987015587536 + (8601809294634594e-19 + (4700826584881687e-21 + (24694040760197315e-24 + (12418779768752298e-26 + (5948689037032026e-28 + 2695776456888889e-30 * t) * t) * t) * t) * t) * t;
    }
    function p10(t) {
      return 0.01654035173939407 + (8792845864124146e-19 + (4852019579300175e-21 + (2571177490088171e-23 + (13030128534230821e-26 + (6282009758687478e-28 + 28612737351111112e-31 * t) * t) * t) * t) * t) * t;
    }
    function p11(t) {
      return 0.018318536789842393 + (8990054264789172e-19 + (5009468408955337e-21 + (2677977707421807e-23 + (13675822186304616e-26 + (6635828774535271e-28 + 30375273884444443e-31 * t) * t) * t) * t) * t) * t;
    }
    function p12(t) {
      return 0.020136801964214277 + (9193690873767368e-19 + (51734830914104276e-22 + (27900878609710433e-24 + (1435797640280904e-25 + (7011479031104373e-28 + 32252476e-22 * t) * t) * t) * t) * t) * t;
    }
    function p13(t) {
      return 0.021996459598282742 + (9404024815536678e-19 + (5344391150804117e-21 + (29078085538049375e-24 + (1507884450032973e-25 + (741038136474992e-27 + 3425189232e-24 * t) * t) * t) * t) * t) * t;
    }
    function p14(t) {
      return 0.02389887718722632 + (9621338683590018e-19 + (55225386998049015e-22 + (30314589961047687e-24 + (15840826497296334e-26 + (7834050047241445e-28 + 36381553564444445e-31 * t) * t) * t) * t) * t) * t;
    }
    function p15(t) {
      return 0.025845480155298518 + (9845929306782012e-19 + (5708291592005185e-21 + (3161378216916483e-23 + (1664647874552963e-25 + (828409859287854e-27 + 3864997576888889e-30 * t) * t) * t) * t) * t) * t;
    }
    function p16(t) {
      return 0.027837754783474698 + (0.0010078108563256892 + (59020366493792216e-22 + (3297926355324652e-23 + (17498524159268457e-26 + (8762245912484253e-28 + 4106620648888889e-30 * t) * t) * t) * t) * t) * t;
    }
    function p17(t) {
      return 0.029877251304899308 + (0.001031820424505735 + (6104182969716206e-21 + (3441486035954272e-23 + (1839986307293409e-25 + (9270322736636504e-28 + 43639844053333335e-31 * t) * t) * t) * t) * t) * t;
    }
    function p18(t) {
      return 0.03196558717859645 + (0.0010566560976716574 + (6315163319241458e-21 + (3592463833952192e-23 + (19353584758781173e-26 + (9810278385988926e-28 + 46381060817777776e-31 * t) * t) * t) * t) * t) * t;
    }
    function p19(t) {
      return 0.03410445055258834 + (0.0010823541191350532 + (6535435615955393e-21 + (37512918348533524e-24 + (20362979635817883e-26 + (10384187833037281e-28 + 4930062526222222e-30 * t) * t) * t) * t) * t) * t;
    }
    function p20(t) {
      return 0.036295603928292425 + (0.0011089526167995269 + (6765484509551836e-21 + (3918429294991359e-23 + (21431552202133775e-26 + (10994259106646732e-28 + 5240994910222222e-30 * t) * t) * t) * t) * t) * t;
    }
    function p21(t) {
      return 0.03854088803884051 + (0.001136491713417542 + (7005823064124631e-21 + (40943644083718584e-24 + (22563034723692883e-26 + (11642841011361993e-28 + 5572109287111111e-30 * t) * t) * t) * t) * t) * t;
    }
    function p22(t) {
      return 0.04084222595478596 + (0.0011650136437945675 + (72569945502343e-19 + (4279616186185504e-23 + (23761401711005023e-26 + (12332431172381557e-28 + 5924680236444444e-30 * t) * t) * t) * t) * t) * t;
    }
    function p23(t) {
      return 0.04320162743154022 + (0.0011945628793917271 + (751957435328492e-20 + (4474736455396099e-23 + (2503088521647295e-25 + (13065684400300477e-28 + 6300053285333334e-30 * t) * t) * t) * t) * t) * t;
    }
    function p24(t) {
      return 0.04562119351381047 + (0.001225186260806753 + (7794172005555192e-21 + (4680311983095446e-23 + (26375990983978426e-26 + (1384542137097712e-27 + 66996477404444446e-31 * t) * t) * t) * t) * t) * t;
    }
    function p25(t) {
      return 0.048103121413299865 + (0.0012569331386432195 + (8081433349636768e-21 + (4896966733568202e-23 + (27801515481905746e-26 + (14674637611609885e-28 + 7124958935111111e-30 * t) * t) * t) * t) * t) * t;
    }
    function p26(t) {
      return 0.05064970967698334 + (0.0012898555233099055 + (838204284145688e-20 + (5125364265255184e-23 + (29312563849675507e-26 + (15556512782814827e-28 + 7577560782222223e-30 * t) * t) * t) * t) * t) * t;
    }
    function p27(t) {
      return 0.053263363664388864 + (0.0013240082443256975 + (8696726001500767e-21 + (536621027503968e-22 + (309145687866348e-24 + (16494420240828494e-28 + 8059107964444444e-30 * t) * t) * t) * t) * t) * t;
    }
    function p28(t) {
      return 0.05594660135350001 + (0.001359449119740819 + (9026252023301638e-21 + (56202552975056696e-24 + (3261331041050314e-25 + (17491936862246368e-28 + 8571338168888888e-30 * t) * t) * t) * t) * t) * t;
    }
    function p29(t) {
      return 0.058702059496154084 + (0.0013962391363223647 + (9371436548731279e-21 + (58882975670265285e-24 + (34414937110591756e-26 + (1855285310975186e-27 + 911607367111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p30(t) {
      return 0.061532500145144775 + (0.0014344426411912014 + (9733144620101681e-21 + (6171186050734718e-23 + (363259874182953e-24 + (19681183310134517e-28 + 969522384e-23 * t) * t) * t) * t) * t) * t;
    }
    function p31(t) {
      return 0.06444081757665329 + (0.0014741275456383132 + (10112293819576438e-21 + (6469823660593325e-23 + (38353412915303665e-26 + (2088117611438512e-27 + 1031078448e-23 * t) * t) * t) * t) * t) * t;
    }
    function p32(t) {
      return 0.06743004563313039 + (0.001515365541891654 + (10509857606888329e-21 + (6785170652936334e-23 + (4050460219481114e-25 + (22157325110542536e-28 + 10964842115555555e-30 * t) * t) * t) * t) * t) * t;
    }
    function p33(t) {
      return 0.07050336551333886 + (0.001558232333649571 + (1092686886686523e-20 + (7118248223961351e-23 + (42787405890153386e-26 + (2351437952227442e-27 + 11659571751111111e-30 * t) * t) * t) * t) * t) * t;
    }
    function p34(t) {
      return 0.0736641140379446 + (0.001602807881243882 + (11364423678778208e-21 + (7470142309742318e-23 + (4521016277747649e-25 + (2495735500408857e-27 + 12397238257777777e-30 * t) * t) * t) * t) * t) * t;
    }
    function p35(t) {
      return 0.07691579242081956 + (0.0016491766623447889 + (11823685320041301e-21 + (7842007599378154e-23 + (4778172695691648e-25 + (26491544403815725e-28 + 13180196462222222e-30 * t) * t) * t) * t) * t) * t;
    }
    function p36(t) {
      return 0.08026207557809462 + (0.0016974279491709504 + (12305888517309891e-21 + (8235071769897904e-23 + (5051149610985711e-25 + (281225284976269e-26 + 14010889635555555e-30 * t) * t) * t) * t) * t) * t;
    }
    function p37(t) {
      return 0.08370682200898036 + (0.0017476561032212657 + (12812343958540764e-21 + (8650639951503644e-23 + (5340944082386946e-25 + (29856186620887555e-28 + 1489185159111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p38(t) {
      return 0.08725408428446171 + (0.0017999608886001962 + (13344443080089493e-21 + (90900994316429e-21 + (5648613497261646e-25 + (3169870708003396e-27 + 15825697795555556e-30 * t) * t) * t) * t) * t) * t;
    }
    function p39(t) {
      return 0.09090812018217274 + (0.00185444780506577 + (1390366314342612e-20 + (9554924606254991e-23 + (5975278712524205e-25 + (336565973660991e-26 + 16815130613333334e-30 * t) * t) * t) * t) * t) * t;
    }
    function p40(t) {
      return 0.09467340450807549 + (0.0019112284419887304 + (14491572616545005e-21 + (10046682186333614e-23 + (63221272959791e-23 + (3573669397558913e-27 + 1786293159111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p41(t) {
      return 0.09855464164800445 + (0.0019704208544725622 + (15109836875625445e-21 + (10567036667675984e-23 + (6690416864001935e-25 + (3794617185082434e-27 + 1897195904e-23 * t) * t) * t) * t) * t) * t;
    }
    function p42(t) {
      return 0.1025567788947009 + (0.0020321499629472857 + (1576022424296218e-20 + (11117756071353507e-23 + (7081478511009766e-25 + (4029255327663256e-27 + 20145143075555556e-30 * t) * t) * t) * t) * t) * t;
    }
    function p43(t) {
      return 0.10668502059865094 + (0.002096547977614873 + (16444612377624982e-21 + (11700717962026153e-23 + (7496720325093842e-25 + (42783716186085925e-28 + 2138547936e-23 * t) * t) * t) * t) * t) * t;
    }
    function p44(t) {
      return 0.11094484319386444 + (0.002163754849190817 + (17164995035719656e-21 + (12317915750735938e-23 + (7937630983149963e-25 + (4542790176310636e-27 + 22696025653333333e-30 * t) * t) * t) * t) * t) * t;
    }
    function p45(t) {
      return 0.11534201115268805 + (0.002233918747454642 + (17923489217504226e-21 + (12971465288245997e-23 + (8405783418038907e-25 + (48233721206418025e-28 + 24079890062222222e-30 * t) * t) * t) * t) * t) * t;
    }
    function p46(t) {
      return 0.11988259392684095 + (0.002307196569191869 + (18722342718958937e-21 + (13663611754337958e-23 + (8902838548849328e-25 + (5121016156922585e-27 + 2554022711111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p47(t) {
      return 0.12457298393509812 + (0.0023837544771809576 + (1956394210571161e-20 + (1439673684773947e-22 + (9430549064645925e-25 + (5436659058313422e-27 + 2708022592e-23 * t) * t) * t) * t) * t) * t;
    }
    function p48(t) {
      return 0.12941991566142438 + (0.002463768471950886 + (2045082112747588e-20 + (15173366280523906e-23 + (9990763250638903e-25 + (5771276031135163e-27 + 28703099555555555e-30 * t) * t) * t) * t) * t) * t;
    }
    function p49(t) {
      return 0.13443048593088697 + (0.0025474249981080823 + (21385669591362916e-21 + (15996177579900442e-23 + (10585428844575133e-25 + (6125880953678788e-27 + 3041208014222222e-29 * t) * t) * t) * t) * t) * t;
    }
    function p50(t) {
      return 0.13961217543434562 + (0.0026349215871051762 + (22371342712572568e-21 + (16868008199296823e-23 + (11216596910444997e-25 + (6501526475309089e-27 + 3221039450666667e-29 * t) * t) * t) * t) * t) * t;
    }
    function p51(t) {
      return 0.144972871576738 + (0.002726467538398244 + (2341087096105095e-20 + (17791863939526378e-23 + (11886425714330958e-25 + (68993039665054284e-28 + 34101266222222225e-30 * t) * t) * t) * t) * t) * t;
    }
    function p52(t) {
      return 0.15052089272774619 + (0.0028222846410136237 + (24507470422713398e-21 + (18770927679626137e-23 + (1259718458758337e-24 + (7320343304922983e-27 + 36087889048888887e-30 * t) * t) * t) * t) * t) * t;
    }
    function p53(t) {
      return 0.1562650139577461 + (0.0029226079376196627 + (2566455369376845e-20 + (19808568415654462e-23 + (13351257759815557e-25 + (7765812489104676e-27 + 3817342003555556e-29 * t) * t) * t) * t) * t) * t;
    }
    function p54(t) {
      return 0.16221449434620738 + (0.0030276865332726477 + (26885741326534563e-21 + (20908350604346383e-23 + (1415114814424073e-24 + (8236917066597432e-27 + 4036095745777778e-29 * t) * t) * t) * t) * t) * t;
    }
    function p55(t) {
      return 0.1683791059541213 + (0.0031377844510793083 + (28174873844911173e-21 + (22074043807045782e-23 + (1499948105599609e-24 + (8734899366193081e-27 + 4265352897777778e-29 * t) * t) * t) * t) * t) * t;
    }
    function p56(t) {
      return 0.1747691645565937 + (0.0032531815370903066 + (29536024347344365e-21 + (23309632627767074e-23 + (15899007843582445e-25 + (9261037523542736e-27 + 45054073102222224e-30 * t) * t) * t) * t) * t) * t;
    }
    function p57(t) {
      return 0.18139556223643702 + (0.0033741744168097 + (309735117147095e-19 + (2461932693759229e-22 + (16852609412267751e-25 + (981664429428549e-26 + 4756541809777778e-29 * t) * t) * t) * t) * t) * t;
    }
    function p58(t) {
      return 0.18826980194443665 + (0.0035010775057740316 + (3249191444001427e-20 + (2600757237588632e-22 + (17863299617388377e-25 + (10403065638343878e-27 + 5019026583111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p59(t) {
      return 0.19540403413693969 + (0.0036342240767211326 + (34096085096200906e-21 + (27479061117017636e-23 + (18934228504790033e-25 + (11021679075323599e-27 + 5293117173333333e-29 * t) * t) * t) * t) * t) * t;
    }
    function p60(t) {
      return 0.20281109560651886 + (0.00377396738593236 + (3579116545759241e-20 + (29038742889416174e-23 + (20068685374849e-22 + (11673891799578381e-27 + 55790523093333335e-30 * t) * t) * t) * t) * t) * t;
    }
    function p61(t) {
      return 0.21050455062669335 + (0.003920681861392565 + (37582602289680105e-21 + (30691836231886877e-23 + (21270101645763676e-25 + (12361138551062899e-27 + 5877052016e-23 * t) * t) * t) * t) * t) * t;
    }
    function p62(t) {
      return 0.21849873453703333 + (0.004074764355468959 + (3947616382098671e-20 + (3244383997013992e-22 + (2254205349151868e-24 + (13084879235290859e-27 + 6187315326222222e-29 * t) * t) * t) * t) * t) * t;
    }
    function p63(t) {
      return 0.2268087999004323 + (0.004236635464862852 + (41477956909656896e-21 + (3430054489450281e-22 + (23888264229264067e-25 + (13846596292818514e-27 + 6510018375111112e-29 * t) * t) * t) * t) * t) * t;
    }
    function p64(t) {
      return 0.23545076536988704 + (0.004406740920636517 + (435944449162247e-19 + (36268045617760415e-23 + (253126064308532e-23 + (14647791812837902e-27 + 6845312263111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p65(t) {
      return 0.24444156740777434 + (0.004585553051160578 + (45832466292683086e-21 + (3835275259003303e-22 + (26819103733055602e-25 + (15489984390884758e-27 + 7193320636444444e-29 * t) * t) * t) * t) * t) * t;
    }
    function p66(t) {
      return 0.25379911500634267 + (0.004773572320865003 + (48199253896534185e-21 + (40561404245564733e-23 + (28411932320871164e-25 + (1637470573645832e-26 + 7554137982222222e-29 * t) * t) * t) * t) * t) * t;
    }
    function p67(t) {
      return 0.26354234756393613 + (0.0049713289477083785 + (5070245503693037e-20 + (42901079254268185e-23 + (3009542205890048e-24 + (1730349702534734e-26 + 7927827336888888e-29 * t) * t) * t) * t) * t) * t;
    }
    function p68(t) {
      return 0.27369129607732345 + (0.005179384602305264 + (533501522583266e-19 + (4537920884886502e-22 + (3187405724581438e-24 + (1827790501024511e-26 + 8314418236444444e-29 * t) * t) * t) * t) * t) * t;
    }
    function p69(t) {
      return 0.28426714781640317 + (0.005398334191669514 + (5615088486525581e-20 + (4800358919649474e-22 + (33752476967570798e-25 + (19299477888083468e-27 + 8713904913777777e-29 * t) * t) * t) * t) * t) * t;
    }
    function p70(t) {
      return 0.2952923146534852 + (0.0056288077305420795 + (5911367118991331e-20 + (5078239378174484e-22 + (35735475025851714e-25 + (2036976093701707e-26 + 9126244261333333e-29 * t) * t) * t) * t) * t) * t;
    }
    function p71(t) {
      return 0.3067905052252884 + (0.00587147230327454 + (6224803160219768e-20 + (5372418576620094e-22 + (3782799941896024e-24 + (2149029193044454e-26 + 9551353918222223e-29 * t) * t) * t) * t) * t) * t;
    }
    function p72(t) {
      return 0.3187868011117332 + (0.00612703411923391 + (6556401225970764e-20 + (5683793028783774e-22 + (4003515135339238e-24 + (22662596341239295e-27 + 9989110976e-23 * t) * t) * t) * t) * t) * t;
    }
    function p73(t) {
      return 0.33130773722152623 + (0.006396240664679808 + (690722095929424e-19 + (6013300666188594e-22 + (4236218376588347e-24 + (23888182347073697e-27 + 10439349811555555e-29 * t) * t) * t) * t) * t) * t;
    }
    function p74(t) {
      return 0.34438138658041334 + (0.0066798829540414 + (7278379551860356e-20 + (636192204432288e-21 + (4481449933651445e-24 + (25168535651285476e-27 + 10901861383111111e-29 * t) * t) * t) * t) * t) * t;
    }
    function p75(t) {
      return 0.35803744972380175 + (0.006978797883488269 + (7671054337145482e-20 + (6730681530891739e-22 + (4739764797584523e-24 + (2650511414114305e-26 + 11376390933333332e-29 * t) * t) * t) * t) * t) * t;
    }
    function p76(t) {
      return 0.37230734890119727 + (0.007293870689646138 + (8086485454267072e-20 + (7120648471806269e-22 + (50117323769745884e-25 + (27899342394100073e-27 + 11862637614222222e-29 * t) * t) * t) * t) * t) * t;
    }
    function p77(t) {
      return 0.3872243273055545 + (0.00762603751625498 + (8525978581000461e-20 + (7532938330517133e-22 + (5297936136838812e-24 + (2935260605416409e-26 + 12360253370666666e-29 * t) * t) * t) * t) * t) * t;
    }
    function p78(t) {
      return 0.4028235535461694 + (0.007976288091502973 + (8990907734243825e-20 + (7968713796195619e-22 + (55989731807360405e-25 + (30866246101464866e-27 + 12868841946666668e-29 * t) * t) * t) * t) * t) * t;
    }
    function p79(t) {
      return 0.4191422315891379 + (0.008345668518695046 + (9482718135925016e-20 + (8429185856178314e-22 + (5915453775108349e-24 + (3244155303434747e-26 + 1338795794311111e-28 * t) * t) * t) * t) * t) * t;
    }
    function p80(t) {
      return 0.43621971639463786 + (0.00873528418282895 + (100029291420668e-18 + (8915614828021988e-22 + (624800081507886e-23 + (3407976098345888e-26 + 13917107176888888e-29 * t) * t) * t) * t) * t) * t;
    }
    function p81(t) {
      return 0.4540976354853433 + (0.009146302775554824 + (10553137232446167e-20 + (9429311346463863e-22 + (6597249231221996e-24 + (35782041795476564e-27 + 14455745872e-23 * t) * t) * t) * t) * t) * t;
    }
    function p82(t) {
      return 0.4728200166851233 + (0.009579957440886046 + (11135019058000067e-20 + (9971637300550903e-22 + (6963845336995697e-24 + (37549499088161346e-27 + 1500328071288889e-28 * t) * t) * t) * t) * t) * t;
    }
    function p83(t) {
      return 0.4924334222717984 + (0.010037550043909497 + (11750334542845235e-20 + (10544006716188967e-22 + (7348446116824222e-24 + (3938316232643575e-26 + 15559069118222223e-29 * t) * t) * t) * t) * t) * t;
    }
    function p84(t) {
      return 0.5129870897920926 + (0.010520454564612427 + (12400930037494997e-20 + (11147886579371265e-22 + (775171845505687e-23 + (41283980931872625e-27 + 1612241968e-22 * t) * t) * t) * t) * t) * t;
    }
    function p85(t) {
      return 0.5345330797910137 + (0.011030120618800727 + (1308874151957227e-19 + (11784797595374515e-22 + (8174338306304482e-24 + (43252818449517084e-27 + 1669259264e-22 * t) * t) * t) * t) * t) * t;
    }
    function p86(t) {
      return 0.557126430711693 + (0.011568077107929736 + (13815797838036652e-20 + (12456314879260905e-22 + (8616989807896932e-24 + (4529044681153965e-26 + 17268801084444443e-29 * t) * t) * t) * t) * t) * t;
    }
    function p87(t) {
      return 0.5808253212251933 + (0.012135935999503878 + (1458422399666584e-19 + (1316406857309571e-21 + (9080364335510602e-24 + (4739754071312462e-26 + 1785021160888889e-28 * t) * t) * t) * t) * t) * t;
    }
    function p88(t) {
      return 0.6056912402529337 + (0.01273539623952555 + (15396244472258864e-20 + (13909744385382817e-22 + (9565159503230623e-24 + (4957467212766904e-26 + 18435945564444444e-29 * t) * t) * t) * t) * t) * t;
    }
    function p89(t) {
      return 0.6317891649471572 + (0.013368247798287032 + (16254186562762076e-20 + (14695084048334055e-22 + (10072078109604152e-24 + (5182230499568071e-26 + 19025081422222223e-29 * t) * t) * t) * t) * t) * t;
    }
    function p90(t) {
      return 0.6591877468972532 + (0.014036375850601992 + (17160483760259707e-20 + (15521885688723188e-22 + (1060182703153528e-23 + (5414079010583752e-26 + 19616655146666667e-29 * t) * t) * t) * t) * t) * t;
    }
    function p91(t) {
      return 0.6879595068317443 + (0.014741765091365868 + (18117679143520433e-20 + (16392004108230584e-22 + (11155116068018043e-24 + (5653036019492569e-26 + 20209663662222222e-29 * t) * t) * t) * t) * t) * t;
    }
    function p92(t) {
      return 0.7181810380872997 + (0.015486504187117112 + (19128428784550924e-20 + (17307350969359975e-22 + (11732656736113608e-24 + (5899112528756384e-26 + 20803065333333334e-29 * t) * t) * t) * t) * t) * t;
    }
    function p93(t) {
      return 0.7499332191172625 + (0.016272790364044783 + (20195505163377912e-20 + (18269894883203348e-22 + (12335161021630225e-24 + (6152306831216908e-26 + 21395783431111112e-29 * t) * t) * t) * t) * t) * t;
    }
    function p94(t) {
      return 0.7833014353128349 + (0.01710293413265243 + (21321800585063328e-20 + (19281661395543912e-22 + (12963340087354342e-24 + (6412604099806635e-26 + 21986708942222223e-29 * t) * t) * t) * t) * t) * t;
    }
    function p95(t) {
      return 0.8183758104102381 + (0.017979364149044223 + (2251033059275313e-19 + (20344732868018175e-22 + (1361790294183995e-23 + (6679976008397248e-26 + 2257470126222222e-28 * t) * t) * t) * t) * t) * t;
    }
    function p96(t) {
      return 0.8552514477568512 + (0.01890463221254756 + (23764237370371255e-20 + (2146124825130639e-21 + (14299555071870523e-24 + (6954380386469418e-26 + 23158593688888887e-29 * t) * t) * t) * t) * t) * t;
    }
    function p97(t) {
      return 0.8940286817084994 + (0.0198814183991272 + (25086793128395994e-20 + (22633402747585233e-22 + (1500899704211653e-23 + (7235760907504394e-26 + 23737194737777777e-29 * t) * t) * t) * t) * t) * t;
    }
    function p98(t) {
      return 0.9348133394287079 + (0.02091253632978037 + (2648140346599848e-19 + (23863447359754924e-22 + (15746923065472183e-24 + (7524046814172015e-26 + 24309291271111114e-29 * t) * t) * t) * t) * t) * t;
    }
    function p99(t) {
      return 0.9777170133588503 + (0.02200093857283048 + (2795161070268238e-19 + (25153688325245316e-22 + (1651401954782282e-23 + (7819152682936823e-26 + 24873652355555557e-29 * t) * t) * t) * t) * t) * t;
    }
    function p100() {
      return 1;
    }
    function erfcxY100(y100) {
      var t = floor(y100);
      var f = table[t];
      return f(2 * y100 - (2 * t + 1));
    }
    module.exports = erfcxY100;
  }
});

// node_modules/@stdlib/math-base-special-erfcx/lib/main.js
var require_main67 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfcx/lib/main.js"(exports, module) {
    "use strict";
    var exp = require_lib51();
    var PINF = require_lib12();
    var isnan = require_lib6();
    var erfcxY100 = require_erfcx_y100();
    var INV_SQRT_PI = 0.5641895835477563;
    function erfcx2(x) {
      var x2;
      if (isnan(x)) {
        return x;
      }
      if (x >= 0) {
        if (x > 50) {
          if (x > 5e7) {
            return INV_SQRT_PI / x;
          }
          x2 = x * x;
          return INV_SQRT_PI * (x2 * (x2 + 4.5) + 2) / (x * (x2 * (x2 + 5) + 3.75));
        }
        return erfcxY100(400 / (4 + x));
      }
      if (x < -26.7) {
        return PINF;
      }
      x2 = x * x;
      if (x < -6.1) {
        return 2 * exp(x2);
      }
      return 2 * exp(x2) - erfcxY100(400 / (4 - x));
    }
    module.exports = erfcx2;
  }
});

// node_modules/@stdlib/math-base-special-erfcx/lib/index.js
var require_lib89 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfcx/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main67();
    module.exports = main;
  }
});

// src/drift/types.ts
var STATTEST_IDS = [
  "ks",
  "chisquare",
  "z",
  "wasserstein",
  "jensenshannon",
  "psi",
  "kl_div",
  "hellinger",
  "anderson",
  "cramer_von_mises",
  "ed",
  "es",
  "fisher_exact",
  "g_test",
  "mannw",
  "t_test",
  "TVD",
  "empirical_mmd"
];
var StatTestSkip = class extends Error {
  name = "StatTestSkip";
};
function isDrift(comparison, score, threshold) {
  switch (comparison) {
    case "p<=thr":
      return score <= threshold;
    case "p<thr":
      return score < threshold;
    case "d>=thr":
      return score >= threshold;
    case "d>thr":
      return score > threshold;
  }
}

// src/drift/stattests/anderson.ts
var B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
var B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
var B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
var SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 5e-3, 1e-3];
var SAMPLES = 2;
var MIN_POOLED_SIZE = 4;
var CRITICAL = B0.map((b0, i) => b0 + B1[i] / Math.sqrt(SAMPLES - 1) + B2[i] / (SAMPLES - 1));
function polyfit(x, y, degree) {
  const rows = x.length;
  const cols = degree + 1;
  const a = x.map((xi) => Array.from({ length: cols }, (_, j) => xi ** (degree - j)));
  const scale = Array.from(
    { length: cols },
    (_, j) => Math.sqrt(a.reduce((s, row) => s + row[j] * row[j], 0))
  );
  for (const row of a) for (let j = 0; j < cols; j++) row[j] = row[j] / scale[j];
  const b = [...y];
  for (let j = 0; j < cols; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += a[i][j] * a[i][j];
    norm = Math.sqrt(norm);
    const alpha = a[j][j] > 0 ? -norm : norm;
    const v = new Array(rows).fill(0);
    for (let i = j; i < rows; i++) v[i] = a[i][j];
    v[j] = v[j] - alpha;
    let vNorm2 = 0;
    for (let i = j; i < rows; i++) vNorm2 += v[i] * v[i];
    if (vNorm2 === 0) continue;
    for (let k = j; k < cols; k++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i] * a[i][k];
      const f = 2 * dot / vNorm2;
      for (let i = j; i < rows; i++) a[i][k] = a[i][k] - f * v[i];
    }
    let dotB = 0;
    for (let i = j; i < rows; i++) dotB += v[i] * b[i];
    const fb = 2 * dotB / vNorm2;
    for (let i = j; i < rows; i++) b[i] = b[i] - fb * v[i];
  }
  const coefficients = new Array(cols).fill(0);
  for (let j = cols - 1; j >= 0; j--) {
    let s = b[j];
    for (let k = j + 1; k < cols; k++) s -= a[j][k] * coefficients[k];
    coefficients[j] = s / a[j][j];
  }
  return coefficients.map((c, j) => c / scale[j]);
}
var LOG_SIGNIFICANCE_FIT = polyfit(CRITICAL, SIGNIFICANCE.map(Math.log), 2);
function andersonDarling(pair) {
  const merged = mergedDistribution(pair);
  const distinct = merged.values.length;
  if (distinct < 2) {
    throw new StatTestSkip("anderson_ksamp needs more than one distinct observation");
  }
  if (merged.referenceSize + merged.currentSize < MIN_POOLED_SIZE) {
    throw new StatTestSkip(
      `anderson_ksamp needs at least ${MIN_POOLED_SIZE} pooled observations (got ${merged.referenceSize + merged.currentSize}): the variance of its statistic divides by (N\u22121)(N\u22122)(N\u22123)`
    );
  }
  const { tieCounts } = pooledRanks(pair);
  const n1 = merged.referenceSize;
  const n2 = merged.currentSize;
  const N = n1 + n2;
  const noTies = N === distinct;
  const bj = new Float64Array(distinct);
  let before = 0;
  for (let j = 0; j < distinct; j++) {
    const lj = noTies ? 1 : tieCounts[j];
    bj[j] = before + lj / 2;
    before += tieCounts[j];
  }
  let a2kN = 0;
  const inner = new Float64Array(distinct);
  for (const [counts, size] of [
    [merged.referenceCounts, n1],
    [merged.currentCounts, n2]
  ]) {
    let atOrBelow = 0;
    for (let j = 0; j < distinct; j++) {
      const lj = noTies ? 1 : tieCounts[j];
      const fij = counts[j];
      atOrBelow += fij;
      const mij = atOrBelow - fij / 2;
      const b2 = bj[j];
      const deviation = N * mij - b2 * size;
      inner[j] = lj / N * (deviation * deviation) / (b2 * (N - b2) - N * lj / 4);
    }
    a2kN += pairwiseSum(inner) / size;
  }
  a2kN *= (N - 1) / N;
  const k = SAMPLES;
  const H = 1 / n1 + 1 / n2;
  const harmonicCumulative = new Float64Array(Math.max(N - 2, 0));
  let running = 0;
  for (let i = 0; i < N - 2; i++) {
    running += 1 / (N - 1 - i);
    harmonicCumulative[i] = running;
  }
  const h = (N - 2 > 0 ? harmonicCumulative[N - 3] : 0) + 1;
  const ratios = new Float64Array(harmonicCumulative.length);
  for (let i = 0; i < ratios.length; i++) ratios[i] = harmonicCumulative[i] / (i + 2);
  const g = pairwiseSum(ratios);
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmaSquared = (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const statistic = (a2kN - m) / Math.sqrt(sigmaSquared);
  let significanceLevel;
  if (statistic < Math.min(...CRITICAL)) significanceLevel = Math.max(...SIGNIFICANCE);
  else if (statistic > Math.max(...CRITICAL)) significanceLevel = Math.min(...SIGNIFICANCE);
  else {
    let y = 0;
    for (const coefficient of LOG_SIGNIFICANCE_FIT) y = y * statistic + coefficient;
    significanceLevel = Math.exp(y);
  }
  return { statistic, significanceLevel };
}
var anderson = {
  id: "anderson",
  displayName: "Anderson-Darling",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const { statistic, significanceLevel } = andersonDarling(pair);
    return { score: significanceLevel, statistic };
  }
};

// src/drift/kernels/p-values.ts
var import_stats_base_dists_normal_cdf = __toESM(require_lib57(), 1);

// src/drift/special/incomplete-gamma.ts
var import_math_base_special_erfc = __toESM(require_lib53(), 1);
var import_math_base_special_gamma1pm1 = __toESM(require_lib85(), 1);
var import_math_base_special_gammaln2 = __toESM(require_lib88(), 1);

// src/drift/special/log-gamma.ts
var import_math_base_special_gammaln = __toESM(require_lib88(), 1);
var HALF_LN_TWO_PI = 0.9189385332046728;
var STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400
];
var STIRLING_MIN_ARGUMENT = 10;
function stirlingRemainder(a) {
  if (a < STIRLING_MIN_ARGUMENT) return (0, import_math_base_special_gammaln.default)(a) - (a - 0.5) * Math.log(a) + a - HALF_LN_TWO_PI;
  const inverseSquare = 1 / (a * a);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * inverseSquare + STIRLING[k];
  return sum / a;
}
var ALGDIV = [
  0.0833333333333333,
  -0.00277777777760991,
  79365066682539e-17,
  -59520293135187e-17,
  837308034031215e-18,
  -0.00165322962780713
];
function logGammaRatioHalf(a) {
  if (a < 8) return (0, import_math_base_special_gammaln.default)(a + 0.5) - (0, import_math_base_special_gammaln.default)(a);
  const b = 0.5;
  const h = b / a;
  const c = h / (1 + h);
  const x = 1 / (1 + h);
  const d = a + (b - 0.5);
  const x2 = x * x;
  const s3 = 1 + (x + x2);
  const s5 = 1 + (x + x2 * s3);
  const s7 = 1 + (x + x2 * s5);
  const s9 = 1 + (x + x2 * s7);
  const s11 = 1 + (x + x2 * s9);
  const t = (1 / a) ** 2;
  const [c0, c1, c2, c3, c4, c5] = ALGDIV;
  let w = ((((c5 * s11 * t + c4 * s9) * t + c3 * s7) * t + c2 * s5) * t + c1 * s3) * t + c0;
  w *= c / a;
  const u = d * Math.log1p(b / a);
  const v = b * (Math.log(a) - 1);
  const algdiv = u <= v ? w - u - v : w - v - u;
  return -algdiv;
}

// src/drift/special/log1pmx.ts
var SERIES_MIN = -0.7;
var SERIES_MAX = 2;
function log1pmx(x) {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x < SERIES_MIN || x > SERIES_MAX) return Math.log1p(x) - x;
  const sum = 2 + x;
  const sumError = x - (sum - 2);
  const quotient = x / sum;
  const u = quotient - quotient * sumError / sum;
  const u2 = u * u;
  let s = 0;
  let power = 1;
  for (let k = 0; k < 80; k++) {
    const term = power / (2 * k + 3);
    s += term;
    if (term <= 1e-17 * s) break;
    power *= u2;
  }
  return u * (2 * u2 * s - x);
}

// src/drift/special/temme-coefficients.ts
var TEMME_COEFFICIENTS = [
  [
    -0.3333333333333333,
    0.08333333333333333,
    -0.014814814814814815,
    0.0011574074074074073,
    3527336860670194e-19,
    -1787551440329218e-19,
    3919263178522438e-20,
    -21854485106799924e-22,
    -185406221071516e-20,
    8296711340953087e-22,
    -17665952736826078e-23,
    6707853543401498e-24,
    10261809784240309e-24,
    -4382036018453353e-24,
    914769958223679e-24,
    -2551419399494625e-26,
    -5830772132550426e-26,
    24361948020667415e-27,
    -50276692801141755e-28,
    11004392031956135e-29,
    33717632624009856e-29,
    -1392388722418162e-28,
    28534893807047445e-30,
    -5139111834242572e-31,
    -19752288294349442e-31
  ],
  [
    -0.001851851851851852,
    -0.003472222222222222,
    0.0026455026455026454,
    -9902263374485596e-19,
    20576131687242798e-20,
    -4018775720164609e-22,
    -18098550334489977e-21,
    764916091608111e-20,
    -16120900894563446e-22,
    4647127802807434e-24,
    1378633446915721e-22,
    -5752545603517705e-23,
    11951628599778148e-24,
    -17543241719747647e-27,
    -10091543710600413e-25,
    4162792991842583e-25,
    -856390702649298e-25,
    6067215101604758e-29,
    71624989648114856e-28,
    -2933186643771437e-27,
    5996696365683689e-28,
    -21671786527323313e-32,
    -4978339972369262e-29,
    20291628823713425e-30,
    -413125571381061e-29
  ],
  [
    0.004133597883597883,
    -0.0026813271604938273,
    7716049382716049e-19,
    20093878600823047e-22,
    -10736653226365161e-20,
    52923448829120125e-21,
    -12760635188618728e-21,
    3423578734096138e-23,
    13721957309062932e-22,
    -6298992138380055e-22,
    14280614206064242e-23,
    -20477098421990866e-26,
    -1409252991086752e-23,
    6228974084922022e-24,
    -13670488396617112e-25,
    9428356159014678e-28,
    12872252400089318e-26,
    -55645956134363323e-27,
    1197593554636698e-26,
    -41689782251838634e-31,
    -10940640427884595e-28,
    4662239946390136e-28,
    -9905105763906907e-29,
    18931876768373515e-33,
    8859221872591127e-30
  ],
  [
    6494341563786008e-19,
    22947209362139917e-20,
    -4691894943952557e-19,
    26772063206283885e-20,
    -7561801671883977e-20,
    -2396505113867297e-22,
    11082654115347302e-21,
    -56749528269915965e-22,
    14230900732435883e-22,
    -27861080291528143e-27,
    -16958404091930278e-23,
    8099464905388083e-23,
    -19111168485973655e-24,
    23928620439808118e-28,
    20620131815488797e-25,
    -9460496661855133e-25,
    21541049775774907e-26,
    -1388823336813903e-29,
    -21894761681963938e-27,
    9790998951171684e-27,
    -2178219188018096e-27,
    6208819573407901e-32,
    2126978363279737e-28,
    -9344688791517433e-29,
    2045367122678285e-29
  ],
  [
    -8618882909167117e-19,
    7840392217200666e-19,
    -2990724803031902e-19,
    -14638452578843418e-22,
    6641498215465122e-20,
    -3968365047179435e-20,
    11375726970678419e-21,
    2507497226237533e-25,
    -16954149536558305e-22,
    8907507532205309e-22,
    -2292934834000805e-22,
    2956794137544049e-26,
    28865829742708783e-24,
    -14189739437803219e-24,
    34463580499464896e-25,
    -23024517174528067e-29,
    -39409233028046403e-26,
    186023389685045e-24,
    -4356323005056618e-26,
    1278600101629623e-30,
    467927502665792e-26,
    -2149246470613483e-27,
    4908815614809652e-28,
    -633859148489156e-32,
    -5045332069080094e-29
  ],
  [
    -33679855336635813e-20,
    -6972813758365858e-20,
    2772753244959392e-19,
    -19932570516188847e-20,
    6797780477937208e-20,
    1419062920643967e-22,
    -13594048189768693e-21,
    8018470256334202e-21,
    -2291481176508095e-21,
    -3252473551298454e-25,
    34652846491085265e-23,
    -18447187191171344e-23,
    48240967037894184e-24,
    -17989466721743514e-30,
    -6306194500013523e-24,
    3162417628774568e-24,
    -7840924253697429e-25,
    5192679165254041e-30,
    9358944242306784e-26,
    -4513426216163278e-26,
    10799129993116828e-27,
    -3661886712685252e-32,
    -1210902069055155e-27,
    5680743584990564e-28,
    -13249659916340829e-29
  ],
  [
    5313079364639922e-19,
    -5921664373536939e-19,
    2708782096718045e-19,
    7902353232660328e-22,
    -8153969367561969e-20,
    561168275310625e-19,
    -18329116582843375e-21,
    -30796134506033047e-25,
    3465155368803609e-21,
    -20291327396058603e-22,
    5788792863149004e-22,
    2338630673826657e-28,
    -8828600746330484e-23,
    47435958880408125e-24,
    -12545415020710382e-24,
    8649648858010293e-29,
    16846058979264062e-25,
    -8575492823577594e-25,
    21598224929232125e-26,
    -7613230520476153e-31,
    -26639822008536144e-27,
    13065700536611057e-27,
    -31799163902367977e-28,
    4710976121367431e-33,
    36902800842763465e-29
  ],
  [
    34436760689237765e-20,
    5171790908260592e-20,
    -33493161081142234e-20,
    2812695154763237e-19,
    -10976582244684731e-20,
    -12741009095484485e-23,
    27744451511563645e-21,
    -18263488805711332e-21,
    57876949497350525e-22,
    493875893393627e-24,
    -10595367014026043e-22,
    6166714376110408e-22,
    -17562973359060463e-23,
    -1297447328701544e-27,
    2695423606288966e-23,
    -14578352908731272e-24,
    3887645959386175e-24,
    -3881002251019412e-32,
    -5327994173877286e-25,
    27437977643314844e-26,
    -6995796092070568e-26,
    2589986387486848e-32,
    8856689099669639e-27,
    -4403168815871311e-27,
    10865561947091654e-28
  ],
  [
    -6526239185953094e-19,
    8394987206720873e-19,
    -438297098541721e-18,
    -6969091458420552e-22,
    16644846642067547e-20,
    -12783517679769218e-20,
    4629953263691304e-20,
    4557909867922708e-24,
    -10595271125805195e-21,
    6783342904865167e-21,
    -21075476666258803e-22,
    -17213731432817144e-27,
    3773587741611098e-22,
    -21867506700122867e-23,
    6220228804018927e-23,
    6597703826733e-28,
    -9590386497425686e-24,
    5213214492280807e-24,
    -13991589583935709e-25,
    5382058999060575e-31,
    19484714275467745e-26,
    -10127287556389682e-26,
    26077347197254926e-27,
    -5090418699993299e-33,
    -33721464474854593e-28
  ],
  [
    -5967612901927463e-19,
    -7204895416020011e-20,
    6782308837667328e-19,
    -6401475260262758e-19,
    27750107634328704e-20,
    1819700838046515e-22,
    -8479507117068503e-20,
    6105192082501531e-20,
    -21073920183404862e-21,
    -8858589014125599e-25,
    45284535953805374e-22,
    -28427815022504407e-22,
    8708234177864641e-22,
    36886101871706966e-28,
    -1534469519070206e-22,
    8862466778790695e-23,
    -25184812301826817e-24,
    -10225912098215092e-30,
    3896947075815478e-24,
    -21267304792235634e-25,
    5737013552805138e-25,
    -1887749850169741e-34,
    -8093153869465787e-26,
    423827232834492e-25,
    -11002224534207727e-27
  ],
  [
    0.0013324454494800656,
    -0.0019144384985654776,
    0.0011089369134596636,
    99324041226423e-20,
    -5087450129309319e-19,
    42735056665392886e-20,
    -168588537679108e-18,
    -81301893922785e-22,
    45284402370562144e-21,
    -3127053674781734e-20,
    1044986828530338e-20,
    48435226265680926e-27,
    -2148256587345626e-21,
    1329369701097492e-21,
    -4029569309210103e-22,
    -1756787766632329e-28,
    7014504316366825e-23,
    -4040787734999483e-23,
    11474026743371962e-24,
    39642746853563326e-34,
    -17804938269892715e-25,
    9748026254873165e-25,
    -26405338676507616e-26,
    5794875163403742e-33,
    3764774955354384e-26
  ],
  [
    0.001579727660730835,
    16251626278391583e-20,
    -0.0020633421035543276,
    0.00213896861856891,
    -0.0010108559391263003,
    -399127055299192e-21,
    3623502508476469e-19,
    -28143901463712157e-20,
    10449513336495887e-20,
    212114184918303e-23,
    -25779417251947842e-21,
    17281818956040464e-21,
    -5641377387290428e-21,
    -11024320105776174e-27,
    11223224418895176e-22,
    -6869339637952674e-22,
    20653236975414888e-23,
    46714772409838506e-30,
    -35609886164949055e-24,
    20470855345905963e-24,
    -5809173863328336e-24,
    -1332821287582869e-31,
    9035460439133513e-25,
    -4959878251733084e-25,
    13481607129399748e-26
  ],
  [
    -0.004072512119514016,
    0.00640336283380807,
    -0.004041016108167662,
    -2183732802866233e-21,
    0.002174044180125464,
    -0.001970044051841889,
    8359546974796246e-19,
    19445447567109655e-24,
    -257793871204217e-18,
    19009987368139304e-20,
    -6769649993743896e-20,
    -14440629666426571e-26,
    15712512518742267e-21,
    -10304008744776892e-21,
    3304517767401387e-21,
    7982976024232571e-28,
    -64097794149313e-20,
    38894624761300054e-23,
    -1161834764494887e-22,
    -2816808630596451e-30,
    19878012911297094e-24,
    -11407719956357511e-24,
    32355857064185554e-25,
    4175946829345594e-35,
    -5042311271810582e-25
  ],
  [
    -0.0059475779383993,
    -5401647678926045e-19,
    0.00879104135507679,
    -0.009857631558785612,
    0.005013469503102154,
    12807521786221875e-22,
    -0.0020626019342754685,
    0.0017109128573523059,
    -676953127141338e-18,
    -6901154567656214e-24,
    18855128143995903e-20,
    -1339521566349197e-19,
    4626318303352804e-20,
    4003423061332135e-26,
    -10255652921494033e-21,
    6612086372797651e-21,
    -20913022027253007e-22,
    -20951775649603836e-29,
    3975602904199325e-22,
    -2395621197881589e-22,
    7118288338214586e-23,
    8925574873053455e-31,
    -12101547235064675e-24,
    6935061824833439e-24,
    -196614644538561e-23
  ],
  [
    0.01740202778752271,
    -0.029527880945699123,
    0.020045875571402798,
    70289515966903405e-22,
    -0.012375421071343148,
    0.011976293444235253,
    -0.0054156038466518525,
    -6329089339641862e-23,
    0.0018855118129005065,
    -0.001473473274825001,
    5551581009770838e-19,
    5240683441255066e-25,
    -14357913535784837e-20,
    991812932249433e-19,
    -3346083474947831e-20,
    -3575583729109899e-27,
    71560851960630075e-22,
    -4551680262815553e-21,
    14236576649271474e-22,
    18803149082089665e-30,
    -2662340389892921e-22,
    15950642189595716e-23,
    -471875146738411e-22,
    -6510787295875518e-32,
    7979509102674624e-24
  ],
  [
    0.03024912416090589,
    0.0024817436002649977,
    -0.049939134373457025,
    0.05991564300930787,
    -0.03248320760162339,
    -5721296865210344e-21,
    0.015085251778569354,
    -0.013261324005088445,
    0.0055515262632426145,
    3026318225703001e-23,
    -0.0017229548406756724,
    0.0012893570099929638,
    -46845138348319875e-20,
    -1830259937893045e-25,
    11449739014822654e-20,
    -7737856522124447e-20,
    25625836246985202e-21,
    10766165333192815e-28,
    -5324680928242262e-21,
    3349634863064464e-21,
    -10381253128684019e-22,
    -5608909920621128e-30,
    19150821930676592e-23,
    -11418365800203487e-23,
    33654425209171787e-24
  ],
  [
    -0.09905102088015905,
    0.17954011706123485,
    -0.12989606383463778,
    -31478872752284355e-21,
    0.09051063527684813,
    -0.0928288244111844,
    0.04441211283987781,
    27779236316835886e-23,
    -0.017229543805449696,
    0.014182925050891573,
    -0.005621416163374734,
    -239598509186381e-23,
    0.0016029634366079909,
    -0.0011606784674435774,
    41001337768153875e-20,
    1836580075409066e-26,
    -958442565636559e-19,
    6364306233776471e-20,
    -2076250624489065e-20,
    -11806020912804483e-29,
    4213180823912065e-21,
    -2626224133701247e-21,
    8077062049493066e-22,
    6012591212363273e-31,
    -1472973737401884e-22
  ],
  [
    -0.19994542198219728,
    -0.015056113040026424,
    0.36470239469348487,
    -0.4643519231173355,
    0.26640934719197895,
    3403826602714719e-20,
    -0.13784338709329624,
    0.1276467178337056,
    -0.056213828755200985,
    -1753150885483011e-22,
    0.019235592956768112,
    -0.015088821281095314,
    0.005740185445135012,
    10622382710310225e-25,
    -0.0015335082692563998,
    0.0010819320643228215,
    -3737251019394566e-19,
    -6617090972903199e-27,
    8426361738090962e-20,
    -5515070682748348e-20,
    1776953644834807e-20,
    3882792321020553e-29,
    -353513697488768e-20,
    2186583213004527e-21,
    -668128494476256e-21
  ],
  [
    0.7243860850402943,
    -1.3918010932653375,
    1.0654143352413967,
    1876173868950258e-19,
    -0.827055011761527,
    0.8935243334782842,
    -0.44971003995291337,
    -16107401567546651e-22,
    0.1923559016527109,
    -0.1659770216004261,
    0.06888222268181433,
    13910091724608687e-24,
    -0.02146911561508663,
    0.016228980898865892,
    -0.005979601617258426,
    -11287469112826745e-26,
    0.0015167451119784856,
    -0.00104786342935539,
    3553907288912642e-19,
    8170432211180152e-28,
    -777730134424524e-19,
    5029141389700772e-20,
    -16035083867000518e-21,
    12469354315487606e-30,
    31369106244517616e-22
  ],
  [
    1.6668949727276812,
    0.1165462765994632,
    -3.3288393225018904,
    4.469232548286404,
    -2.6977693045875806,
    -2600667859891061e-19,
    1.5389017615694538,
    -1.4937962361134611,
    0.6888196463323315,
    13077482004552384e-22,
    -0.2576296332559629,
    0.21097676102125448,
    -0.08371440835921988,
    -7792042888135476e-24,
    0.0242679230648336,
    -0.017813678334552312,
    0.006397033038890006,
    4943080709048052e-26,
    -0.0015554602758465635,
    0.0010561196919903215,
    -352771844604729e-18,
    9300233464502246e-29,
    7528585502655717e-20,
    -4818651556915635e-20,
    15227271505597605e-21
  ],
  [
    -6.618829886137293,
    13.397985455142589,
    -10.789350606845145,
    -0.0014352254537875018,
    9.23336945961898,
    -10.456552819547769,
    5.510552602903347,
    12024439690716742e-21,
    -2.5762961164755818,
    2.320744274538718,
    -1.0045728797216285,
    -10207833290021913e-23,
    0.3397509217116947,
    -0.2672051745075747,
    0.10235252851562705,
    8432973048487163e-25,
    -0.027998284958442594,
    0.020066274144976814,
    -0.007055436891508624,
    19402238183698188e-28,
    0.0016562888105449611,
    -0.0011082898580743682,
    3654545161310169e-19,
    -5129003202697179e-26,
    -7634010369686903e-20
  ],
  [
    -17.112706061976095,
    -1.1208044642899115,
    37.131966511885445,
    -52.29827102534896,
    33.058589696624615,
    0.002479129897620022,
    -20.61089403411526,
    20.88672775145582,
    -10.045703956517752,
    -12238783449063012e-21,
    4.077013427422114,
    -3.473667358470195,
    1.4329352617312006,
    7135991441187971e-23,
    -0.4479725715911561,
    0.3411266608064446,
    -0.12699786326594922,
    -2895367726908153e-25,
    0.03312577627825986,
    -0.023274087021036102,
    0.008039999350364889,
    -1177805216235265e-24,
    -0.001832162489107167,
    0.0012108282933588664,
    -3947994124682252e-19
  ],
  [
    73.89033153567425,
    -156.80141270402274,
    132.2177542759164,
    0.013692876877324546,
    -123.66496885920151,
    146.2068939106273,
    -80.36558772486535,
    -11259851148881298e-20,
    40.77013219617994,
    -38.21034001327303,
    17.19522294277362,
    9351970795516835e-22,
    -6.271615990774704,
    5.116899907185264,
    -2.0319658112299095,
    -4950721558276154e-24,
    0.596263972943326,
    -0.44220765337238094,
    0.16079998700166273,
    -24733786203223403e-24,
    -0.040307574759979765,
    0.02784905074709787,
    -0.009475185899205422,
    6419922235909132e-21,
    0.002125018077469946
  ],
  [
    212.1683709838252,
    13.107863022633868,
    -496.9828593287175,
    731.215952669692,
    -482.1382172089085,
    -0.028817248692894887,
    326.167203029471,
    -343.8934028008712,
    171.95193870816232,
    14038077378096157e-20,
    -75.2594195897599,
    66.51969984520935,
    -28.447519748152462,
    -7613702615875392e-22,
    9.540223710530437,
    -7.517530111331138,
    2.894399756887196,
    -466121949995382e-21,
    -0.8061514959879409,
    0.5848300657063102,
    -0.20845408972964957,
    14765818959305816e-20,
    0.05100043386375302,
    -0.03306625214188366,
    0.015109265210467774
  ],
  [
    -989.5964309832236,
    2192.555536090523,
    -1928.3586782723355,
    -0.15925738122215252,
    1956.9985945919857,
    -2407.2514765081555,
    1375.6149959336497,
    0.0012920735237496668,
    -752.5941715948055,
    731.7166874220871,
    -341.37023466220063,
    -9985739026060805e-21,
    133.56313181291574,
    -112.76295161252794,
    46.31039609820446,
    -7923738713361476e-21,
    -14.510726927018647,
    11.111771248100563,
    -4.169081794527089,
    0.0031008219800117806,
    1.1220095449981469,
    -0.7605237992614992,
    0.36262236505085255,
    0.2216867741940747,
    0.48683443692930506
  ]
];

// src/drift/special/incomplete-gamma.ts
var MACHINE_EPSILON = 2220446049250313e-31;
var ASYMPTOTIC_SMALL = 20;
var ASYMPTOTIC_LARGE = 200;
var ASYMPTOTIC_SMALL_RATIO = 0.3;
var ASYMPTOTIC_LARGE_RATIO = 4.5;
var BIG = 4503599627370496;
var BIG_INVERSE = 2220446049250313e-31;
function logGammaPrefactor(a, x) {
  const sigma = (x - a) / a;
  return a * log1pmx(sigma) + 0.5 * Math.log(a) - HALF_LN_TWO_PI - stirlingRemainder(a);
}
function iterationLimit(a) {
  return 2e3 + Math.ceil(20 * Math.sqrt(a));
}
function lowerSeries(a, x) {
  let r = a;
  let c = 1;
  let sum = 1;
  const limit = iterationLimit(a);
  for (let i = 0; i < limit; i++) {
    r += 1;
    c *= x / r;
    sum += c;
    if (c <= MACHINE_EPSILON * sum) break;
  }
  return Math.exp(logGammaPrefactor(a, x) + Math.log(sum / a));
}
function upperContinuedFraction(a, x) {
  let y = 1 - a;
  let z2 = x + y + 1;
  let c = 0;
  let pkm2 = 1;
  let qkm2 = x;
  let pkm1 = x + 1;
  let qkm1 = z2 * x;
  let ans = pkm1 / qkm1;
  const limit = iterationLimit(a);
  for (let i = 0; i < limit; i++) {
    c += 1;
    y += 1;
    z2 += 2;
    const yc = y * c;
    const pk = pkm1 * z2 - pkm2 * yc;
    const qk = qkm1 * z2 - qkm2 * yc;
    let change = 1;
    if (qk !== 0) {
      const r = pk / qk;
      change = Math.abs((ans - r) / r);
      ans = r;
    }
    pkm2 = pkm1;
    pkm1 = pk;
    qkm2 = qkm1;
    qkm1 = qk;
    if (Math.abs(pk) > BIG) {
      pkm2 *= BIG_INVERSE;
      pkm1 *= BIG_INVERSE;
      qkm2 *= BIG_INVERSE;
      qkm1 *= BIG_INVERSE;
    }
    if (change <= MACHINE_EPSILON) break;
  }
  return Math.exp(logGammaPrefactor(a, x) + Math.log(ans));
}
function logGamma1p(a) {
  return Math.abs(a) < 1.5 ? Math.log1p((0, import_math_base_special_gamma1pm1.default)(a)) : (0, import_math_base_special_gammaln2.default)(1 + a);
}
function upperSmallSeries(a, x) {
  let factor = 1;
  let sum = 0;
  for (let n = 1; n < 2e3; n++) {
    factor *= -x / n;
    const term = factor / (a + n);
    sum += term;
    if (Math.abs(term) <= MACHINE_EPSILON * Math.abs(sum)) break;
  }
  const logX = Math.log(x);
  const leading = -Math.expm1(a * logX - logGamma1p(a));
  return leading - Math.exp(a * logX - (0, import_math_base_special_gammaln2.default)(a)) * sum;
}
function upperAsymptotic(a, x) {
  const lambda = x / a;
  const sigma = (x - a) / a;
  let eta = 0;
  if (lambda > 1) eta = Math.sqrt(-2 * log1pmx(sigma));
  else if (lambda < 1) eta = -Math.sqrt(-2 * log1pmx(sigma));
  const columns = TEMME_COEFFICIENTS[0].length;
  const etaPowers = new Float64Array(columns);
  etaPowers[0] = 1;
  let highestPower = 0;
  let sum = 0;
  let aFactor = 1;
  let previousMagnitude = Number.POSITIVE_INFINITY;
  for (const row of TEMME_COEFFICIENTS) {
    let ck = row[0];
    for (let n = 1; n < columns; n++) {
      if (n > highestPower) {
        etaPowers[n] = eta * etaPowers[n - 1];
        highestPower = n;
      }
      const ckTerm = row[n] * etaPowers[n];
      ck += ckTerm;
      if (Math.abs(ckTerm) < MACHINE_EPSILON * Math.abs(ck)) break;
    }
    const term = ck * aFactor;
    const magnitude = Math.abs(term);
    if (magnitude > previousMagnitude) break;
    sum += term;
    if (magnitude < MACHINE_EPSILON * Math.abs(sum)) break;
    previousMagnitude = magnitude;
    aFactor /= a;
  }
  return 0.5 * (0, import_math_base_special_erfc.default)(eta * Math.sqrt(a / 2)) + Math.exp(-0.5 * a * eta * eta) * sum / Math.sqrt(2 * Math.PI * a);
}
function regularizedUpperGamma(a, x) {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0 || x < 0) return Number.NaN;
  if (a === 0) return x > 0 ? 0 : Number.NaN;
  if (x === 0) return 1;
  if (a === Number.POSITIVE_INFINITY) return x === Number.POSITIVE_INFINITY ? Number.NaN : 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const relativeDistance = Math.abs(x - a) / a;
  if (a > ASYMPTOTIC_SMALL && a < ASYMPTOTIC_LARGE && relativeDistance < ASYMPTOTIC_SMALL_RATIO || a > ASYMPTOTIC_LARGE && relativeDistance < ASYMPTOTIC_LARGE_RATIO / Math.sqrt(a)) {
    return upperAsymptotic(a, x);
  }
  if (x > 1.1) return x < a ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
  if (x <= 0.5) return -0.4 / Math.log(x) < a ? 1 - lowerSeries(a, x) : upperSmallSeries(a, x);
  return x * 1.1 < a ? 1 - lowerSeries(a, x) : upperSmallSeries(a, x);
}

// src/drift/special/student-t.ts
var import_math_base_special_erfc2 = __toESM(require_lib53(), 1);
var import_math_base_special_erfcx = __toESM(require_lib89(), 1);
var EPSILON = 2220446049250313e-31;
var HALF_LN_PI = 0.5723649429247001;
var BGRAT_MIN_A = 15;
var SHIFT = 20;
function logSeriesPrefactor(a, logX) {
  return a * logX - Math.log(a) - HALF_LN_PI + logGammaRatioHalf(a);
}
function logSeriesLowerTail(a, x, logX) {
  let sum = 0;
  let c = 1;
  for (let j = 1; j < 2e3; j++) {
    c *= (j - 0.5) / j * x;
    const term = c / (a + j);
    sum += term;
    if (term <= EPSILON * 0.25 * (1 / a + sum)) break;
  }
  return logSeriesPrefactor(a, logX) + Math.log1p(a * sum);
}
function seriesUpperPart(a, y, logY) {
  let sum = 0;
  let c = 1;
  for (let j = 1; j < 2e3; j++) {
    c *= (j - a) / j * y;
    const term = c / (0.5 + j);
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(2 + sum)) break;
  }
  const logPrefactor = 0.5 * logY + Math.LN2 - HALF_LN_PI + logGammaRatioHalf(a);
  return Math.exp(logPrefactor) * (1 + 0.5 * sum);
}
function logShiftSum(a, n, x, logX, logY) {
  const logFirst = logSeriesPrefactor(a, logX) + 0.5 * logY;
  let term = 1;
  let sum = 1;
  for (let i = 0; i < n - 1; i++) {
    term *= x * (a + i + 0.5) / (a + i + 1);
    sum += term;
  }
  return logFirst + Math.log(sum);
}
function logAsymptoticLowerTail(a, logX, logAdded) {
  const b = 0.5;
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const z2 = -nu * logX;
  const logU = -z2 + 0.5 * Math.log(z2) - HALF_LN_PI + logGammaRatioHalf(a) - 0.5 * Math.log(nu);
  const sqrtZ = Math.sqrt(z2);
  let j = Math.sqrt(Math.PI) * (0, import_math_base_special_erfcx.default)(sqrtZ) / sqrtZ;
  const l = Number.isFinite(logAdded) ? Math.exp(logAdded - logU) : 0;
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * logX * logX;
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  const c = [];
  const d = [];
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z2 + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coefficient = b - n;
    for (let i = 1; i <= n - 1; i++) {
      s += coefficient * c[i - 1] * d[n - 1 - i];
      coefficient += b;
    }
    const dn = bm1 * cn + s / n;
    d.push(dn);
    const dj = dn * j;
    sum += dj;
    if (sum <= 0) return Number.NaN;
    if (Math.abs(dj) <= EPSILON * 0.25 * (sum + l)) break;
  }
  return logU + Math.log(sum);
}
function logAdd(p, q) {
  if (q === Number.NEGATIVE_INFINITY) return p;
  if (p === Number.NEGATIVE_INFINITY) return q;
  const [hi, lo] = p >= q ? [p, q] : [q, p];
  return hi + Math.log1p(Math.exp(lo - hi));
}
function studentTwoSidedTail(t, degreesOfFreedom) {
  const nu = degreesOfFreedom;
  if (Number.isNaN(t) || Number.isNaN(nu) || nu <= 0) return Number.NaN;
  const absT = Math.abs(t);
  if (absT === Number.POSITIVE_INFINITY) return 0;
  if (absT === 0) return 1;
  if (nu === Number.POSITIVE_INFINITY) return (0, import_math_base_special_erfc2.default)(absT * Math.SQRT1_2);
  const a = nu / 2;
  const r = absT * absT / nu;
  let logX;
  let logY;
  let x;
  let y;
  if (Number.isFinite(r)) {
    logX = -Math.log1p(r);
    logY = Math.log(r) + logX;
    x = 1 / (1 + r);
    y = r / (1 + r);
  } else {
    logX = -(2 * Math.log(absT) - Math.log(nu));
    logY = 0;
    x = Math.exp(logX);
    y = 1;
  }
  if (x <= 0.7) return Math.exp(logSeriesLowerTail(a, x, logX));
  if (y < 0.1 && a * y <= 0.49 || a <= 1) return 1 - seriesUpperPart(a, y, logY);
  const shift = a < BGRAT_MIN_A ? SHIFT : 0;
  const logShift = shift > 0 ? logShiftSum(a, shift, x, logX, logY) : Number.NEGATIVE_INFINITY;
  const logTail = logAsymptoticLowerTail(a + shift, logX, logShift);
  return Math.exp(logAdd(logTail, logShift));
}

// src/drift/kernels/p-values.ts
function chiSquareSf(x, degreesOfFreedom) {
  if (Number.isNaN(x) || Number.isNaN(degreesOfFreedom) || degreesOfFreedom <= 0) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x <= 0) return 1;
  return regularizedUpperGamma(degreesOfFreedom / 2, x / 2);
}
function normalSf(z2) {
  return (0, import_stats_base_dists_normal_cdf.default)(-z2, 0, 1);
}
function studentTwoSidedP(t, degreesOfFreedom) {
  return studentTwoSidedTail(t, degreesOfFreedom);
}

// src/drift/stattests/chisquare.ts
var SUM_RELATIVE_TOLERANCE = 1e-8;
function chiSquareFromCounts(referenceCounts, currentCounts, referenceSize2, currentSize2) {
  const keys = referenceCounts.length;
  const scale = currentSize2 / referenceSize2;
  const observed = new Float64Array(keys);
  const expected = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    observed[k] = currentCounts[k];
    expected[k] = referenceCounts[k] * scale;
  }
  const observedSum = pairwiseSum(observed);
  const expectedSum = pairwiseSum(expected);
  if (Math.abs(observedSum - expectedSum) / Math.min(observedSum, expectedSum) > SUM_RELATIVE_TOLERANCE) {
    throw new StatTestSkip(
      `chisquare: observed and expected frequencies sum to ${observedSum} and ${expectedSum}; scipy raises when they differ by more than 1e-8 relative`
    );
  }
  const terms = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    const d = observed[k] - expected[k];
    terms[k] = d * d / expected[k];
  }
  const statistic = pairwiseSum(terms);
  const degreesOfFreedom = keys - 1;
  return { statistic, pValue: chiSquareSf(statistic, degreesOfFreedom), degreesOfFreedom };
}
function chiSquare(pair) {
  const counts = valueCounts(pair);
  return chiSquareFromCounts(
    counts.referenceCounts,
    counts.currentCounts,
    counts.referenceSize,
    counts.currentSize
  );
}
var chisquare = {
  id: "chisquare",
  displayName: "chi-square p_value",
  allowedTypes: ["categorical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const result = chiSquare(pair);
    const warnings = result.degreesOfFreedom === 0 ? [
      "chi-square with a single category has 0 degrees of freedom: p-value is NaN (Evidently: never drift)"
    ] : void 0;
    return { score: result.pValue, statistic: result.statistic, ...warnings ? { warnings } : {} };
  }
};

// src/drift/stattests/cramer-von-mises.ts
var import_math_base_special_gammaln4 = __toESM(require_lib88(), 1);

// src/drift/kernels/bessel-k.ts
var import_math_base_special_gammaln3 = __toESM(require_lib88(), 1);
var MAX_ITERATIONS = 1e4;
var EPSILON2 = 1e-16;
var SERIES_LIMIT = 2;
function reciprocalGammas(mu) {
  return { plus: Math.exp(-(0, import_math_base_special_gammaln3.default)(1 + mu)), minus: Math.exp(-(0, import_math_base_special_gammaln3.default)(1 - mu)) };
}
function gammaOne(mu, plus, minus) {
  if (Math.abs(mu) < 1e-6) return 0.5772156649015329;
  return (minus - plus) / (2 * mu);
}
function besselK(order, x) {
  if (!(order >= 0 && order <= 0.5))
    throw new RangeError(`besselK supports orders in [0, 0.5], got ${order}`);
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const mu = order;
  const mu2 = mu * mu;
  if (x < SERIES_LIMIT) {
    const half = 0.5 * x;
    const piMu = Math.PI * mu;
    const fact = Math.abs(piMu) < EPSILON2 ? 1 : piMu / Math.sin(piMu);
    let d2 = -Math.log(half);
    let e = mu * d2;
    const fact2 = Math.abs(e) < EPSILON2 ? 1 : Math.sinh(e) / e;
    const { plus, minus } = reciprocalGammas(mu);
    const gamma1 = gammaOne(mu, plus, minus);
    const gamma2 = (minus + plus) / 2;
    let ff = fact * (gamma1 * Math.cosh(e) + gamma2 * fact2 * d2);
    let sum = ff;
    e = Math.exp(e);
    let p = 0.5 * e / plus;
    let q3 = 0.5 / (e * minus);
    let c2 = 1;
    d2 = half * half;
    for (let i = 1; i <= MAX_ITERATIONS; i++) {
      ff = (i * ff + p + q3) / (i * i - mu2);
      c2 *= d2 / i;
      p /= i - mu;
      q3 /= i + mu;
      const term = c2 * ff;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON2) break;
    }
    return sum;
  }
  let b = 2 * (1 + x);
  let d = 1 / b;
  let delh = d;
  let q1 = 0;
  let q2 = 1;
  const a1 = 0.25 - mu2;
  let q = a1;
  let c = a1;
  let a = -a1;
  let s = 1 + q * delh;
  for (let i = 2; i <= MAX_ITERATIONS; i++) {
    a -= 2 * (i - 1);
    c = -a * c / i;
    const qNew = (q1 - b * q2) / a;
    q1 = q2;
    q2 = qNew;
    q += c * qNew;
    b += 2;
    d = 1 / (b + a * d);
    delh = (b * d - 1) * delh;
    const dels = q * delh;
    s += dels;
    if (Math.abs(dels / s) < EPSILON2) break;
  }
  return Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x) / s;
}

// src/drift/stattests/cramer-von-mises.ts
var EXACT_MAX_SIZE = 20;
var TN_MIN = 3e-3;
var SERIES_TOLERANCE = 1e-7;
var FLOAT16_MAX = 65504;
var FLOAT32_MAX = 34028234663852886e22;
var REDUCE_BUFFER_SIZE = 8192;
function float16Round(x) {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const magnitude = Math.abs(x);
  if (magnitude >= 65520) return sign * Number.POSITIVE_INFINITY;
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent--;
  else if (2 ** (exponent + 1) <= magnitude) exponent++;
  exponent = Math.max(exponent, -14);
  const ulp = 2 ** (exponent - 10);
  const scaled = magnitude / ulp;
  const floor = Math.floor(scaled);
  const remainder = scaled - floor;
  const rounded = remainder > 0.5 || remainder === 0.5 && floor % 2 === 1 ? floor + 1 : floor;
  return sign * rounded * ulp;
}
function storageFor(zetaBound, combinations) {
  if (!(combinations > zetaBound)) return "uint";
  if (combinations <= FLOAT16_MAX) return "float16";
  if (combinations <= FLOAT32_MAX) return "float32";
  return "float64";
}
function rounderFor(storage) {
  switch (storage) {
    case "float16":
      return float16Round;
    case "float32":
      return Math.fround;
    default:
      return (x) => x;
  }
}
function numpyFloorDivide(a, b) {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) * 0;
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
}
function pairwiseSumFloat32(values, start, length) {
  const f = Math.fround;
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) result = f(result + values[start + i]);
    return result;
  }
  if (length <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => f(values[start + k]));
    const unrolledEnd = length - length % 8;
    let i = 8;
    for (; i < unrolledEnd; i += 8) for (let k = 0; k < 8; k++) r[k] = f(r[k] + values[start + i + k]);
    let result = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    for (; i < length; i++) result = f(result + values[start + i]);
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return f(pairwiseSumFloat32(values, start, half) + pairwiseSumFloat32(values, start + half, length - half));
}
function sumInStorage(values, storage) {
  if (storage === "uint") {
    let total = 0;
    for (const v of values) total += v;
    return total;
  }
  if (storage === "float64") return pairwiseSum(values);
  const store = rounderFor(storage);
  let result = 0;
  for (let offset = 0; offset < values.length || offset === 0; offset += REDUCE_BUFFER_SIZE) {
    const length = Math.min(REDUCE_BUFFER_SIZE, values.length - offset);
    result = store(Math.fround(result + pairwiseSumFloat32(values, offset, length)));
    if (values.length === 0) break;
  }
  return result;
}
function uniqueFirstIndices(values) {
  const order = Array.from(values.keys()).sort((i, j) => values[i] - values[j] || i - j);
  const sorted = [];
  const firstIndex = [];
  for (const index of order) {
    if (sorted.length === 0 || sorted[sorted.length - 1] !== values[index]) {
      sorted.push(values[index]);
      firstIndex.push(index);
    }
  }
  return { sorted, firstIndex };
}
function cramerVonMisesExactPValue(u, m, n) {
  const gcd2 = (x, y) => y === 0 ? x : gcd2(y, x % y);
  const lcm = m / gcd2(m, n) * n;
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = numpyFloorDivide(lcm ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1)), 6 * mn ** 2);
  const zetaBound = lcm ** 2 * (m + n);
  const combinations = Number(factorialBig(m + n) / (factorialBig(m) * factorialBig(n)));
  const storage = storageFor(zetaBound, combinations);
  const store = rounderFor(storage);
  const empty = () => ({ values: new Float64Array(0), freqs: new Float64Array(0) });
  let gs = [{ values: Float64Array.of(0), freqs: Float64Array.of(1) }];
  for (let v = 0; v < m; v++) gs.push(empty());
  for (let step = 0; step <= n; step++) {
    const next = [];
    let tmp = empty();
    for (let v = 0; v < gs.length; v++) {
      const g = gs[v];
      const left = uniqueFirstIndices(tmp.values);
      const right = uniqueFirstIndices(g.values);
      const common = [];
      const leftIdx = [];
      const rightIdx = [];
      let i = 0;
      let j = 0;
      while (i < left.sorted.length && j < right.sorted.length) {
        if (left.sorted[i] < right.sorted[j]) i++;
        else if (left.sorted[i] > right.sorted[j]) j++;
        else {
          common.push(left.sorted[i]);
          leftIdx.push(left.firstIndex[i]);
          rightIdx.push(right.firstIndex[j]);
          i++;
          j++;
        }
      }
      const size = tmp.values.length + g.values.length - common.length;
      const values = new Float64Array(size);
      const freqs = new Float64Array(size);
      let k = 0;
      for (let c = 0; c < common.length; c++) {
        values[k] = common[c];
        freqs[k] = store(tmp.freqs[leftIdx[c]] + g.freqs[rightIdx[c]]);
        k++;
      }
      const dropLeft = new Set(leftIdx);
      for (let t = 0; t < tmp.values.length; t++) {
        if (dropLeft.has(t)) continue;
        values[k] = tmp.values[t];
        freqs[k] = tmp.freqs[t];
        k++;
      }
      const dropRight = new Set(rightIdx);
      for (let t = 0; t < g.values.length; t++) {
        if (dropRight.has(t)) continue;
        values[k] = g.values[t];
        freqs[k] = g.freqs[t];
        k++;
      }
      const increment = store((a * v - b * step) ** 2);
      for (let t = 0; t < size; t++) values[t] = store(values[t] + increment);
      tmp = { values, freqs };
      next.push(tmp);
    }
    gs = next;
  }
  const final = gs[m];
  const selected = [];
  for (let t = 0; t < final.values.length; t++) if (final.values[t] >= zeta) selected.push(final.freqs[t]);
  return sumInStorage(Float64Array.from(selected), storage) / combinations;
}
function factorialBig(k) {
  let result = 1n;
  for (let i = 2n; i <= BigInt(k); i++) result *= i;
  return result;
}
function cramerVonMisesLimitCdf(x) {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp((0, import_math_base_special_gammaln4.default)(k + 0.5) - (0, import_math_base_special_gammaln4.default)(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = y ** 2 / (16 * x);
    const term = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
    total += term;
    if (!(Math.abs(term) >= SERIES_TOLERANCE)) break;
  }
  return total;
}
function cramerVonMises(pair) {
  const nx = referenceSize(pair);
  const ny = currentSize(pair);
  if (nx <= 1 || ny <= 1) {
    throw new StatTestSkip(
      `Cramer-von Mises requires at least two observations per side (reference ${nx}, current ${ny})`
    );
  }
  const method = Math.max(nx, ny) > EXACT_MAX_SIZE ? "asymptotic" : "exact";
  const merged = mergedDistribution(pair);
  const { averageRanks } = pooledRanks(pair);
  const deviations = (runs) => {
    const runRank = new Float64Array(runs.values.length);
    const runStart = new Float64Array(runs.values.length);
    let k2 = 0;
    let before = 0;
    for (let r = 0; r < runs.values.length; r++) {
      while (merged.values[k2] < runs.values[r]) k2++;
      runRank[r] = averageRanks[k2];
      runStart[r] = before;
      before += runs.counts[r];
    }
    return pairwiseSumOfRuns({
      lengths: runs.counts,
      element: (r, offset) => {
        const d = runRank[r] - (runStart[r] + offset + 1);
        return d * d;
      }
    });
  };
  const sortedDeviations = (sorted) => {
    const out = new Float64Array(sorted.length);
    let k2 = 0;
    for (let i = 0; i < sorted.length; i++) {
      while (merged.values[k2] < sorted[i]) k2++;
      const d = averageRanks[k2] - (i + 1);
      out[i] = d * d;
    }
    return pairwiseSum(out);
  };
  const side = (name, runs) => {
    const sorted = cachedSortedSide(pair, name);
    return sorted ? sortedDeviations(sorted) : deviations(runs);
  };
  let u = nx * side("reference", referenceRuns(pair));
  u += ny * side("current", currentRuns(pair));
  const k = nx * ny;
  const N = nx + ny;
  const statistic = u / (k * N) - (4 * k - 1) / (6 * N);
  let pValue;
  if (method === "exact") {
    pValue = cramerVonMisesExactPValue(u, nx, ny);
  } else {
    const et = (1 + 1 / N) / 6;
    let vt = (N + 1) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k);
    vt = vt / (45 * N ** 2 * 4 * k);
    const tn = 1 / 6 + (statistic - et) / Math.sqrt(45 * vt);
    pValue = tn < TN_MIN ? 1 : Math.max(0, 1 - cramerVonMisesLimitCdf(tn));
  }
  return { statistic, pValue, method };
}
var cramerVonMisesStatTest = {
  id: "cramer_von_mises",
  displayName: "Cramer-von Mises",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<=thr",
  compute(pair) {
    const { statistic, pValue, method } = cramerVonMises(pair);
    return { score: pValue, statistic, method };
  }
};

// src/drift/stattests/ed.ts
function energyDistance(pair) {
  return Math.SQRT2 * Math.sqrt(columnEcdfWalk(pair).energyIntegral);
}
var ed = {
  id: "ed",
  displayName: "Energy-distance",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>thr",
  compute(pair) {
    return { score: energyDistance(pair) };
  }
};

// src/drift/random/mt19937.ts
var STATE_LENGTH = 624;
var PERIOD_OFFSET = 397;
var MATRIX_A = 2567483615;
var UPPER_MASK = 2147483648;
var LOWER_MASK = 2147483647;
var MT19937 = class {
  key = new Uint32Array(STATE_LENGTH);
  position = STATE_LENGTH;
  /**
   * @param seed an integer in [0, 2^32 - 1], as numpy's `RandomState(seed)` accepts
   * @throws {RangeError} if the seed is not such an integer
   */
  constructor(seed) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) {
      throw new RangeError(`MT19937 seed must be an integer between 0 and 2**32 - 1, got ${seed}`);
    }
    let value = seed >>> 0;
    for (let i = 0; i < STATE_LENGTH; i++) {
      this.key[i] = value;
      value = Math.imul(1812433253, (value ^ value >>> 30) >>> 0) + i + 1 >>> 0;
    }
    this.position = STATE_LENGTH;
  }
  /** Regenerates the 624-word state block (numpy's `mt19937_gen`). */
  generate() {
    const key = this.key;
    let i = 0;
    let y;
    for (; i < STATE_LENGTH - PERIOD_OFFSET; i++) {
      y = key[i] & UPPER_MASK | key[i + 1] & LOWER_MASK;
      key[i] = key[i + PERIOD_OFFSET] ^ y >>> 1 ^ -(y & 1) & MATRIX_A;
    }
    for (; i < STATE_LENGTH - 1; i++) {
      y = key[i] & UPPER_MASK | key[i + 1] & LOWER_MASK;
      key[i] = key[i + (PERIOD_OFFSET - STATE_LENGTH)] ^ y >>> 1 ^ -(y & 1) & MATRIX_A;
    }
    y = key[STATE_LENGTH - 1] & UPPER_MASK | key[0] & LOWER_MASK;
    key[STATE_LENGTH - 1] = key[PERIOD_OFFSET - 1] ^ y >>> 1 ^ -(y & 1) & MATRIX_A;
    this.position = 0;
  }
  /** The next tempered 32-bit output, as an unsigned integer (numpy's `mt19937_next32`). */
  nextUint32() {
    if (this.position === STATE_LENGTH) this.generate();
    let y = this.key[this.position++];
    y ^= y >>> 11;
    y ^= y << 7 & 2636928640;
    y ^= y << 15 & 4022730752;
    y ^= y >>> 18;
    return y >>> 0;
  }
};

// src/drift/random/random-state.ts
var RandomState = class {
  generator;
  /** Equivalent of `np.random.RandomState(seed)` / `np.random.seed(seed)` with an integer seed. */
  constructor(seed) {
    this.generator = new MT19937(seed);
  }
  /** A raw 32-bit output (`next_uint32`). */
  nextUint32() {
    return this.generator.nextUint32();
  }
  /**
   * A uniform integer in [0, max] by masked rejection: numpy's `random_interval`, which legacy `shuffle` uses.
   * Only the 32-bit branch is implemented: arrays here never have 2^32 elements.
   * @throws {RangeError} if max is not an integer in [0, 2^32 - 1]
   */
  randomInterval(max) {
    if (max === 0) return 0;
    if (!Number.isInteger(max) || max < 0 || max > 4294967295) {
      throw new RangeError(`randomInterval requires an integer max in [0, 2**32 - 1], got ${max}`);
    }
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value;
    do {
      value = (this.generator.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }
  /**
   * Shuffles a 1-D array in place exactly like legacy `RandomState.shuffle` (Fisher–Yates from the end:
   * for i = n-1 down to 1, swap x[i] with x[random_interval(i)]).
   */
  shuffle(values) {
    const generator = this.generator;
    let mask = values.length - 1;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    for (let i = values.length - 1; i >= 1; i--) {
      while (i <= mask >>> 1) mask >>>= 1;
      let j;
      do {
        j = (generator.nextUint32() & mask) >>> 0;
      } while (j > i);
      const held = values[j];
      values[j] = values[i];
      values[i] = held;
    }
  }
  /** `RandomState.permutation(n)`: a shuffled `arange(n)`. */
  permutation(n) {
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
    this.shuffle(indices);
    return indices;
  }
  /**
   * The indices `RandomState.choice(a, size, replace=False)` draws from a population of `populationSize`
   * (with `p=None`, legacy `choice` takes `permutation(pop_size)[:size]`).
   * @throws {RangeError} if size is larger than the population
   */
  choiceWithoutReplacement(populationSize, size) {
    if (size > populationSize) {
      throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    }
    return this.permutation(populationSize).subarray(0, size);
  }
};

// src/drift/stattests/empirical-mmd.ts
var MMD_ITERATIONS = 100;
var MMD_MAX_POOLED_SIZE = 2e3;
function sigmaMedian(distances) {
  const sorted = Float64Array.from(distances).sort();
  const virtual = 0.5 * (sorted.length - 1);
  const floor = Math.floor(virtual);
  const index = virtual - floor === 0.5 ? floor % 2 === 0 ? floor : floor + 1 : Math.round(virtual);
  const sigma = Math.sqrt(0.5 * sorted[index]);
  return sigma === 0 ? Math.sqrt(0.5) : sigma;
}
function squaredDistance(x, y) {
  return y * y - 2 * (x * y) + x * x;
}
function blockSum(kernel, size, order, rowStart, rowEnd, colStart, colEnd, buffer) {
  let total = 0;
  const width = colEnd - colStart;
  for (let r = rowStart; r < rowEnd; r++) {
    const rowOffset = order[r] * size;
    for (let c = 0; c < width; c++) buffer[c] = kernel[rowOffset + order[colStart + c]];
    total += pairwiseSum(buffer, 0, width);
  }
  return total;
}
function mmdOf(kernel, size, currentSize2, order, buffer) {
  const referenceSize2 = size - currentSize2;
  const a = 1 / (referenceSize2 * (referenceSize2 - 1));
  const b = 1 / (currentSize2 * (currentSize2 - 1));
  const kxx = blockSum(kernel, size, order, 0, referenceSize2, 0, referenceSize2, buffer);
  const kyy = blockSum(kernel, size, order, referenceSize2, size, referenceSize2, size, buffer);
  const kxy = blockSum(kernel, size, order, referenceSize2, size, 0, referenceSize2, buffer) / (currentSize2 * referenceSize2);
  return a * kxx + b * kyy - 2 * kxy;
}
function empiricalMmd(pair, seed, iterations = MMD_ITERATIONS) {
  const x = pair.reference;
  const y = pair.current;
  const n = x.length;
  const m = y.length;
  const size = n + m;
  if (size > MMD_MAX_POOLED_SIZE) {
    throw new StatTestSkip(
      `empirical_mmd builds a (n1+n2)\xB2 kernel matrix; ${size} pooled values exceed driftwatch's limit of ${MMD_MAX_POOLED_SIZE} (sample the column or choose another test)`
    );
  }
  const referenceDistances = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) referenceDistances[i * n + j] = squaredDistance(x[i], x[j]);
  const sigma = sigmaMedian(referenceDistances);
  const gamma = 1 / (2 * sigma ** 2);
  const kernel = new Float64Array(size * size);
  const value = (i) => i < n ? x[i] : y[i - n];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (r === c) continue;
      const distance = r >= n && c < n ? squaredDistance(value(c), value(r)) : squaredDistance(value(r), value(c));
      kernel[r * size + c] = Math.exp(-gamma * distance);
    }
  }
  const buffer = new Float64Array(size);
  const identity = new Int32Array(size);
  for (let i = 0; i < size; i++) identity[i] = i;
  const statistic = mmdOf(kernel, size, m, identity, buffer);
  const random = new RandomState(seed);
  let atLeastObserved = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const order = random.permutation(size);
    if (statistic <= mmdOf(kernel, size, m, order, buffer)) atLeastObserved++;
  }
  return { statistic, pValue: atLeastObserved / iterations };
}
var empiricalMmdStatTest = {
  id: "empirical_mmd",
  displayName: "empirical_mmd",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair, options) {
    const { statistic, pValue } = empiricalMmd(pair, options.seed);
    return { score: pValue, statistic, method: `permutation (${MMD_ITERATIONS}, seed ${options.seed})` };
  }
};

// src/drift/stattests/es.ts
var EVALUATION_POINTS = [0.4, 0.8];
var DIMENSION = 2 * EVALUATION_POINTS.length;
var MIN_SIZE = 5;
var SMALL_SAMPLE_SIZE = 25;
var PINV_RCOND = 1e-15;
var EPSILON3 = 2220446049250313e-31;
function mergeAscending(a, b) {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
function featureMoments(values, scaledPoints) {
  const n = values.length;
  const features = [];
  for (const t of scaledPoints) features.push(values.map((x) => Math.cos(t * x)));
  for (const t of scaledPoints) features.push(values.map((x) => Math.sin(t * x)));
  const mean = features.map((f) => pairwiseSum(f) / n);
  const centred = features.map((f, r) => f.map((v) => v - mean[r]));
  const cov = centred.map(
    (fr) => centred.map((fc) => {
      const products = new Float64Array(n);
      for (let i = 0; i < n; i++) products[i] = fr[i] * fc[i];
      return pairwiseSum(products) / n;
    })
  );
  return { mean, cov };
}
function symmetricEigen(matrix) {
  const size = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from(
    { length: size },
    (_, i) => Array.from({ length: size }, (_2, j) => i === j ? 1 : 0)
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p][q] * a[p][q];
    if (offDiagonal === 0) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}
function eppsSingleton(pair) {
  const reference = sortedReference(pair);
  const current = sortedCurrent(pair);
  const nx = reference.length;
  const ny = current.length;
  const pooled = mergeAscending(reference, current);
  const iqr = percentileSorted(pooled, 75) - percentileSorted(pooled, 25);
  if (iqr === 0) {
    throw new StatTestSkip(
      "Epps-Singleton requires a non-zero interquartile range of the pooled data (Evidently raises on IQR 0)"
    );
  }
  if (nx < MIN_SIZE || ny < MIN_SIZE) {
    throw new StatTestSkip(
      `Epps-Singleton requires at least ${MIN_SIZE} values per side (reference ${nx}, current ${ny})`
    );
  }
  const n = nx + ny;
  const sigma = iqr / 2;
  const scaledPoints = EVALUATION_POINTS.map((t) => t / sigma);
  if (!scaledPoints.every(Number.isFinite) || !Number.isFinite(iqr)) {
    throw new StatTestSkip(
      `Epps-Singleton: the pooled interquartile range (${iqr}) is beyond double precision, so t / sigma is not finite (scipy's p-value is NaN)`
    );
  }
  const gx = featureMoments(reference, scaledPoints);
  const gy = featureMoments(current, scaledPoints);
  const estimatedCov = gx.cov.map((row, i) => row.map((v, j) => n / nx * v + n / ny * gy.cov[i][j]));
  const { values, vectors } = symmetricEigen(estimatedCov);
  const largest = Math.max(...values.map(Math.abs));
  const cutoff = PINV_RCOND * largest;
  const inverseValues = values.map((lambda) => Math.abs(lambda) > cutoff ? 1 / lambda : 0);
  const inverseLargest = Math.max(...inverseValues.map(Math.abs));
  const rank = inverseValues.filter((s) => Math.abs(s) > inverseLargest * DIMENSION * EPSILON3).length;
  if (rank === 0) {
    throw new StatTestSkip(
      "Epps-Singleton: the estimated covariance matrix is zero (each side constant), so the test has 0 degrees of freedom (scipy's p-value is NaN)"
    );
  }
  const gDiff = gx.mean.map((m, i) => m - gy.mean[i]);
  let quadratic = 0;
  for (let k = 0; k < DIMENSION; k++) {
    let projection = 0;
    for (let i = 0; i < DIMENSION; i++) projection += vectors[i][k] * gDiff[i];
    quadratic += inverseValues[k] * projection * projection;
  }
  let statistic = n * quadratic;
  if (Math.max(nx, ny) < SMALL_SAMPLE_SIZE) {
    const correction = 1 / (1 + n ** -0.45 + 10.1 * (nx ** -1.7 + ny ** -1.7));
    statistic = correction * statistic;
  }
  return { statistic, pValue: chiSquareSf(statistic, rank), rank };
}
var es = {
  id: "es",
  displayName: "Epps-Singleton",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const result = eppsSingleton(pair);
    const outcome = { score: result.pValue, statistic: result.statistic };
    return result.rank < DIMENSION ? {
      ...outcome,
      warnings: [
        `estimated covariance matrix has rank ${result.rank} < ${DIMENSION}; the test might not be consistent`
      ]
    } : outcome;
  }
};

// src/drift/stattests/fisher-exact.ts
var RELATIVE_TOLERANCE = 1e-14;
var Hypergeometric = class {
  low;
  high;
  pmfs;
  lowerTails;
  upperTails;
  /**
   * @param total M, the table total
   * @param good n1, the first row's sum
   * @param draws N, the first column's sum
   */
  constructor(total, good, draws) {
    const bad = total - good;
    this.low = Math.max(0, draws - bad);
    this.high = Math.min(good, draws);
    const size = this.high - this.low + 1;
    const mode = Math.min(
      this.high,
      Math.max(this.low, Math.trunc((draws + 1) * (good + 1) / (total + 2)))
    );
    const weights = new Float64Array(size);
    weights[mode - this.low] = 1;
    for (let x = mode; x > this.low; x--) {
      const ratio = x * (bad - draws + x) / ((good - x + 1) * (draws - x + 1));
      weights[x - 1 - this.low] = weights[x - this.low] * ratio;
    }
    for (let x = mode; x < this.high; x++) {
      const ratio = (good - x) * (draws - x) / ((x + 1) * (bad - draws + x + 1));
      weights[x + 1 - this.low] = weights[x - this.low] * ratio;
    }
    const centre = good === bad ? draws : draws === total - draws ? good : -1;
    if (centre >= 0) {
      for (let x = this.low; x <= this.high; x++) {
        const mirror = centre - x;
        if (mirror > x && mirror <= this.high) weights[mirror - this.low] = weights[x - this.low];
      }
    }
    let sum = 0;
    for (let i = 0; i < size; i++) sum += weights[i];
    this.pmfs = new Float64Array(size);
    for (let i = 0; i < size; i++) this.pmfs[i] = weights[i] / sum;
    this.lowerTails = new Float64Array(size);
    let running = 0;
    for (let i = 0; i < size; i++) {
      running += this.pmfs[i];
      this.lowerTails[i] = running;
    }
    this.upperTails = new Float64Array(size);
    running = 0;
    for (let i = size - 1; i >= 0; i--) {
      this.upperTails[i] = running;
      running += this.pmfs[i];
    }
  }
  pmf(x) {
    return x < this.low || x > this.high ? 0 : this.pmfs[x - this.low];
  }
  /** P(X ≤ x). */
  cdf(x) {
    if (x < this.low) return 0;
    if (x >= this.high) return 1;
    return this.lowerTails[x - this.low];
  }
  /** P(X > x). */
  sf(x) {
    if (x < this.low) return 1;
    if (x >= this.high) return 0;
    return this.upperTails[x - this.low];
  }
};
function binarySearch(a, d, lo, hi) {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const midValue = a(mid);
    if (midValue < d) lo = mid + 1;
    else if (midValue > d) hi = mid - 1;
    else return mid;
  }
  return a(lo) <= d ? lo : lo - 1;
}
function fisherExactTwoSided(table) {
  const [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return 1;
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  const dist = new Hypergeometric(n1 + n2, n1, n);
  const mode = Math.trunc((n + 1) * (n1 + 1) / (n1 + n2 + 2));
  const pExact = dist.pmf(a);
  const pMode = dist.pmf(mode);
  const gamma = 1 + RELATIVE_TOLERANCE;
  let p;
  if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= RELATIVE_TOLERANCE) {
    return 1;
  } else if (a < mode) {
    const pLower = dist.cdf(a);
    if (dist.pmf(n) > pExact * gamma) return pLower;
    const guess = binarySearch((x) => -dist.pmf(x), -pExact * gamma, mode, n);
    p = pLower + dist.sf(guess);
  } else {
    const pUpper = dist.sf(a - 1);
    if (dist.pmf(0) > pExact * gamma) return pUpper;
    const guess = binarySearch((x) => dist.pmf(x), pExact * gamma, 0, mode);
    p = pUpper + dist.cdf(guess);
  }
  return Math.min(p, 1);
}
function fisherExactOnColumn(pair) {
  const counts = valueCounts(pair);
  let referenceDistinct = 0;
  let currentDistinct = 0;
  for (let k = 0; k < counts.values.length; k++) {
    if (counts.referenceCounts[k] > 0) referenceDistinct++;
    if (counts.currentCounts[k] > 0) currentDistinct++;
  }
  if (referenceDistinct > 2 || currentDistinct > 2) {
    throw new StatTestSkip(
      `fisher_exact expects binary data, but found ${Math.max(referenceDistinct, currentDistinct)} categories (reference ${referenceDistinct}, current ${currentDistinct})`
    );
  }
  if (counts.referenceSize !== counts.currentSize) {
    throw new StatTestSkip(
      `fisher_exact requires reference and current of equal length (reference ${counts.referenceSize}, current ${counts.currentSize})`
    );
  }
  if (counts.values.length > 2) {
    throw new StatTestSkip(
      `fisher_exact needs at most 2 categories across both samples, found ${counts.values.length} (Evidently's 2x2 table would depend on Python's set order)`
    );
  }
  const ones = counts.values.length === 2 ? 1 : 0;
  const onesReference = counts.values.length === 2 ? counts.referenceCounts[ones] : 0;
  const onesCurrent = counts.values.length === 2 ? counts.currentCounts[ones] : 0;
  const table = [
    [onesCurrent, counts.currentSize - onesCurrent],
    [onesReference, counts.referenceSize - onesReference]
  ];
  return { table, pValue: fisherExactTwoSided(table) };
}
var fisherExact = {
  id: "fisher_exact",
  displayName: "Fisher's Exact test",
  allowedTypes: ["categorical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    return { score: fisherExactOnColumn(pair).pValue };
  }
};

// src/drift/stattests/g-test.ts
var SUM_RELATIVE_TOLERANCE2 = 1e-8;
function gTest(pair) {
  const counts = valueCounts(pair);
  const observedSum = counts.currentSize;
  const expectedSum = counts.referenceSize;
  if (Math.abs(observedSum - expectedSum) / Math.min(observedSum, expectedSum) > SUM_RELATIVE_TOLERANCE2) {
    throw new StatTestSkip(
      `g_test requires equal sample sizes (reference ${expectedSum}, current ${observedSum}): scipy power_divergence raises because the observed and expected sums differ`
    );
  }
  const keys = counts.values.length;
  const terms = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    const observed = counts.currentCounts[k];
    const expected = counts.referenceCounts[k];
    terms[k] = observed === 0 ? 0 : 2 * observed * Math.log(observed / expected);
  }
  const statistic = pairwiseSum(terms);
  return { statistic, pValue: chiSquareSf(statistic, keys - 1) };
}
var gTestStatTest = {
  id: "g_test",
  displayName: "g_test",
  allowedTypes: ["categorical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const { statistic, pValue } = gTest(pair);
    return Number.isNaN(pValue) ? {
      score: pValue,
      statistic,
      warnings: [
        "g_test with a single category has 0 degrees of freedom: p-value is NaN (Evidently: never drift)"
      ]
    } : { score: pValue, statistic };
  }
};

// src/drift/stattests/hellinger.ts
function hellingerFromCoefficient(bhattacharyya) {
  const clipped = bhattacharyya < 0 ? 0 : bhattacharyya > 1 ? 1 : bhattacharyya;
  return Math.sqrt(1 - clipped);
}
function hellingerCategoricalFromCounts(referenceCounts, currentCounts, referenceSize2, currentSize2) {
  let coefficient = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    coefficient += Math.sqrt(referenceCounts[k] / referenceSize2 * (currentCounts[k] / currentSize2));
  }
  return hellingerFromCoefficient(coefficient);
}
function hellingerNumericalFromDistribution(merged) {
  const keys = merged.values;
  const edges = sturgesEdges(keys[0], keys[keys.length - 1], keys.length);
  const referenceBins = histogramCountsFromValueCounts(keys, merged.referenceCounts, edges);
  const currentBins = histogramCountsFromValueCounts(keys, merged.currentCounts, edges);
  const bins = edges.length - 1;
  let referenceTotal = 0;
  let currentTotal = 0;
  for (let i = 0; i < bins; i++) {
    referenceTotal += referenceBins[i];
    currentTotal += currentBins[i];
  }
  const binWidth = (edges[bins] - edges[0]) / bins;
  let coefficient = 0;
  for (let i = 0; i < bins; i++) {
    const width = edges[i + 1] - edges[i];
    const d1 = referenceBins[i] / width / referenceTotal;
    const d2 = currentBins[i] / width / currentTotal;
    coefficient += Math.sqrt(d1 * d2) * binWidth;
  }
  return hellingerFromCoefficient(coefficient);
}
function hellingerDistance(pair) {
  const counts = valueCounts(pair);
  if (pair.columnType === "numerical") return hellingerNumericalFromDistribution(counts);
  return hellingerCategoricalFromCounts(
    counts.referenceCounts,
    counts.currentCounts,
    counts.referenceSize,
    counts.currentSize
  );
}
var hellinger = {
  id: "hellinger",
  displayName: "Hellinger distance",
  allowedTypes: ["categorical", "numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>=thr",
  compute(pair) {
    return { score: hellingerDistance(pair) };
  }
};

// src/drift/stattests/binned-entropy.ts
function relEntr(x, y) {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}
function normalised(shares) {
  const total = pairwiseSum(shares);
  const out = new Float64Array(shares.length);
  for (let i = 0; i < shares.length; i++) out[i] = shares[i] / total;
  return out;
}

// src/drift/stattests/jensenshannon.ts
function jensenShannonFromShares(reference, current) {
  const p = normalised(reference);
  const q = normalised(current);
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    left[i] = relEntr(p[i], m);
    right[i] = relEntr(q[i], m);
  }
  const js = pairwiseSum(left) + pairwiseSum(right);
  return Math.sqrt(js / 2);
}
function jensenShannonFromCounts(binned) {
  const shares = binnedSharesFromCounts(binned, false);
  return jensenShannonFromShares(shares.reference, shares.current);
}
function jensenShannonDistance(pair, bins) {
  return jensenShannonFromCounts(binnedCounts(pair, bins));
}
var jensenshannon = {
  id: "jensenshannon",
  displayName: "Jensen-Shannon distance",
  allowedTypes: ["categorical", "numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>=thr",
  compute(pair, options) {
    return { score: jensenShannonDistance(pair, options.bins) };
  }
};

// src/drift/stattests/kl-div.ts
function klDivFromShares(reference, current) {
  const p = normalised(reference);
  const q = normalised(current);
  const terms = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) terms[i] = relEntr(p[i], q[i]);
  return pairwiseSum(terms);
}
function klDivFromCounts(binned) {
  const shares = binnedSharesFromCounts(binned, true);
  return klDivFromShares(shares.reference, shares.current);
}
function klDivergence(pair, bins) {
  return klDivFromCounts(binnedCounts(pair, bins));
}
var klDiv = {
  id: "kl_div",
  displayName: "Kullback-Leibler divergence",
  allowedTypes: ["categorical", "numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>=thr",
  compute(pair, options) {
    return { score: klDivergence(pair, options.bins) };
  }
};

// src/drift/special/double-double.ts
var SPLITTER = 134217729;
var SPLIT_THRESHOLD = 669692879491417e285;
var DD_ZERO = [0, 0];
var DD_ONE = [1, 0];
function quickTwoSum(a, b) {
  const s = a + b;
  return [s, b - (s - a)];
}
function twoSum(a, b) {
  const s = a + b;
  const c = s - a;
  const d = b - c;
  const e = s - c;
  return [s, a - e + d];
}
function twoSplit(a) {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const scaled = a * 3725290298461914e-24;
    const temp2 = SPLITTER * scaled;
    const hi2 = temp2 - (temp2 - scaled);
    const lo = scaled - hi2;
    return [hi2 * 268435456, lo * 268435456];
  }
  const temp = SPLITTER * a;
  const hi = temp - (temp - a);
  return [hi, a - hi];
}
function twoProd(a, b) {
  const p = a * b;
  const [aHi, aLo] = twoSplit(a);
  const [bHi, bLo] = twoSplit(b);
  const c = aHi * bHi - p;
  const d = c + aHi * bLo + aLo * bHi;
  return [p, d + aLo * bLo];
}
function addDoubles(a, b) {
  return twoSum(a, b);
}
function mulDoubles(a, b) {
  return twoProd(a, b);
}
function addDDDouble(a, b) {
  const [s1, e] = twoSum(a[0], b);
  return quickTwoSum(s1, e + a[1]);
}
function subDDDouble(a, b) {
  const [s1, e] = twoSum(a[0], -b);
  return quickTwoSum(s1, e + a[1]);
}
function addDD(a, b) {
  const [s1, s2a] = twoSum(a[0], b[0]);
  const [t1, t2] = twoSum(a[1], b[1]);
  const [u1, u2] = quickTwoSum(s1, s2a + t1);
  return quickTwoSum(u1, u2 + t2);
}
function subDD(a, b) {
  return addDD(a, [-b[0], -b[1]]);
}
function mulDD(a, b) {
  const [p1, p2] = twoProd(a[0], b[0]);
  return quickTwoSum(p1, p2 + (a[0] * b[1] + a[1] * b[0]));
}
function mulDDDouble(a, b) {
  const [p1, e1] = twoProd(a[0], b);
  const [p2, e2] = twoProd(a[1], b);
  return quickTwoSum(p1, e2 + p2 + e1);
}
function mulDoubleDD(a, b) {
  const [p1, e1] = twoProd(a, b[0]);
  const [p2, e2] = twoProd(a, b[1]);
  return quickTwoSum(p1, e2 + p2 + e1);
}
function divDD(a, b) {
  let q1 = a[0] / b[0];
  let r = subDD(a, mulDDDouble(b, q1));
  let q2 = r[0] / b[0];
  r = subDD(r, mulDDDouble(b, q2));
  const q3 = r[0] / b[0];
  [q1, q2] = quickTwoSum(q1, q2);
  return addDDDouble([q1, q2], q3);
}
function divDoubles(a, b) {
  return divDD([a, 0], [b, 0]);
}
function divDDDouble(a, b) {
  return divDD(a, [b, 0]);
}
function invDD(a) {
  return divDD(DD_ONE, a);
}
function floorDD(a) {
  let hi = Math.floor(a[0]);
  let lo = 0;
  if (hi === a[0]) {
    lo = Math.floor(a[1]);
    [hi, lo] = quickTwoSum(hi, lo);
  }
  return [hi, lo];
}
var bitsView = new DataView(new ArrayBuffer(8));
var POWERS_OF_TWO = (() => {
  const table = new Float64Array(1023 + 1074 + 1);
  for (let k = -1074; k <= 1023; k++) table[k + 1074] = 2 ** k;
  return table;
})();
function powerOfTwo(e) {
  return POWERS_OF_TWO[e + 1074];
}
function ldexp(x, exp) {
  if (x === 0 || !Number.isFinite(x) || exp === 0) return x;
  if (exp >= -1022 && exp <= 1023) {
    const y = x * powerOfTwo(exp);
    if (Number.isFinite(y) && Math.abs(y) >= 22250738585072014e-324) return y;
  }
  const [m, ex] = frexp(x);
  const t = ex + exp;
  if (t > 1024) return m > 0 ? Infinity : -Infinity;
  if (t >= -1021) return m * 2 * powerOfTwo(t - 1);
  if (t < -1075) return m > 0 ? 0 : -0;
  return m * powerOfTwo(t + 1074) * Number.MIN_VALUE;
}
function frexp(x) {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  bitsView.setFloat64(0, x);
  let high = bitsView.getUint32(0);
  let biased = high >>> 20 & 2047;
  let shift = 0;
  if (biased === 0) {
    bitsView.setFloat64(0, x * 18446744073709552e3);
    high = bitsView.getUint32(0);
    biased = high >>> 20 & 2047;
    shift = 64;
  }
  bitsView.setUint32(0, high & 2148532223 | 1022 << 20);
  return [bitsView.getFloat64(0), biased - 1022 - shift];
}
function ldexpDD(a, exp) {
  return [ldexp(a[0], exp), ldexp(a[1], exp)];
}
function frexpDD(a) {
  let [man, exponent] = frexp(a[0]);
  let b1 = ldexp(a[1], -exponent);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    man *= 2;
    b1 *= 2;
    exponent -= 1;
  }
  return [[man, b1], exponent];
}

// src/drift/special/smirnov.ts
var SMIRNOV_MAX_COMPUTE_N = 1e6;
var SM_UPPER_MAX_TERMS = 3;
var SM_UPPERSUM_MIN_N = 10;
var MINLOG = -745.1332191019412;
var MAX_EXPONENT = 960;
var DBL_EPSILON = Number.EPSILON;
var DBL_MANT_DIG = 53;
function isZero(a) {
  return a[0] === 0;
}
function nextPowerOf2(x) {
  const q = x * 2 ** (1 - DBL_MANT_DIG);
  let big = Math.abs(q + x);
  if (big === 0) {
    big = Math.abs(x);
  } else {
    const truncated = Math.trunc(big);
    if (truncated === big) big = truncated;
  }
  return big;
}
function modNX(n, x) {
  const nxD = mulDoubles(n, x);
  const nxFloorD = floorDD(nxD);
  const alphaD = subDD(nxD, nxFloorD);
  let alpha = alphaD[0];
  let nxFloor = Math.trunc(nxFloorD[0]);
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  return { alpha, nxFloor };
}
function updateBinomial(cMan, cExpt, n, j) {
  const ratio = divDoubles(n - j, j + 1);
  const [man, expt] = frexpDD(mulDD(cMan, ratio));
  return [man, cExpt + expt];
}
function powDD(a, m) {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return invDD(powDD(a, -m));
  }
  if (isZero(a)) return DD_ZERO;
  const ans = Math.pow(a[0], m);
  const r = a[1] / a[0];
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    if (Math.abs(adj) < 1e-4) {
      adj += m * r * ((m - 1) / 2 * r);
    } else {
      adj = Math.expm1(m * Math.log1p(r));
    }
  }
  return addDoubles(ans, ans * adj);
}
function pow2(a, b, m) {
  return powDD(addDoubles(a, b), m)[0];
}
function pow2Scaled(a, m) {
  if (m <= 0) {
    if (m === 0) return [DD_ONE, 0];
    const [inverse, e1] = pow2Scaled(a, -m);
    const [ans2, e2] = frexpDD(invDD(inverse));
    return [ans2, -e1 + e2];
  }
  const [y, yE] = frexpDD(a);
  if (m === 1) return [y, yE];
  let maxExpt = MAX_EXPONENT;
  if (m * (y[0] - 1) / y[0] < -MAX_EXPONENT * Math.LN2) {
    const lg2y = Math.log(y[0]) / Math.LN2;
    const lgAns = m * lg2y;
    if (lgAns <= -MAX_EXPONENT) {
      maxExpt = Math.trunc(nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
    }
  }
  if (m <= maxExpt) {
    const [ans2, ansE] = frexpDD(powDD(y, m));
    return [ans2, ansE + m * yE];
  }
  const q = Math.trunc(m / maxExpt);
  const r = m % maxExpt;
  const [y2r, y2rE] = pow2Scaled(y, r);
  const [y2m, y2mE] = pow2Scaled(y, maxExpt);
  const [y2mq, y2mqE0] = pow2Scaled(y2m, q);
  const [ans, ansE0] = frexpDD(mulDD(y2r, y2mq));
  const y2mqE = y2mqE0 + y2mE * q;
  return [ans, ansE0 + y2mqE + y2rE + m * yE];
}
function pow4(a, b, c, d, m) {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return pow4(c, d, a, b, -m);
  }
  const numerator = addDoubles(a, b);
  const denominator = addDoubles(c, d);
  if (isZero(numerator)) return isZero(denominator) ? [NaN, NaN] : DD_ZERO;
  if (isZero(denominator)) return numerator[0] < 0 ? [-Infinity, -Infinity] : [Infinity, Infinity];
  return powDD(divDD(numerator, denominator), m);
}
function computeAv(n, x, v, cMan, cExpt) {
  const t2x = subDDDouble(divDoubles(n - v, n), x);
  const [t2, t2E] = pow2Scaled(t2x, n - v);
  const t1x = addDDDouble(divDoubles(v, n), x);
  const [t1, t1E] = pow2Scaled(t1x, v - 1);
  const ans = mulDD(mulDD(t1, t2), cMan);
  return ldexpDD(ans, cExpt + t1E + t2E);
}
function clip01(p) {
  return p < 0 ? 0 : Math.min(p, 1);
}
function smirnov(n, x) {
  if (Number.isNaN(x)) return NaN;
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { alpha, nxFloor } = modNX(n, x);
  let n1mxfl = n - nxFloor - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxFloor;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxFloor === 0 || nxFloor === 1 && alpha === 0) {
    const t = pow2(1, x, n - 1);
    return clip01(1 - x * t);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxFloor >= n - 1) return pow2(1, -x, n);
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    if (logp < -Math.LN2) return Math.exp(logp);
    return 1 - -Math.expm1(logp);
  }
  const nUpperTerms = n - n1mxceil + 1;
  let useUpperSum = nUpperTerms <= 1 && x < 0.5;
  useUpperSum = useUpperSum || n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n);
  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  const vmid = Math.trunc(n / 2);
  let cMan = DD_ONE;
  let cExpt = 0;
  let aj;
  if (useUpperSum) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    aj = pow4(1, x, 1, 0, n - 1);
  } else {
    const t2 = pow4(1, -x, 1, 0, n);
    aj = divDDDouble(t2, x);
  }
  let ajSum = addDD(DD_ZERO, aj);
  [cMan, cExpt] = updateBinomial(cMan, cExpt, n, 0);
  for (let j = 1; j < nTerms; j += 1) {
    const v = start + j * step;
    aj = computeAv(n, x, v, cMan, cExpt);
    if (Number.isFinite(aj[0]) && !isZero(aj)) ajSum = addDD(ajSum, aj);
    if (!isZero(aj)) {
      if (4 * (nTerms - j) * Math.abs(aj[0]) < DBL_EPSILON * ajSum[0] && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    [cMan, cExpt] = updateBinomial(cMan, cExpt, n, j);
  }
  const prob = mulDoubleDD(x, ajSum)[0];
  const sf = step < 0 ? 1 - prob : prob;
  return clip01(sf);
}

// src/drift/special/kolmogn.ts
var E128 = 128;
var EP128 = 2 ** 128;
var EM128 = 2 ** -128;
var SQRT2PI = Math.sqrt(2 * Math.PI);
var LOG_2PI = Math.log(2 * Math.PI);
var MIN_LOG = -708;
var SQRT3 = Math.sqrt(3);
var PI_SQUARED = Math.PI ** 2;
var PI_FOUR = Math.PI ** 4;
var PI_SIX = Math.PI ** 6;
var STIRLING_COEFFS = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
function clipProbability(p) {
  if (Number.isNaN(p)) return p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
function selectAndClip(cdfProbability, sfProbability, cdf) {
  return clipProbability(cdf ? cdfProbability : sfProbability);
}
function polyval(coefficients, x) {
  let y = 0;
  for (const c of coefficients) y = y * x + c;
  return y;
}
function logNFactorialDivNPowN(n) {
  const rn = 1 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING_COEFFS, rn / n);
}
function matmul(a, b, m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += ail * b[l * m + j];
    }
  }
  return out;
}
function kolmognDurbinMatrix(n, d, cdf = true) {
  if (d >= 1) return selectAndClip(1, 0, cdf);
  const nd = n * d;
  if (nd <= 0.5) return selectAndClip(0, 1, cdf);
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  for (let j = 1; j <= m; j++) v[j - 1] = 1 - h ** j;
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let Hpwr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      Hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = Hpwr[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return selectAndClip(p, 1 - p, cdf);
}
function pomeranzWindow(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function kolmognPomeranz(n, x, cdf = true) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1 * (t - ll);
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = 2 * g / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * gOverN / m;
    twogpower[m] = twogpower[m - 1] * twoGOverN / m;
    onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1] = pomeranzWindow(0, n, ll, ceilf, roundf);
  let j2;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzWindow(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const base = k1 - V0s;
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let maxV1 = -Infinity;
      for (let c = 0; c < convLen; c++) {
        const idx = convStart + c;
        let acc = 0;
        const lo = Math.max(0, idx - (ln2 - 1));
        const hi = Math.min(idx, ln2 - 1);
        for (let a = lo; a <= hi; a++) acc += V0[base + a] * pwrs[idx - a];
        V1[c] = acc;
        if (acc > maxV1) maxV1 = acc;
      }
      for (let c = convLen; c < npwrs; c++) if (V1[c] > maxV1) maxV1 = V1[c];
      if (maxV1 > 0 && maxV1 < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return selectAndClip(ans, 1 - ans, cdf);
}
function kolmognPelzGood(n, x, cdf = true) {
  if (x <= 0) return selectAndClip(0, 1, cdf);
  if (x >= 1) return selectAndClip(1, 0, cdf);
  const z2 = Math.sqrt(n) * x;
  const zsquared = z2 ** 2;
  const zthree = z2 ** 3;
  const zfour = z2 ** 4;
  const zsix = z2 ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return selectAndClip(0, 1, cdf);
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
  const k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
  const k3d = PI_SIX * (5 - 30 * zsquared) / 64;
  const k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
  const k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
  const k3a = -30 * zsix - 90 * z2 ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z2 / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [
      1,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix
    ];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z2, 6 * zfour, 72 * z2 ** 7, 6480 * z2 ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT2PI / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z2;
  const k2terms = [];
  const k3terms = [];
  for (let k = maxk; k > 0; k--) {
    const ksquared = k ** 2;
    const kspi = Math.PI * k;
    const qpwer = q ** ksquared;
    k2terms.push(ksquared * qpwer);
    k3terms.push((sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer);
  }
  let k2extra = numpySum(k2terms);
  let k3extra = numpySum(k3terms);
  k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
  K[2] += k2extra;
  k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
  K[3] += k3extra;
  for (let i = 0; i < 4; i++) K[i] = K[i] / Math.pow(n * 1, i / 2);
  if (!cdf) {
    for (let i = 0; i < 4; i++) K[i] = -K[i];
    K[0] += 1;
  }
  return 0 + K[0] + K[1] + K[2] + K[3];
}
function numpySum(values) {
  const n = values.length;
  if (n < 8) {
    let s2 = 0;
    for (const v of values) s2 += v;
    return s2;
  }
  const r = values.slice(0, 8);
  let i = 8;
  for (; i < n - n % 8; i += 8) for (let j = 0; j < 8; j++) r[j] += values[i + j];
  let s = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
  for (; i < n; i++) s += values[i];
  return s;
}
function kolmogn(n, x, cdf = true) {
  if (Number.isNaN(n)) return n;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return selectAndClip(1, 0, cdf);
  if (x <= 0) return selectAndClip(0, 1, cdf);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return selectAndClip(0, 1, cdf);
    let prob;
    if (n <= 140) {
      const inv = 1 / n;
      const factor = 2 * t - 1;
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * inv * factor;
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return selectAndClip(prob, 1 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return selectAndClip(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnov(n, x);
    return selectAndClip(1 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob2 = kolmognDurbinMatrix(n, x, true);
      return selectAndClip(prob2, 1 - prob2, cdf);
    }
    if (nxsquared <= 4) {
      const prob2 = kolmognPomeranz(n, x, true);
      return selectAndClip(prob2, 1 - prob2, cdf);
    }
    const prob = 2 * smirnov(n, x);
    return selectAndClip(1 - prob, prob, cdf);
  }
  if (!cdf) {
    if (nxsquared >= 370) return 0;
    if (nxsquared >= 2.2) return clipProbability(2 * smirnov(n, x));
  }
  let cdfProbability;
  if (nxsquared >= 18) {
    cdfProbability = 1;
  } else if (n <= 1e5 && n * x ** 1.5 <= 1.4) {
    cdfProbability = kolmognDurbinMatrix(n, x, true);
  } else {
    cdfProbability = kolmognPelzGood(n, x, true);
  }
  return selectAndClip(cdfProbability, 1 - cdfProbability, cdf);
}
function kstwoSf(x, n) {
  if (Number.isNaN(x) || !(n > 0) || !Number.isInteger(n)) return NaN;
  const lower = 0.5 / n;
  if (x <= lower) return 1;
  if (x >= 1) return 0;
  return kolmogn(n, x, false);
}

// src/drift/special/ks-two-sample.ts
function computeProbOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}
function computeOuterProbInsideMethod(m, n, g, h) {
  if (m < n) [m, n] = [n, m];
  const mg = Math.trunc(m / g);
  const ng = Math.trunc(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    const offset = minj - lastminj;
    const width = maxj - minj;
    for (let jj = 0; jj < width; jj++) {
      const j = jj + minj;
      val = (A[jj + offset] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = width;
    if (lastlen > curlen) {
      A.fill(1, width, Math.min(width + (lastlen - curlen), lenA));
    }
  }
  return A[maxj - minj - 1];
}

// src/drift/stattests/ks.ts
var KS_MAX_EXACT_N = 1e4;
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
function attemptExact(n1, n2, d) {
  const g = gcd(n1, n2);
  const lcm = Math.trunc(n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = h * 1 / lcm;
  if (h === 0) return { success: true, d: snapped, p: 1 };
  const p = n1 === n2 ? computeProbOutsideSquare(n1, h) : computeOuterProbInsideMethod(n1, n2, g, h);
  if (!Number.isFinite(p)) return { success: false, d: snapped, p: NaN };
  if (!(p >= 0 && p <= 1)) return { success: false, d: snapped, p };
  return { success: true, d: snapped, p };
}
function ksAsymptoticPValue(d, n1, n2) {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const effectiveSize = m * n / (m + n);
  return kstwoSf(d, roundHalfEven(effectiveSize));
}
function ksPValue(d, n1, n2) {
  if (!Number.isInteger(n1) || !Number.isInteger(n2) || n1 < 1 || n2 < 1) {
    throw new Error(`ksPValue requires at least 1 data point on each side, got ${n1} and ${n2}`);
  }
  let statistic = d;
  let warning;
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const exact = attemptExact(n1, n2, d);
    statistic = exact.d;
    if (exact.success) return { pValue: clip012(exact.p), statistic, method: "exact" };
    warning = "ks_2samp: exact calculation unsuccessful; switched to the asymptotic distribution (as scipy does)";
  }
  const p = clip012(ksAsymptoticPValue(statistic, n1, n2));
  return warning === void 0 ? { pValue: p, statistic, method: "asymptotic" } : { pValue: p, statistic, method: "asymptotic", warning };
}
function clip012(p) {
  if (Number.isNaN(p)) return p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
function ks2samp(pair) {
  const walk = columnEcdfWalk(pair);
  return ksPValue(walk.ksStatistic, referenceSize(pair), currentSize(pair));
}
var ks = {
  id: "ks",
  displayName: "K-S p_value",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<=thr",
  compute(pair) {
    const result = ks2samp(pair);
    return {
      score: result.pValue,
      statistic: result.statistic,
      method: result.method,
      ...result.warning === void 0 ? {} : { warnings: [result.warning] }
    };
  }
};

// src/drift/stattests/mannw.ts
var EXACT_MAX_SIZE2 = 8;
var EXACT_WORK_BUDGET = 4e8;
function mannWhitneyCounts(m, n) {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  let rows = [];
  for (let j = 0; j <= small; j++) rows.push(Float64Array.of(1));
  for (let t = 1; t <= large; t++) {
    const next = [Float64Array.of(1)];
    for (let j = 1; j <= small; j++) {
      const row = new Float64Array(j * t + 1);
      const previousT = rows[j];
      const previousJ = next[j - 1];
      for (let k = 0; k < previousT.length; k++) row[k] = previousT[k];
      for (let k = 0; k < previousJ.length; k++) row[k + t] = row[k + t] + previousJ[k];
      next.push(row);
    }
    rows = next;
  }
  return rows[small];
}
function binomial(total, k) {
  let result = 1;
  const r = Math.min(k, total - k);
  for (let i = 1; i <= r; i++) result = result * (total - r + i) / i;
  return Math.round(result);
}
function mannWhitneyLess(pair) {
  const n1 = referenceSize(pair);
  const n2 = currentSize(pair);
  const ranks = pooledRanks(pair);
  const hasTies = mergedDistribution(pair).values.length < n1 + n2;
  const u1 = ranks.referenceRankSum - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const warnings = [];
  let method = n1 > EXACT_MAX_SIZE2 && n2 > EXACT_MAX_SIZE2 || hasTies ? "asymptotic" : "exact";
  const small = Math.min(n1, n2);
  const large = Math.max(n1, n2);
  if (method === "exact" && small * small * large * large / 4 > EXACT_WORK_BUDGET) {
    method = "asymptotic";
    warnings.push(
      `exact Mann-Whitney distribution for sizes ${n1} and ${n2} is too large to tabulate; normal approximation used`
    );
  }
  let pValue;
  if (method === "exact") {
    const counts = mannWhitneyCounts(n1, n2);
    const total = binomial(n1 + n2, n1);
    const k = n1 * n2 - Math.trunc(u2);
    let cumulative = 0;
    for (let i = 0; i <= k; i++) cumulative += counts[i] / total;
    pValue = cumulative;
  } else {
    const n = n1 + n2;
    const s = Math.sqrt(n1 * n2 / 12 * (n + 1 - ranks.tieCorrection / (n * (n - 1))));
    const z2 = (u2 - n1 * n2 / 2 - 0.5) / s;
    pValue = normalSf(z2);
  }
  pValue = Math.min(Math.max(pValue, 0), 1);
  return warnings.length > 0 ? { statistic: u1, pValue, method, warnings } : { statistic: u1, pValue, method };
}
var mannw = {
  id: "mannw",
  displayName: "Mann-Whitney U-rank test",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const result = mannWhitneyLess(pair);
    return {
      score: result.pValue,
      statistic: result.statistic,
      method: result.method,
      ...result.warnings ? { warnings: result.warnings } : {}
    };
  }
};

// src/drift/stattests/psi.ts
function psiFromShares(reference, current) {
  const terms = new Float64Array(reference.length);
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i];
    const q = current[i];
    terms[i] = (p - q) * Math.log(p / q);
  }
  return pairwiseSum(terms);
}
function psiFromCounts(binned) {
  const shares = binnedSharesFromCounts(binned, true);
  return psiFromShares(shares.reference, shares.current);
}
function populationStabilityIndex(pair, bins) {
  return psiFromCounts(binnedCounts(pair, bins));
}
var psi = {
  id: "psi",
  displayName: "PSI",
  allowedTypes: ["categorical", "numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>=thr",
  compute(pair, options) {
    return { score: populationStabilityIndex(pair, options.bins) };
  }
};

// src/drift/stattests/t-test.ts
function meanAndSampleVariance(runs) {
  const n = runs.total;
  const mean = pairwiseSumOfRuns({ lengths: runs.counts, values: runs.values }) / n;
  const squares = new Float64Array(runs.values.length);
  for (let k = 0; k < squares.length; k++) {
    const deviation = runs.values[k] - mean;
    squares[k] = deviation * deviation;
  }
  return {
    n,
    mean,
    variance: pairwiseSumOfRuns({ lengths: runs.counts, values: squares }) / n * (n / (n - 1))
  };
}
function meanAndSampleVarianceSorted(values) {
  const n = values.length;
  const mean = pairwiseSum(values) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - mean;
    squares[i] = deviation * deviation;
  }
  return { n, mean, variance: pairwiseSum(squares) / n * (n / (n - 1)) };
}
function sideMoments(pair, side) {
  const runs = side === "reference" ? referenceRuns(pair) : currentRuns(pair);
  const sorted = cachedSortedSide(pair, side);
  return sorted ? meanAndSampleVarianceSorted(sorted) : meanAndSampleVariance(runs);
}
function studentTTest(pair) {
  const reference = sideMoments(pair, "reference");
  const current = sideMoments(pair, "current");
  const n1 = reference.n;
  const n2 = current.n;
  const df = n1 + n2 - 2;
  const pooledVariance = ((n1 - 1) * reference.variance + (n2 - 1) * current.variance) / df;
  const denominator = Math.sqrt(pooledVariance * (1 / n1 + 1 / n2));
  const statistic = (reference.mean - current.mean) / denominator;
  return { statistic, pValue: studentTwoSidedP(statistic, df) };
}
function undefinedReason(pair) {
  const sides = [referenceSize(pair), currentSize(pair)];
  if (Math.min(...sides) < 2) {
    return `t-test needs at least 2 values per side (reference ${sides[0]}, current ${sides[1]}): a single value has no sample variance, so scipy's p-value is NaN (Evidently: never drift)`;
  }
  return "t-test on samples with zero pooled variance and equal means (or values beyond double range): t is 0/0, so scipy's p-value is NaN (Evidently: never drift)";
}
var tTest = {
  id: "t_test",
  displayName: "t_test",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const { statistic, pValue } = studentTTest(pair);
    if (!Number.isNaN(pValue)) return { score: pValue, statistic };
    return { score: pValue, statistic, warnings: [undefinedReason(pair)] };
  }
};

// src/drift/stattests/tvd.ts
var TVD_ITERATIONS = 1e3;
function tvdOfCounts(referenceCounts, currentCounts, nRef, nCur) {
  let sum = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    sum += Math.abs(referenceCounts[k] / nRef - currentCounts[k] / nCur);
  }
  return 0.5 * sum;
}
function tvdPermutationTest(pair, seed, iterations = TVD_ITERATIONS) {
  const merged = mergedDistribution(pair);
  const nRef = merged.referenceSize;
  const nCur = merged.currentSize;
  const keys = merged.values.length;
  const observed = tvdOfCounts(merged.referenceCounts, merged.currentCounts, nRef, nCur);
  const total = nRef + nCur;
  const combinedKeys = new Int32Array(total);
  if (pair.fromCounts) {
    let at = 0;
    for (let k = 0; k < keys; k++) combinedKeys.fill(k, at, at += merged.referenceCounts[k]);
    for (let k = 0; k < keys; k++) combinedKeys.fill(k, at, at += merged.currentCounts[k]);
  } else {
    for (let i = 0; i < nRef; i++) combinedKeys[i] = indexOfDistinct(merged.values, pair.reference[i]);
    for (let i = 0; i < nCur; i++) combinedKeys[nRef + i] = indexOfDistinct(merged.values, pair.current[i]);
  }
  const keyTotals = new Float64Array(keys);
  for (let k = 0; k < keys; k++) keyTotals[k] = merged.referenceCounts[k] + merged.currentCounts[k];
  const random = new RandomState(seed);
  const indices = new Int32Array(total);
  const referenceCounts = new Float64Array(keys);
  const currentCounts = new Float64Array(keys);
  let atLeastObserved = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < total; i++) indices[i] = i;
    random.shuffle(indices);
    referenceCounts.fill(0);
    for (let i = 0; i < nRef; i++) referenceCounts[combinedKeys[indices[i]]] += 1;
    for (let k = 0; k < keys; k++) currentCounts[k] = keyTotals[k] - referenceCounts[k];
    const permuted = tvdOfCounts(referenceCounts, currentCounts, nRef, nCur);
    if (observed <= Math.abs(permuted)) atLeastObserved++;
  }
  return { statistic: observed, pValue: atLeastObserved / iterations };
}
var tvd = {
  id: "TVD",
  displayName: "Total-Variation-Distance",
  allowedTypes: ["categorical"],
  defaultThreshold: 0.1,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair, options) {
    const { statistic, pValue } = tvdPermutationTest(pair, options.seed);
    return { score: pValue, statistic, method: `permutation (${TVD_ITERATIONS}, seed ${options.seed})` };
  }
};

// src/drift/stattests/wasserstein.ts
var WASSERSTEIN_MIN_NORM = 1e-3;
function normedWasserstein(wasserstein1, referenceStd) {
  return wasserstein1 / Math.max(referenceStd, WASSERSTEIN_MIN_NORM);
}
function wassersteinDistanceNorm(pair) {
  return normedWasserstein(columnEcdfWalk(pair).wasserstein1, referencePopulationStd(pair));
}
var wasserstein = {
  id: "wasserstein",
  displayName: "Wasserstein distance (normed)",
  allowedTypes: ["numerical"],
  defaultThreshold: 0.1,
  scoreKind: "distance",
  comparison: "d>=thr",
  compute(pair) {
    return { score: wassersteinDistanceNorm(pair) };
  }
};

// src/drift/stattests/z.ts
var import_stats_base_dists_normal_cdf2 = __toESM(require_lib57(), 1);
function twoProportionZTest(referenceOnes, referenceSize2, currentOnes, currentSize2) {
  const n1 = referenceSize2;
  const n2 = currentSize2;
  const p1 = referenceOnes / n1;
  const p2 = currentOnes / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { statistic, pValue: 2 * (1 - (0, import_stats_base_dists_normal_cdf2.default)(Math.abs(statistic), 0, 1)) };
}
function zTest(pair) {
  const counts = valueCounts(pair);
  if (referenceDistinctCount(counts) === 1 && currentDistinctCount(counts) === 1 && counts.values.length === 1) {
    return { statistic: NaN, pValue: 1 };
  }
  const referenceOnes = counts.referenceSize - counts.referenceCounts[0];
  const currentOnes = counts.currentSize - counts.currentCounts[0];
  return twoProportionZTest(referenceOnes, counts.referenceSize, currentOnes, counts.currentSize);
}
var z = {
  id: "z",
  displayName: "Z-test p_value",
  allowedTypes: ["categorical"],
  defaultThreshold: 0.05,
  scoreKind: "p_value",
  comparison: "p<thr",
  compute(pair) {
    const result = zTest(pair);
    return Number.isNaN(result.statistic) ? { score: result.pValue } : { score: result.pValue, statistic: result.statistic };
  }
};

// src/drift/stattests/index.ts
function unscorable(pair) {
  const problem = cachedOnPair(pair, UNSCORABLE, () => {
    const sides = pair.fromCounts || pair.cache.has(RUNS_REFERENCE) && pair.cache.has(RUNS_CURRENT) ? [
      ["reference", referenceRuns(pair).values],
      ["current", currentRuns(pair).values]
    ] : [
      ["reference", pair.reference],
      ["current", pair.current]
    ];
    for (const [side, values] of sides) {
      if (values.length === 0) return `no values on the ${side} side (all missing)`;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value - value !== 0) {
          return `the ${side} side holds a missing or infinite value (${value}); these are removed before testing`;
        }
      }
    }
    return null;
  });
  return problem ?? void 0;
}
function withScorableInput(test) {
  return {
    ...test,
    compute(pair, options) {
      const problem = unscorable(pair);
      if (problem !== void 0) throw new StatTestSkip(problem);
      return test.compute(pair, options);
    }
  };
}
var STAT_TESTS = Object.fromEntries(
  Object.entries({
    ks,
    chisquare,
    z,
    wasserstein,
    jensenshannon,
    psi,
    kl_div: klDiv,
    hellinger,
    anderson,
    cramer_von_mises: cramerVonMisesStatTest,
    ed,
    es,
    fisher_exact: fisherExact,
    g_test: gTestStatTest,
    mannw,
    t_test: tTest,
    TVD: tvd,
    empirical_mmd: empiricalMmdStatTest
  }).map(([id, test]) => [id, withScorableInput(test)])
);
function getStatTest(id) {
  const test = STAT_TESTS[id];
  if (test === void 0) {
    throw new Error(`Unknown stattest '${String(id)}'. Expected one of: ${STATTEST_IDS.join(", ")}`);
  }
  return test;
}

export {
  STATTEST_IDS,
  StatTestSkip,
  isDrift,
  require_lib5 as require_lib,
  require_lib6 as require_lib2,
  require_lib11 as require_lib3,
  require_lib12 as require_lib4,
  require_lib54 as require_lib5,
  require_lib55 as require_lib6,
  require_lib57 as require_lib7,
  require_lib83 as require_lib8,
  normalSf,
  jensenShannonFromCounts,
  jensenShannonDistance,
  klDivFromCounts,
  ksPValue,
  psiFromCounts,
  normedWasserstein,
  wassersteinDistanceNorm,
  STAT_TESTS,
  getStatTest
};
