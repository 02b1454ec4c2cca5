import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  formatCount,
  formatPercent,
  formatScore
} from "./lib-chunk-QPUCOD3P.js";
import {
  require_lib,
  require_lib2,
  require_lib3,
  require_lib4,
  require_lib5,
  require_lib6,
  require_lib7,
  require_lib8
} from "./lib-chunk-YILB7LQL.js";
import {
  pairwiseSum
} from "./lib-chunk-K6LS4N3U.js";
import {
  labelledSample,
  rocAuc,
  sigmoid
} from "./lib-chunk-ZFKH7BIN.js";
import {
  getColumn,
  numbersOf
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import {
  __commonJS,
  __toESM
} from "./lib-chunk-3E4SIUCO.js";

// node_modules/@stdlib/math-base-special-erfinv/lib/rational_p1q1.js
var require_rational_p1q1 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/rational_p1q1.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -5087819496582806e-19;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -5087819496582806e-19 + x * (-0.008368748197417368 + x * (0.03348066254097446 + x * (-0.012692614766297404 + x * (-0.03656379714117627 + x * (0.02198786811111689 + x * (0.008226878746769157 + x * (-0.005387729650712429 + x * (0 + x * 0))))))));
        s2 = 1 + x * (-0.9700050433032906 + x * (-1.5657455823417585 + x * (1.5622155839842302 + x * (0.662328840472003 + x * (-0.7122890234154284 + x * (-0.05273963823400997 + x * (0.07952836873415717 + x * (-0.0023339375937419 + x * 8862163904564247e-19))))))));
      } else {
        x = 1 / x;
        s1 = 0 + x * (0 + x * (-0.005387729650712429 + x * (0.008226878746769157 + x * (0.02198786811111689 + x * (-0.03656379714117627 + x * (-0.012692614766297404 + x * (0.03348066254097446 + x * (-0.008368748197417368 + x * -5087819496582806e-19))))))));
        s2 = 8862163904564247e-19 + x * (-0.0023339375937419 + x * (0.07952836873415717 + x * (-0.05273963823400997 + x * (-0.7122890234154284 + x * (0.662328840472003 + x * (1.5622155839842302 + x * (-1.5657455823417585 + x * (-0.9700050433032906 + x * 1))))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/rational_p2q2.js
var require_rational_p2q2 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/rational_p2q2.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.20243350835593876;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.20243350835593876 + x * (0.10526468069939171 + x * (8.3705032834312 + x * (17.644729840837403 + x * (-18.851064805871424 + x * (-44.6382324441787 + x * (17.445385985570866 + x * (21.12946554483405 + x * -3.6719225470772936)))))));
        s2 = 1 + x * (6.242641248542475 + x * (3.971343795334387 + x * (-28.66081804998 + x * (-20.14326346804852 + x * (48.560921310873994 + x * (10.826866735546016 + x * (-22.643693341313973 + x * 1.7211476576120028)))))));
      } else {
        x = 1 / x;
        s1 = -3.6719225470772936 + x * (21.12946554483405 + x * (17.445385985570866 + x * (-44.6382324441787 + x * (-18.851064805871424 + x * (17.644729840837403 + x * (8.3705032834312 + x * (0.10526468069939171 + x * -0.20243350835593876)))))));
        s2 = 1.7211476576120028 + x * (-22.643693341313973 + x * (10.826866735546016 + x * (48.560921310873994 + x * (-20.14326346804852 + x * (-28.66081804998 + x * (3.971343795334387 + x * (6.242641248542475 + x * 1)))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/rational_p3q3.js
var require_rational_p3q3 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/rational_p3q3.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.1311027816799519;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.1311027816799519 + x * (-0.16379404719331705 + x * (0.11703015634199525 + x * (0.38707973897260434 + x * (0.3377855389120359 + x * (0.14286953440815717 + x * (0.029015791000532906 + x * (0.0021455899538880526 + x * (-6794655751811263e-22 + x * (28522533178221704e-24 + x * -681149956853777e-24)))))))));
        s2 = 1 + x * (3.4662540724256723 + x * (5.381683457070069 + x * (4.778465929458438 + x * (2.5930192162362027 + x * (0.848854343457902 + x * (0.15226433829533179 + x * (0.011059242293464892 + x * (0 + x * (0 + x * 0)))))))));
      } else {
        x = 1 / x;
        s1 = -681149956853777e-24 + x * (28522533178221704e-24 + x * (-6794655751811263e-22 + x * (0.0021455899538880526 + x * (0.029015791000532906 + x * (0.14286953440815717 + x * (0.3377855389120359 + x * (0.38707973897260434 + x * (0.11703015634199525 + x * (-0.16379404719331705 + x * -0.1311027816799519)))))))));
        s2 = 0 + x * (0 + x * (0 + x * (0.011059242293464892 + x * (0.15226433829533179 + x * (0.848854343457902 + x * (2.5930192162362027 + x * (4.778465929458438 + x * (5.381683457070069 + x * (3.4662540724256723 + x * 1)))))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/rational_p4q4.js
var require_rational_p4q4 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/rational_p4q4.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.0350353787183178;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.0350353787183178 + x * (-0.0022242652921344794 + x * (0.018557330651423107 + x * (0.009508047013259196 + x * (0.0018712349281955923 + x * (15754461742496055e-20 + x * (460469890584318e-20 + x * (-2304047769118826e-25 + x * 26633922742578204e-28)))))));
        s2 = 1 + x * (1.3653349817554064 + x * (0.7620591645536234 + x * (0.22009110576413124 + x * (0.03415891436709477 + x * (0.00263861676657016 + x * (7646752923027944e-20 + x * (0 + x * 0)))))));
      } else {
        x = 1 / x;
        s1 = 26633922742578204e-28 + x * (-2304047769118826e-25 + x * (460469890584318e-20 + x * (15754461742496055e-20 + x * (0.0018712349281955923 + x * (0.009508047013259196 + x * (0.018557330651423107 + x * (-0.0022242652921344794 + x * -0.0350353787183178)))))));
        s2 = 0 + x * (0 + x * (7646752923027944e-20 + x * (0.00263861676657016 + x * (0.03415891436709477 + x * (0.22009110576413124 + x * (0.7620591645536234 + x * (1.3653349817554064 + x * 1)))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/rational_p5q5.js
var require_rational_p5q5 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/rational_p5q5.js"(exports, module) {
    "use strict";
    function evalrational(x) {
      var ax;
      var s1;
      var s2;
      if (x === 0) {
        return -0.016743100507663373;
      }
      if (x < 0) {
        ax = -x;
      } else {
        ax = x;
      }
      if (ax <= 1) {
        s1 = -0.016743100507663373 + x * (-0.0011295143874558028 + x * (0.001056288621524929 + x * (20938631748758808e-20 + x * (14962478375834237e-21 + x * (44969678992770644e-23 + x * (4625961635228786e-24 + x * (-2811287356288318e-29 + x * 9905570997331033e-32)))))));
        s2 = 1 + x * (0.5914293448864175 + x * (0.1381518657490833 + x * (0.016074608709367652 + x * (9640118070051656e-19 + x * (27533547476472603e-21 + x * (282243172016108e-21 + x * (0 + x * 0)))))));
      } else {
        x = 1 / x;
        s1 = 9905570997331033e-32 + x * (-2811287356288318e-29 + x * (4625961635228786e-24 + x * (44969678992770644e-23 + x * (14962478375834237e-21 + x * (20938631748758808e-20 + x * (0.001056288621524929 + x * (-0.0011295143874558028 + x * -0.016743100507663373)))))));
        s2 = 0 + x * (0 + x * (282243172016108e-21 + x * (27533547476472603e-21 + x * (9640118070051656e-19 + x * (0.016074608709367652 + x * (0.1381518657490833 + x * (0.5914293448864175 + x * 1)))))));
      }
      return s1 / s2;
    }
    module.exports = evalrational;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/main.js
var require_main = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib2();
    var sqrt = require_lib5();
    var ln = require_lib8();
    var PINF = require_lib4();
    var NINF = require_lib3();
    var rationalFcnR1 = require_rational_p1q1();
    var rationalFcnR2 = require_rational_p2q2();
    var rationalFcnR3 = require_rational_p3q3();
    var rationalFcnR4 = require_rational_p4q4();
    var rationalFcnR5 = require_rational_p5q5();
    var Y1 = 0.08913147449493408;
    var Y2 = 2.249481201171875;
    var Y3 = 0.807220458984375;
    var Y4 = 0.9399557113647461;
    var Y5 = 0.9836282730102539;
    function erfinv(x) {
      var sign;
      var ax;
      var qs;
      var q;
      var g;
      var r;
      if (isnan(x)) {
        return NaN;
      }
      if (x === 1) {
        return PINF;
      }
      if (x === -1) {
        return NINF;
      }
      if (x === 0) {
        return x;
      }
      if (x > 1 || x < -1) {
        return NaN;
      }
      if (x < 0) {
        sign = -1;
        ax = -x;
      } else {
        sign = 1;
        ax = x;
      }
      q = 1 - ax;
      if (ax <= 0.5) {
        g = ax * (ax + 10);
        r = rationalFcnR1(ax);
        return sign * (g * Y1 + g * r);
      }
      if (q >= 0.25) {
        g = sqrt(-2 * ln(q));
        q -= 0.25;
        r = rationalFcnR2(q);
        return sign * (g / (Y2 + r));
      }
      q = sqrt(-ln(q));
      if (q < 3) {
        qs = q - 1.125;
        r = rationalFcnR3(qs);
        return sign * (Y3 * q + r * q);
      }
      if (q < 6) {
        qs = q - 3;
        r = rationalFcnR4(qs);
        return sign * (Y4 * q + r * q);
      }
      qs = q - 6;
      r = rationalFcnR5(qs);
      return sign * (Y5 * q + r * q);
    }
    module.exports = erfinv;
  }
});

// node_modules/@stdlib/math-base-special-erfinv/lib/index.js
var require_lib9 = __commonJS({
  "node_modules/@stdlib/math-base-special-erfinv/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main();
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-quantile/lib/main.js
var require_main2 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-quantile/lib/main.js"(exports, module) {
    "use strict";
    var erfinv = require_lib9();
    var isnan = require_lib2();
    var sqrt = require_lib5();
    function quantile2(p, mu, sigma) {
      var A;
      var B;
      if (isnan(mu) || isnan(sigma) || isnan(p) || sigma < 0 || p < 0 || p > 1) {
        return NaN;
      }
      if (sigma === 0) {
        return mu;
      }
      A = mu;
      B = sigma * sqrt(2);
      return A + B * erfinv(2 * p - 1);
    }
    module.exports = quantile2;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/main.js
var require_main3 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/main.js"(exports, module) {
    "use strict";
    var isnan = require_lib2();
    function quantile2(p, mu) {
      if (isnan(p) || p < 0 || p > 1) {
        return NaN;
      }
      return mu;
    }
    module.exports = quantile2;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/factory.js
var require_factory = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/factory.js"(exports, module) {
    "use strict";
    var constantFunction = require_lib6();
    var isnan = require_lib2();
    function factory(mu) {
      if (isnan(mu)) {
        return constantFunction(NaN);
      }
      return quantile2;
      function quantile2(p) {
        if (isnan(p) || p < 0 || p > 1) {
          return NaN;
        }
        return mu;
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/index.js
var require_lib10 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-degenerate-quantile/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib();
    var main = require_main3();
    var factory = require_factory();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-quantile/lib/factory.js
var require_factory2 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-quantile/lib/factory.js"(exports, module) {
    "use strict";
    var constantFunction = require_lib6();
    var degenerate = require_lib10().factory;
    var erfinv = require_lib9();
    var isnan = require_lib2();
    var sqrt = require_lib5();
    function factory(mu, sigma) {
      var A;
      var B;
      if (isnan(mu) || isnan(sigma) || sigma < 0) {
        return constantFunction(NaN);
      }
      if (sigma === 0) {
        degenerate(mu);
      }
      A = mu;
      B = sigma * sqrt(2);
      return quantile2;
      function quantile2(p) {
        if (isnan(p) || p < 0 || p > 1) {
          return NaN;
        }
        return A + B * erfinv(2 * p - 1);
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-normal-quantile/lib/index.js
var require_lib11 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-normal-quantile/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib();
    var main = require_main2();
    var factory = require_factory2();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// src/report/model-quality.ts
var METRIC_ROWS = [
  { key: "roc_auc", label: "ROC AUC" },
  { key: "log_loss", label: "log loss" },
  { key: "brier", label: "Brier score" },
  { key: "accuracy", label: "accuracy" },
  { key: "precision", label: "precision" },
  { key: "recall", label: "recall" },
  { key: "f1", label: "F1" },
  { key: "predicted_positive_rate", label: "predicted positive rate" }
];
function formatMetric(value) {
  return value === null || value === void 0 || !Number.isFinite(value) ? "\u2014" : value.toFixed(4);
}
function formatChange(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "\u2014";
  const text = value.toFixed(4);
  return value > 0 || value === 0 && !text.startsWith("-") ? `+${text}` : text;
}
function confusionText(quality) {
  const { tp, fp, fn, tn } = quality.confusion;
  return [tp, fp, fn, tn].map(formatCount).join(" / ");
}
function qualityTableMarkdown(columns) {
  const paired = columns.length === 2;
  const row = (label, cells, change) => `| ${label} | ${cells.join(" | ")} |${paired ? ` ${change ?? ""} |` : ""}`;
  const lines = [
    row(
      "metric",
      columns.map((column) => cell(column.title)),
      "change"
    ),
    `|---|${columns.map(() => "---:|").join("")}${paired ? "---:|" : ""}`
  ];
  for (const { key, label } of METRIC_ROWS) {
    const values = columns.map((column) => column.quality[key]);
    const [a, b] = values;
    const change = a === null || b === null || a === void 0 || b === void 0 ? "\u2014" : formatChange(b - a);
    lines.push(row(label, values.map(formatMetric), change));
  }
  lines.push(
    row(
      "labelled rows",
      columns.map(({ quality }) => `${formatCount(quality.labelled)} of ${formatCount(quality.rows)}`)
    ),
    row(
      "tp / fp / fn / tn",
      columns.map(({ quality }) => confusionText(quality))
    )
  );
  const notes = [];
  for (const column of columns) {
    for (const [metric, reason] of Object.entries(column.quality.skipped ?? {}))
      notes.push(`${cell(column.title)}: ${metric} skipped (${cell(reason)})`);
    for (const warning of column.quality.warnings ?? [])
      notes.push(`${cell(column.title)}: ${cell(warning)}`);
  }
  if (notes.length > 0) lines.push("", ...notes.map((note) => `- ${note}`));
  return lines;
}
function cell(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/\|/g, "&#124;").replace(/<(?=[A-Za-z/!?])/g, "&#60;");
}
function interval(bounds) {
  return bounds ? `[${formatChange(bounds[0])}, ${formatChange(bounds[1])}]` : "n/a";
}
function renderEvaluationMarkdown(report) {
  const { snapshot, models, comparison } = report;
  const rows = snapshot.holdout ? `holdout ${formatPercent(snapshot.holdout.fraction)} (seed ${snapshot.holdout.seed}${snapshot.holdout.id_column ? `, split on ${snapshot.holdout.id_column}` : ""}): ${formatCount(snapshot.evaluated_rows)} of ${formatCount(snapshot.rows)} rows` : `${formatCount(snapshot.rows)} rows`;
  const names = models.map((model) => model.name).join(" vs ");
  const lines = [
    `### Model evaluation: ${cell(names)} on ${cell(snapshot.label)}`,
    "",
    `Target \`${report.target}\`, ${rows}.`,
    ""
  ];
  if (comparison) {
    lines.push(
      `**Verdict:** ${cell(comparison.reason)}.`,
      "",
      `AUC gain of ${cell(comparison.candidate)} over ${cell(comparison.baseline)}: ${formatChange(comparison.auc_gain)}, 95% interval ${interval(comparison.auc_gain_ci95)} (paired DeLong), p = ${formatScore(comparison.p_value)}.`,
      ""
    );
  }
  lines.push(...qualityTableMarkdown(models.map((model) => ({ title: model.name, quality: model }))));
  lines.push("", "<sub>");
  for (const model of models) {
    const trained = model.trained_on ? `trained on ${cell(model.trained_on.source)} (${formatCount(model.trained_on.rows)} rows, holdout AUC ${formatMetric(model.trained_on.holdout_auc)})` : "training unknown";
    lines.push(
      `${cell(model.name)}: \`${cell(model.source)}\`, ${trained}, threshold ${model.threshold}.<br>`
    );
  }
  lines.push("</sub>");
  if (report.warnings.length > 0)
    lines.push("", ...report.warnings.map((warning) => `> \u26A0\uFE0F ${cell(warning)}`));
  return lines.join("\n") + "\n";
}
function renderEvaluationJson(report) {
  return JSON.stringify(
    report,
    (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value,
    2
  ) + "\n";
}
function modelSectionMarkdown(block, labels) {
  const drift = block.prediction_drift;
  const driftText = drift.skipped !== null ? `not tested (${cell(drift.skipped)})` : `${drift.drift_detected ? "\u25B2 drifted" : "\u25CB stable"} (${cell(drift.stattest_name ?? drift.stattest ?? "\u2014")} ${formatScore(drift.drift_score)}, threshold ${formatScore(drift.threshold)})`;
  const interval95 = block.auc_drop_ci95 ? `, 95% interval ${interval(block.auc_drop_ci95)} (DeLong)` : "";
  const rule = block.max_auc_drop === void 0 ? "" : ` \xB7 rule: RETRAIN when ${block.auc_drop_confidence === void 0 ? "the drop" : `its lower ${formatPercent(block.auc_drop_confidence)} bound`} \u2265 ${block.max_auc_drop}`;
  return [
    `### Model quality (\`${cell(block.source)}\`, target \`${cell(block.target)}\`)`,
    "",
    `ROC AUC ${formatMetric(block.reference.roc_auc)} \u2192 ${formatMetric(block.current.roc_auc)}: drop ${formatChange(block.auc_drop)}${interval95}${rule}`,
    "",
    `Prediction drift: ${driftText}`,
    "",
    ...qualityTableMarkdown([
      { title: labels.reference, quality: block.reference },
      { title: labels.current, quality: block.current }
    ])
  ];
}

// src/drift/model-quality/brier-score.ts
function brierScore(sample) {
  const { scores, labels } = sample;
  if (scores.length === 0) throw new Error("brierScore requires at least one row");
  const squares = new Float64Array(scores.length);
  for (let row = 0; row < scores.length; row++) {
    const probability = scores[row];
    if (!(probability >= 0 && probability <= 1))
      throw new Error(`brierScore requires probabilities in [0, 1], found ${probability}`);
    const difference = labels[row] - probability;
    squares[row] = difference * difference;
  }
  return pairwiseSum(squares) / scores.length;
}

// src/drift/model-quality/calibration-curve.ts
function linspaceEdges(bins) {
  const step = 1 / bins;
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => i * step);
  edges[bins] = 1;
  return edges;
}
function calibrationCurve(sample, bins) {
  const edges = linspaceEdges(bins);
  const counts = new Float64Array(bins);
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const { scores, labels } = sample;
  for (let row = 0; row < scores.length; row++) {
    const probability = scores[row];
    let low = 0;
    let high = bins - 1;
    while (low < high) {
      const middle = low + high >>> 1;
      if (edges[middle + 1] < probability) low = middle + 1;
      else high = middle;
    }
    counts[low]++;
    sums[low] += probability;
    positives[low] += labels[row];
  }
  const curve = [];
  for (let bin = 0; bin < bins; bin++) {
    const count = counts[bin];
    if (count === 0) continue;
    curve.push({
      lower: edges[bin],
      upper: edges[bin + 1],
      count,
      mean_predicted: sums[bin] / count,
      observed_rate: positives[bin] / count
    });
  }
  return curve;
}

// src/drift/model-quality/log-loss.ts
var LOG_LOSS_EPSILON = Number.EPSILON;
function logLoss(sample) {
  const { scores, labels, positives, negatives } = sample;
  if (positives.length === 0 || negatives.length === 0)
    throw new Error("logLoss requires both classes among the labels");
  const losses = new Float64Array(scores.length);
  for (let row = 0; row < scores.length; row++) {
    const probability = Math.min(Math.max(scores[row], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    const complement = 1 - probability;
    const total = complement + probability;
    losses[row] = -Math.log((labels[row] === 1 ? probability : complement) / total);
  }
  return pairwiseSum(losses) / scores.length;
}

// src/drift/model-quality/roc-curve.ts
function rocCurve(sample) {
  const { positives, negatives } = sample;
  const positiveCount = positives.length;
  const negativeCount = negatives.length;
  if (positiveCount === 0 || negativeCount === 0)
    throw new Error("rocCurve requires at least one positive and one negative label");
  const tps = [];
  const fps = [];
  let p = positiveCount - 1;
  let q = negativeCount - 1;
  let truePositives = 0;
  let falsePositives = 0;
  while (p >= 0 || q >= 0) {
    const value = Math.max(p >= 0 ? positives[p] : -Infinity, q >= 0 ? negatives[q] : -Infinity);
    while (p >= 0 && positives[p] === value) {
      truePositives++;
      p--;
    }
    while (q >= 0 && negatives[q] === value) {
      falsePositives++;
      q--;
    }
    tps.push(truePositives);
    fps.push(falsePositives);
  }
  const kept = [];
  for (let k = 0; k < tps.length; k++) {
    if (tps.length <= 2 || k === 0 || k === tps.length - 1 || fps[k + 1] - 2 * fps[k] + fps[k - 1] !== 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] !== 0)
      kept.push(k);
  }
  const fpr = new Float64Array(kept.length + 1);
  const tpr = new Float64Array(kept.length + 1);
  kept.forEach((k, i) => {
    fpr[i + 1] = fps[k] / negativeCount;
    tpr[i + 1] = tps[k] / positiveCount;
  });
  return { fpr, tpr };
}
function thinRocCurve(curve, step) {
  const round = (value) => Math.round(value * 1e6) / 1e6;
  const last = curve.fpr.length - 1;
  const fpr = [];
  const tpr = [];
  let previous = -1;
  for (let k = 0; k <= last; k++) {
    const far = previous < 0 || Math.abs(curve.fpr[k] - curve.fpr[previous]) >= step || Math.abs(curve.tpr[k] - curve.tpr[previous]) >= step;
    if (k === 0 || k === last || far) {
      fpr.push(round(curve.fpr[k]));
      tpr.push(round(curve.tpr[k]));
      previous = k;
    }
  }
  return { fpr, tpr };
}

// src/drift/model-quality/threshold-metrics.ts
function confusionAt(sample, threshold) {
  const { scores, labels } = sample;
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let row = 0; row < scores.length; row++) {
    const predictedPositive = scores[row] >= threshold;
    if (labels[row] === 1) {
      if (predictedPositive) confusion.tp++;
      else confusion.fn++;
    } else if (predictedPositive) confusion.fp++;
    else confusion.tn++;
  }
  return confusion;
}
function thresholdMetrics(sample, threshold) {
  const rows = sample.scores.length;
  if (rows === 0) throw new Error("thresholdMetrics requires at least one row");
  const confusion = confusionAt(sample, threshold);
  const { tp, fp, fn, tn } = confusion;
  const warnings = [];
  const ratio = (numerator, denominator2, warning) => {
    if (denominator2 > 0) return numerator / denominator2;
    warnings.push(warning);
    return 0;
  };
  const precision = ratio(tp, tp + fp, "precision is ill-defined (no predicted positive) and set to 0");
  const recall = ratio(tp, tp + fn, "recall is ill-defined (no positive label) and set to 0");
  if (tp + fp === 0 && tp + fn === 0)
    warnings.push("f1 is ill-defined (neither positive labels nor predictions) and set to 0");
  const denominator = precision + recall;
  const f1 = 2 * precision * recall / (denominator === 0 ? 1 : denominator);
  return {
    confusion,
    accuracy: (tp + tn) / rows,
    precision,
    recall,
    f1,
    predictedPositiveRate: (tp + fp) / rows,
    warnings
  };
}

// src/drift/model-quality/classification-quality.ts
var QUALITY_METRICS = [
  "roc_auc",
  "log_loss",
  "brier",
  "accuracy",
  "precision",
  "recall",
  "f1",
  "predicted_positive_rate"
];
var CALIBRATION_BINS = 10;
var ROC_CHART_STEP = 5e-3;
function singleClassReason(sample) {
  const only = sample.positives.length > 0 ? 1 : 0;
  return `every labelled row has label ${only}: the metric needs both classes`;
}
function measureClassification(probabilities, target, threshold) {
  const sample = labelledSample(probabilities, target);
  const labelled = sample.scores.length;
  const quality = {
    rows: probabilities.length,
    labelled,
    roc_auc: null,
    log_loss: null,
    brier: null,
    accuracy: null,
    precision: null,
    recall: null,
    f1: null,
    predicted_positive_rate: null,
    confusion: { tp: 0, fp: 0, fn: 0, tn: 0 }
  };
  if (labelled === 0) {
    quality.skipped = Object.fromEntries(QUALITY_METRICS.map((metric) => [metric, "no labelled rows"]));
    return { quality, sample };
  }
  const metrics = thresholdMetrics(sample, threshold);
  Object.assign(quality, {
    brier: brierScore(sample),
    accuracy: metrics.accuracy,
    precision: metrics.precision,
    recall: metrics.recall,
    f1: metrics.f1,
    predicted_positive_rate: metrics.predictedPositiveRate,
    confusion: metrics.confusion
  });
  if (sample.positives.length > 0 && sample.negatives.length > 0) {
    quality.roc_auc = rocAuc(sample);
    quality.log_loss = logLoss(sample);
  } else {
    const reason = singleClassReason(sample);
    quality.skipped = { roc_auc: reason, log_loss: reason };
  }
  if (metrics.warnings.length > 0) quality.warnings = [...metrics.warnings];
  if (quality.roc_auc !== null) quality.roc_curve = thinRocCurve(rocCurve(sample), ROC_CHART_STEP);
  quality.calibration = calibrationCurve(sample, CALIBRATION_BINS);
  return { quality, sample };
}

// src/predictor/score.ts
function scoreTable(model, table) {
  const z = new Float64Array(table.rows).fill(model.intercept);
  for (const feature of model.features) {
    const column = getColumn(table, feature.name);
    if (!column)
      throw new UserError(
        "COLUMN_MISSING",
        `${table.source}: model feature '${feature.name}' is not a column of the snapshot`
      );
    if (feature.kind === "numeric") {
      if (column.type === "string" || column.type === "datetime")
        throw new UserError(
          "COLUMN_TYPE_MISMATCH",
          `${table.source}: model feature '${feature.name}' is numeric but the column holds ${column.type === "string" ? "text" : "dates"}`
        );
      const values = numbersOf(column.values);
      for (let row = 0; row < table.rows; row++) {
        const value = values[row];
        if (!Number.isNaN(value)) z[row] += feature.weight * (value - feature.mean) / feature.std;
      }
    } else {
      if (column.type !== "string")
        throw new UserError(
          "COLUMN_TYPE_MISMATCH",
          `${table.source}: model feature '${feature.name}' is categorical but the column holds ${column.type === "datetime" ? "dates" : "numbers"}`
        );
      const weightOfCode = column.dictionary.map((level) => {
        const slot = feature.levels.indexOf(level);
        return slot < 0 ? Number.NaN : feature.weights[slot];
      });
      const { codes } = column;
      for (let row = 0; row < table.rows; row++) {
        const code = codes[row];
        if (code < 0) continue;
        const weight = weightOfCode[code];
        if (!Number.isNaN(weight)) z[row] += weight;
      }
    }
  }
  for (let row = 0; row < table.rows; row++) z[row] = sigmoid(z[row]);
  return z;
}
function readTarget(table, target) {
  const column = getColumn(table, target);
  if (!column) throw new UserError("COLUMN_MISSING", `${table.source}: target column '${target}' not found`);
  if (column.type === "string" || column.type === "datetime")
    throw new UserError(
      "COLUMN_TYPE_MISMATCH",
      `${table.source}: target column '${target}' must hold 0/1 or booleans, found ${column.type === "string" ? "text" : "dates"}`
    );
  const values = numbersOf(column.values);
  for (let row = 0; row < table.rows; row++) {
    const value = values[row];
    if (value !== 0 && value !== 1 && !Number.isNaN(value))
      throw new UserError(
        "COLUMN_TYPE_MISMATCH",
        `${table.source}: target column '${target}' must be 0/1, found ${value} at data row ${row + 1}`
      );
  }
  return values;
}
function readProbabilityColumn(table, name) {
  const column = getColumn(table, name);
  if (!column)
    throw new UserError("COLUMN_MISSING", `${table.source}: prediction column '${name}' not found`);
  if (column.type !== "float" && column.type !== "int")
    throw new UserError(
      "COLUMN_TYPE_MISMATCH",
      `${table.source}: prediction column '${name}' must hold probabilities, found ${column.type === "string" ? "text" : column.type}`
    );
  const values = numbersOf(column.values);
  for (let row = 0; row < table.rows; row++) {
    const value = values[row];
    if (!(value >= 0 && value <= 1))
      throw new UserError(
        "COLUMN_TYPE_MISMATCH",
        `${table.source}: prediction column '${name}' must hold probabilities in [0, 1], found ${Number.isNaN(value) ? "a missing value" : value} at data row ${row + 1}`
      );
  }
  return values;
}

// src/drift/model-quality/auc-difference.ts
var import_stats_base_dists_normal_quantile = __toESM(require_lib11(), 1);
var import_stats_base_dists_normal_cdf = __toESM(require_lib7(), 1);

// src/drift/model-quality/delong.ts
function countBelow(sorted, value, orEqual) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    const element = sorted[middle];
    if (element < value || orEqual && element === value) low = middle + 1;
    else high = middle;
  }
  return low;
}
function delongPlacements(sample) {
  const auc = rocAuc(sample);
  const { scores, labels, positives, negatives } = sample;
  const positive = new Float64Array(positives.length);
  const negative = new Float64Array(negatives.length);
  const twicePositives = 2 * positives.length;
  const twiceNegatives = 2 * negatives.length;
  for (let row = 0, p = 0, q = 0; row < scores.length; row++) {
    const score = scores[row];
    if (labels[row] === 1) {
      positive[p++] = (countBelow(negatives, score, false) + countBelow(negatives, score, true)) / twiceNegatives;
    } else {
      const ranks = countBelow(positives, score, false) + countBelow(positives, score, true);
      negative[q++] = (twicePositives - ranks) / twicePositives;
    }
  }
  return { auc, positive, negative };
}
function sampleCovariance(a, centreA, b, centreB) {
  const products = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) products[i] = (a[i] - centreA) * (b[i] - centreB);
  return pairwiseSum(products) / (a.length - 1);
}
function delongCovariance(first, second) {
  const positiveCount = first.positive.length;
  const negativeCount = first.negative.length;
  if (second.positive.length !== positiveCount || second.negative.length !== negativeCount)
    throw new Error("delongCovariance requires placements of the same rows");
  if (positiveCount < 2 || negativeCount < 2)
    throw new Error("delongCovariance requires at least two positive and two negative rows");
  return sampleCovariance(first.positive, first.auc, second.positive, second.auc) / positiveCount + sampleCovariance(first.negative, first.auc, second.negative, second.auc) / negativeCount;
}
function delongVariance(placements) {
  return delongCovariance(placements, placements);
}

// src/drift/model-quality/auc-difference.ts
function criticalValue(confidence) {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must be in (0, 1), got ${confidence}`);
  return (0, import_stats_base_dists_normal_quantile.default)(1 - (1 - confidence) / 2, 0, 1);
}
function interval2(difference, variance, confidence) {
  const standardError = Math.sqrt(Math.max(variance, 0));
  const z = criticalValue(confidence);
  const clip = (value) => Math.min(1, Math.max(-1, value));
  return {
    difference,
    standardError,
    confidence,
    lower: clip(difference - z * standardError),
    upper: clip(difference + z * standardError),
    pValue: standardError > 0 ? 2 * (0, import_stats_base_dists_normal_cdf.default)(-Math.abs(difference / standardError), 0, 1) : Number.NaN
  };
}
function unpairedAucDrop(reference, current, confidence) {
  const first = delongPlacements(reference);
  const second = delongPlacements(current);
  return interval2(first.auc - second.auc, delongVariance(first) + delongVariance(second), confidence);
}
function pairedAucGain(baseline, candidate, confidence) {
  const { labels } = baseline;
  if (candidate.labels.length !== labels.length || candidate.labels.some((label, row) => label !== labels[row]))
    throw new Error("pairedAucGain requires the same labelled rows on both sides");
  const first = delongPlacements(candidate);
  const second = delongPlacements(baseline);
  const covariance = delongCovariance(first, second);
  const variance = delongVariance(first) - covariance - (covariance - delongVariance(second));
  return interval2(first.auc - second.auc, variance, confidence);
}

export {
  formatMetric,
  formatChange,
  renderEvaluationMarkdown,
  renderEvaluationJson,
  modelSectionMarkdown,
  measureClassification,
  unpairedAucDrop,
  pairedAucGain,
  scoreTable,
  readTarget,
  readProbabilityColumn
};
