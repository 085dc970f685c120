/**
 * The operation map (NodeMap in node.type.ts) is checked by the compiler. One program compiles the
 * real sources together with a copy of the actions folder per case, each copy with one file changed
 * in memory; each case expects the compiler to reject its copy.
 *
 * A copy lives next to the real folder (nodes/OpenProspect/actions.<case>/), so the imports inside
 * actions resolve within the copy and the imports out of it reach the real, shared files.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// Vitest runs from the repository root.
const root = ts.sys.getCurrentDirectory();
const resolve = (file: string) => ts.sys.resolvePath(file);
const nodeFolder = resolve(`${root}/nodes/OpenProspect`);
const actions = `${nodeFolder}/actions`;

type Edits = Record<string, (text: string) => string>;

function replaceOnce(text: string, from: string, to: string): string {
	expect(text).toContain(from);
	return text.replace(from, to);
}

/** Each case: the files of the actions folder it changes (path inside actions → edit). */
const cases: Record<string, Edits> = {
	mapOnly: {
		'node.type.ts': (text) => replaceOnce(text, "order: 'create' |", "order: 'cancel' | 'create' |"),
	},
	tableOnly: {
		'order/index.ts': (text) =>
			replaceOnce(
				text,
				'\toperations: {\n',
				"\toperations: {\n\t\tcancel: { name: 'Cancel', description: 'x', action: 'x', module: get },\n",
			),
	},
	registryMissing: {
		'node.type.ts': (text) =>
			replaceOnce(text, 'export type NodeMap = {', "export type NodeMap = {\n\tcampaign: 'get';"),
	},
};

/** The case and the path inside actions of a file in a copy, or undefined for a real file. */
function inCopy(file: string): { name: string; inside: string } | undefined {
	const match = /^(.*)\/actions\.([A-Za-z]+)(\/.*)?$/.exec(resolve(file));
	if (!match || match[1] !== nodeFolder || !cases[match[2]]) return undefined;
	return { name: match[2], inside: (match[3] ?? '').replace(/^\//, '') };
}

function compilerOptions(): ts.CompilerOptions {
	const { config } = ts.readConfigFile(`${root}/tsconfig.json`, (file) => ts.sys.readFile(file));
	return { ...ts.parseJsonConfigFileContent(config, ts.sys, root).options, noEmit: true };
}

/** A host that serves each case's copy of actions from the real folder, with the case's edits. */
function copyingHost(options: ts.CompilerOptions): ts.CompilerHost {
	const host = ts.createCompilerHost(options);
	const real = { ...host, getSourceFile: host.getSourceFile.bind(host) };
	const readFile = (file: string): string | undefined => {
		const copy = inCopy(file);
		if (!copy) return ts.sys.readFile(file);
		const text = ts.sys.readFile(`${actions}/${copy.inside}`);
		const edit = cases[copy.name][copy.inside];
		return text !== undefined && edit ? edit(text) : text;
	};
	const mapped = (file: string) => {
		const copy = inCopy(file);
		return copy ? `${actions}/${copy.inside}` : file;
	};
	host.readFile = readFile;
	host.fileExists = (file) => ts.sys.fileExists(mapped(file));
	host.directoryExists = (dir) => ts.sys.directoryExists?.(mapped(dir)) ?? true;
	host.getSourceFile = (file, version, onError) => {
		if (!inCopy(file)) return real.getSourceFile(file, version, onError);
		const text = readFile(file);
		return text === undefined ? undefined : ts.createSourceFile(file, text, version);
	};
	return host;
}

/** The compiler's errors, by case ('real' for the real sources), as "file: message". */
function compile(): Record<string, string[]> {
	const options = compilerOptions();
	const program = ts.createProgram({
		rootNames: [
			`${nodeFolder}/OpenProspect.node.ts`,
			...Object.keys(cases).map((name) => `${nodeFolder}/actions.${name}/registry.ts`),
		],
		options,
		host: copyingHost(options),
	});
	const found: Record<string, string[]> = { real: [] };
	for (const name of Object.keys(cases)) found[name] = [];
	for (const source of program.getSourceFiles()) {
		const copy = inCopy(source.fileName);
		// In a copy only the tables can break; checking its operation files again proves nothing.
		if (copy && !/^(registry|[A-Za-z]+\/index)\.ts$/.test(copy.inside)) continue;
		for (const diagnostic of ts.getPreEmitDiagnostics(program, source)) {
			const where = (diagnostic.file?.fileName ?? '').replace(`${root}/`, '');
			found[copy?.name ?? 'real'].push(
				`${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
			);
		}
	}
	return found;
}

describe('operation map checked by the compiler', () => {
	let errors: Record<string, string[]>;
	beforeAll(() => {
		errors = compile();
	}, 120_000);

	it('the real sources compile', () => {
		expect(errors.real).toEqual([]);
	});

	it('rejects an operation that is in the map but not in the resource table', () => {
		expect(errors.mapOnly.length).toBeGreaterThan(0);
		expect(errors.mapOnly.join('\n')).toMatch(/order\/index\.ts: .*'cancel' is missing/s);
	});

	it('rejects an operation that is in the resource table but not in the map', () => {
		expect(errors.tableOnly.join('\n')).toMatch(/order\/index\.ts: .*'cancel' does not exist/s);
	});

	it('rejects a resource that is in the map but not in the registry', () => {
		expect(errors.registryMissing.join('\n')).toMatch(/registry\.ts: .*'campaign' is missing/s);
	});
});
