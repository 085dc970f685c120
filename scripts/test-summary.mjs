// Reads vitest's JSON report (and optional extra "N passed, N failed" lines from other suites)
// and prints the single plain summary line CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs';

const [reportPath, ...extraCounts] = process.argv.slice(2);
let passed = 0;
let failed = 0;
try {
	const report = JSON.parse(readFileSync(reportPath, 'utf8'));
	passed += report.numPassedTests ?? 0;
	failed += (report.numFailedTests ?? 0) + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
} catch (error) {
	console.error(`Could not read the vitest report ${reportPath}: ${error.message}`);
	failed += 1;
}
for (const line of extraCounts) {
	const match = /(\d+) passed, (\d+) failed/.exec(line);
	if (match) {
		passed += Number(match[1]);
		failed += Number(match[2]);
	} else {
		failed += 1;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
