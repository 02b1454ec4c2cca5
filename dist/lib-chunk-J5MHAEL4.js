import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/snapshot/table.ts
function isCounted(snapshot) {
  return "counted" in snapshot;
}
function hasColumn(table, name) {
  return table.columns.some((column) => column.name === name) || (table.unloaded?.includes(name) ?? false);
}
function getColumn(table, name) {
  return table.columns.find((column) => column.name === name);
}
function countMissing(column) {
  let missing = 0;
  if (column.type === "string") {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
  }
  return missing;
}

export {
  isCounted,
  hasColumn,
  getColumn,
  countMissing
};
