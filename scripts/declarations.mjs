#!/usr/bin/env node
// The .d.mts files of the JavaScript tooling (simulator, test harness), generated from its JSDoc by
// the TypeScript compiler. `npm run declarations` writes them; `node scripts/declarations.mjs --check`
// (and a test in npm test) fails when a committed one is not what the JSDoc gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** @type {string} */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The modules other code imports from TypeScript; only their declarations are kept.
 * @type {string[]}
 */
export const DECLARED_MODULES = [
	'simulator/server.mjs',
	'simulator/types.mjs',
	'simulator/records.mjs',
	'simulator/selfcheck.mjs',
	'simulator/duration.mjs',
	'test/helpers/files.mjs',
	'test/helpers/harness.mjs',
	'test/helpers/cli.mjs',
	'scripts/declarations.mjs',
];

const HEADER = (source) => `// Generated from ${source} by \`npm run declarations\` (scripts/declarations.mjs). Do not edit.\n`;
const OUT = join(ROOT, '.declarations');

const declarationOf = (source) => source.replace(/\.mjs$/, '.d.mts');

/** Relative module specifiers a declaration imports, resolved from the repository root. */
function localImports(file, text) {
	const specifiers = [...text.matchAll(/(?:from |import\()['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]);
	return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

/**
 * A compiler host that parses each library declaration once for every program made with it.
 * @param {import('typescript').CompilerOptions} options
 * @param {Map<string, import('typescript').SourceFile>} [cache]
 * @returns {import('typescript').CompilerHost}
 */
export function cachingHost(options, cache = new Map()) {
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (fileName, languageVersion, ...rest) => {
		if (!fileName.includes('node_modules')) return getSourceFile(fileName, languageVersion, ...rest);
		const key = `${fileName} ${JSON.stringify(languageVersion)}`;
		if (!cache.has(key)) cache.set(key, getSourceFile(fileName, languageVersion, ...rest));
		return cache.get(key);
	};
	return host;
}

/**
 * The declarations of DECLARED_MODULES, as `{ 'simulator/server.d.mts': text, ... }`. Throws when a
 * kept declaration refers to a module whose declaration is not kept (its types would be lost).
 * @param {Map<string, import('typescript').SourceFile>} [cache] parsed library files to share with other programs
 * @returns {Record<string, string>}
 */
export function generateDeclarations(cache) {
	const options = {
		allowJs: true,
		declaration: true,
		emitDeclarationOnly: true,
		module: ts.ModuleKind.NodeNext,
		moduleResolution: ts.ModuleResolutionKind.NodeNext,
		target: ts.ScriptTarget.ES2022,
		types: ['node'],
		skipLibCheck: true,
		rootDir: ROOT,
		outDir: OUT,
	};
	const program = ts.createProgram(DECLARED_MODULES.map((file) => join(ROOT, file)), options, cachingHost(options, cache));
	const emitted = {};
	const result = program.emit(undefined, (fileName, text) => {
		emitted[relative(OUT, fileName)] = text;
	});
	const problems = ts.getPreEmitDiagnostics(program).filter((diagnostic) => diagnostic.code >= 9000 && diagnostic.code < 10000);
	if (result.emitSkipped || problems.length) {
		throw new Error(`declarations not emitted: ${ts.formatDiagnostics([...result.diagnostics, ...problems], ts.createCompilerHost(options))}`);
	}
	const kept = {};
	for (const source of DECLARED_MODULES) {
		const file = declarationOf(source);
		const text = emitted[file];
		if (text === undefined) throw new Error(`no declaration emitted for ${source}`);
		for (const target of localImports(file, text)) {
			if (!DECLARED_MODULES.includes(target)) throw new Error(`${file} refers to ${target}, whose declaration is not kept; give the exported value an explicit JSDoc type`);
		}
		kept[file] = HEADER(source) + text.replace(/^#!.*\n/, '');
	}
	return kept;
}

/**
 * Declarations whose committed text differs from the generated one (missing ones included).
 * @returns {string[]}
 */
export function staleDeclarations() {
	return Object.entries(generateDeclarations())
		.filter(([file, text]) => {
			try {
				return readFileSync(join(ROOT, file), 'utf8') !== text;
			} catch {
				return true;
			}
		})
		.map(([file]) => file);
}

/**
 * Writes the declarations next to their modules.
 * @returns {string[]} the files written
 */
export function writeDeclarations() {
	const files = generateDeclarations();
	for (const [file, text] of Object.entries(files)) writeFileSync(join(ROOT, file), text);
	return Object.keys(files);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--check')) {
		const stale = staleDeclarations();
		if (stale.length) {
			console.error(`Out of date (run npm run declarations): ${stale.join(', ')}`);
			process.exit(1);
		}
		console.log('declarations are current');
	} else {
		for (const file of writeDeclarations()) console.log(`wrote ${file}`);
	}
}
