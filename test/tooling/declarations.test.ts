/**
 * The .d.mts files of the JavaScript tooling (simulator, engine harness) are generated from its
 * JSDoc by scripts/declarations.mjs (`npm run declarations`). Here: the committed ones are exactly
 * what the JSDoc gives, and the TypeScript that imports those modules compiles against them.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

import { readRepoFile } from '../helpers/files.mjs';
import { cachingHost, generateDeclarations, ROOT } from '../../scripts/declarations.mjs';

/** TypeScript of ours that imports the declared modules. */
const CONSUMERS = ['test/helpers', 'test/simulator', 'test/tooling'].flatMap((dir) =>
	ts.sys
		.readDirectory(`${ROOT}/${dir}`, ['.ts'], undefined, undefined, 1)
		.filter((file) => !file.endsWith('.d.ts')),
);

let generated: Record<string, string>;
/** Library files parsed for the first program, reused by the second. */
const parsed = new Map<string, ts.SourceFile>();

beforeAll(() => {
	generated = generateDeclarations(parsed);
}, 180_000);

describe('generated declarations of the JavaScript tooling', () => {
	it('are committed as generated (else: npm run declarations)', () => {
		for (const [file, text] of Object.entries(generated)) {
			expect(readRepoFile(file), `${file} is out of date: run npm run declarations`).toBe(text);
		}
	});

	it('type the TypeScript that imports the simulator and the harness, without reading the JavaScript', () => {
		const options: ts.CompilerOptions = {
			strict: true,
			noEmit: true,
			allowJs: false,
			module: ts.ModuleKind.NodeNext,
			moduleResolution: ts.ModuleResolutionKind.NodeNext,
			target: ts.ScriptTarget.ES2022,
			types: ['node'],
			skipLibCheck: true,
			esModuleInterop: true,
		};
		// The declarations as just generated, whatever is on disk.
		const inMemory = new Map(
			Object.entries(generated).map(([file, text]) => [`${ROOT}/${file}`, text]),
		);
		const host = cachingHost(options, parsed);
		const { fileExists, readFile } = host;
		host.fileExists = (file) => inMemory.has(file) || fileExists.call(host, file);
		host.readFile = (file) => inMemory.get(file) ?? readFile.call(host, file);
		const program = ts.createProgram(CONSUMERS, options, host);
		const jsRead = program.getSourceFiles().filter((file) => /\.m?js$/.test(file.fileName));
		expect(jsRead.map((file) => file.fileName)).toEqual([]);
		const diagnostics = ts.getPreEmitDiagnostics(program);
		expect(ts.formatDiagnostics(diagnostics, host)).toBe('');
	}, 180_000);
});
