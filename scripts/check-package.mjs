// Publishing gates, offline: what `npm pack` would ship, and the n8n community package scanner's
// analysis (the same ESLint rules, inline disables ignored) on the source and on the packed tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED = [/^dist\//, /^README\.md$/, /^LICENSE\.md$/, /^package\.json$/];
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n${detail}` : ''}`);
}

const npm = (args, cwd = root) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
const files = packed.files.map((file) => file.path);
const stray = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
check('npm pack ships only dist/, README.md, LICENSE.md and package.json', stray.length === 0, stray.join('\n'));
check('npm pack ships both nodes and the credential', ['dist/nodes/OpenProspect/OpenProspect.node.js', 'dist/nodes/OpenProspect/OpenProspectTrigger.node.js', 'dist/credentials/OpenProspectApi.credentials.js'].every((file) => files.includes(file)));
console.log(`     ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked`);

const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
check('scanner: source', source.passed, source.details ?? source.message ?? '');

const work = mkdtempSync(join(tmpdir(), 'openprospect-pack-'));
try {
	const [tarball] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work]));
	execFileSync('tar', ['-xzf', join(work, tarball.filename), '-C', work]);
	const unpacked = await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']);
	check('scanner: packed tarball', unpacked.passed, unpacked.details ?? unpacked.message ?? '');
} finally {
	rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
