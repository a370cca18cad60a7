// Sums the results of every suite: .NET TRX files and Vitest JSON reports, plus suites that could not run
// (counted as failed), and prints the one totals line CI reads. Exits 1 when anything failed.
import fs from 'node:fs';
import path from 'node:path';

const [dir, crashedArg = '0'] = process.argv.slice(2);
let passed = 0, failed = Number(crashedArg), skipped = 0;
const files = (d) => fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(d, e.name)) : [path.join(d, e.name)]) : [];

for (const file of files(dir)) {
  if (file.endsWith('.trx')) {
    const counters = fs.readFileSync(file, 'utf8').match(/<Counters [^>]*>/)?.[0] ?? '';
    const n = (name) => Number(counters.match(new RegExp(`${name}="(\\d+)"`))?.[1] ?? 0);
    const total = n('total');
    passed += n('passed'); failed += n('failed') + n('error') + n('timeout') + n('aborted');
    skipped += total - n('executed');
    console.log(`${path.basename(path.dirname(file)) === 'dotnet' ? path.basename(file) : file}: ${n('passed')} passed, ${n('failed')} failed`);
  } else if (file.endsWith('.json')) {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0; failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    console.log(`${path.basename(file)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
if (Number(crashedArg) > 0) console.log(`${crashedArg} suite(s) could not run (counted as failed)`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
