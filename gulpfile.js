/**
 * `npm run build` = `gulp build`:
 *  1. compile: `n8n-node build` (clean dist, tsc, copy every svg/png in the repo into dist);
 *  2. prune: keep only what n8n loads (nodes, credentials, icons), so screenshots under docs/ and
 *     the tsc side products never reach the published package;
 *  3. verify: load every node and credential listed in package.json the way n8n does and check
 *     that its icons exist (light and dark, different, real SVG) and that each node has a codex file.
 */
const { series } = require('gulp');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const dist = path.join(root, 'dist');
const pkg = require('./package.json');
const KEEP = new Set(['nodes', 'credentials', 'icons']);
const CATEGORIES = new Set([
	'Data & Storage', 'Finance & Accounting', 'Marketing & Content', 'Productivity', 'Miscellaneous',
	'Sales', 'Development', 'Analytics', 'Communication', 'Utility',
]);

function compile(done) {
	const bin = path.join(root, 'node_modules', '.bin', 'n8n-node');
	// Its spinner floods logs; show the output only when something went wrong.
	const result = spawnSync(bin, ['build'], { cwd: root, encoding: 'utf8' });
	if (result.status === 0) return done();
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	done(new Error(`n8n-node build failed (exit ${result.status})`));
}

function prune(done) {
	for (const entry of fs.readdirSync(dist)) {
		if (!KEEP.has(entry)) fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
	}
	for (const file of walk(dist)) {
		// Type declarations, source maps and build info are of no use to n8n and triple the package size.
		if (/\.(d\.ts|map|tsbuildinfo)$/.test(file)) fs.rmSync(file);
	}
	done();
}

function* walk(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else yield full;
	}
}

function checkIcon(owner, fromDir, icon, problems) {
	const refs = typeof icon === 'string' ? { icon } : icon ?? {};
	if (!refs.light || !refs.dark) problems.push(`${owner}: needs a light and a dark icon`);
	const contents = [];
	for (const ref of Object.values(refs)) {
		if (!String(ref).startsWith('file:')) {
			problems.push(`${owner}: icon "${ref}" must be a file: reference`);
			continue;
		}
		const file = path.resolve(fromDir, String(ref).slice('file:'.length));
		if (!fs.existsSync(file)) {
			problems.push(`${owner}: icon ${path.relative(root, file)} is missing from dist`);
			continue;
		}
		const svg = fs.readFileSync(file, 'utf8');
		if (!/<svg[\s>]/.test(svg) || !/viewBox=/.test(svg)) problems.push(`${owner}: ${path.relative(root, file)} is not an SVG with a viewBox`);
		contents.push(svg);
	}
	if (contents.length === 2 && contents[0] === contents[1]) problems.push(`${owner}: light and dark icons are identical`);
}

function checkCodex(nodeFile, nodeName, problems) {
	const codexFile = nodeFile.replace(/\.js$/, '.json');
	if (!fs.existsSync(codexFile)) return problems.push(`${path.relative(root, codexFile)} is missing`);
	const codex = JSON.parse(fs.readFileSync(codexFile, 'utf8'));
	if (codex.node !== `${pkg.name}.${nodeName}`) problems.push(`${path.relative(root, codexFile)}: "node" must be ${pkg.name}.${nodeName}`);
	if (!codex.resources) problems.push(`${path.relative(root, codexFile)}: "resources" is required by n8n's loader`);
	for (const category of codex.categories ?? []) {
		if (!CATEGORIES.has(category)) problems.push(`${path.relative(root, codexFile)}: unknown category "${category}"`);
	}
}

function verify(done) {
	const problems = [];
	const load = (relative) => {
		const file = path.join(root, relative);
		if (!fs.existsSync(file)) {
			problems.push(`${relative} is listed in package.json but was not built`);
			return undefined;
		}
		const exported = require(file);
		const Class = Object.values(exported)[0];
		return { file, instance: new Class() };
	};
	for (const relative of pkg.n8n.credentials) {
		const loaded = load(relative);
		if (loaded) checkIcon(loaded.instance.name, path.dirname(loaded.file), loaded.instance.icon, problems);
	}
	for (const relative of pkg.n8n.nodes) {
		const loaded = load(relative);
		if (!loaded) continue;
		const { description } = loaded.instance;
		checkIcon(description.name, path.dirname(loaded.file), description.icon, problems);
		checkCodex(loaded.file, description.name, problems);
	}
	if (problems.length > 0) return done(new Error(`Build verification failed:\n - ${problems.join('\n - ')}`));
	done();
}

/**
 * `npm run declarations`: the .d.mts files of the JavaScript tooling (simulator, test harness),
 * regenerated from its JSDoc. A test in npm test fails while a committed one is out of date.
 */
async function declarations() {
	const { writeDeclarations } = await import('./scripts/declarations.mjs');
	for (const file of writeDeclarations()) console.log(`wrote ${file}`);
}

exports.build = series(compile, prune, verify);
exports.verify = verify;
exports.declarations = declarations;
