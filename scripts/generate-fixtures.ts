// Regenerates the committed StreamFlow fixtures: `npm run fixtures [-- OUT_DIR]` (default fixtures/streamflow).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STREAMFLOW_MONTHS, generateMonthCsv } from './streamflow-generator.js';

const outDir = process.argv[2] ?? 'fixtures/streamflow';
mkdirSync(outDir, { recursive: true });
for (const month of STREAMFLOW_MONTHS) {
  writeFileSync(join(outDir, month.file), generateMonthCsv(month));
  console.log(`wrote ${join(outDir, month.file)} (as_of ${month.asOf})`);
}
