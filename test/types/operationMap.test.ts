/**
 * The operation map (NodeMap in node.type.ts) is checked by the compiler: these tests compile the
 * real sources with one file changed in memory and expect the compiler to reject the change.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Vitest runs from the repository root.
const root = ts.sys.getCurrentDirectory();
const resolve = (file: string) => ts.sys.resolvePath(file);
const nodeType = resolve(`${root}/nodes/OpenProspect/actions/node.type.ts`);
const orderIndex = resolve(`${root}/nodes/OpenProspect/actions/order/index.ts`);

function compilerOptions(): ts.CompilerOptions {
	const configPath = `${root}/tsconfig.json`;
	const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
	return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

const options = { ...compilerOptions(), noEmit: true };
let previous: ts.Program | undefined;

/** The compiler's errors for the node's registry, with `edits` (file → new text) applied. */
function errors(edits: Record<string, (text: string) => string> = {}): string[] {
	const host = ts.createCompilerHost(options);
	const readFile = host.readFile.bind(host);
	host.readFile = (file) => {
		const text = readFile(file);
		const edit = edits[resolve(file)];
		return text !== undefined && edit ? edit(text) : text;
	};
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (file, version, onError) => {
		if (edits[resolve(file)]) {
			const text = host.readFile(file);
			return text === undefined ? undefined : ts.createSourceFile(file, text, version);
		}
		return getSourceFile(file, version, onError);
	};
	const program = ts.createProgram({
		rootNames: [`${root}/nodes/OpenProspect/OpenProspect.node.ts`],
		options,
		host,
		oldProgram: previous,
	});
	previous = program;
	return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
		const where = diagnostic.file ? diagnostic.file.fileName.replace(`${root}/`, '') : '';
		return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
	});
}

function replaceOnce(text: string, from: string, to: string): string {
	expect(text).toContain(from);
	return text.replace(from, to);
}

describe('operation map checked by the compiler', () => {
	it('the real sources compile', () => {
		expect(errors()).toEqual([]);
	}, 120_000);

	it('rejects an operation that is in the map but not in the resource table', () => {
		const found = errors({
			[nodeType]: (text) => replaceOnce(text, "order: 'create' |", "order: 'cancel' | 'create' |"),
		});
		expect(found.length).toBeGreaterThan(0);
		expect(found.join('\n')).toMatch(/order\/index\.ts: .*'cancel' is missing/s);
	}, 120_000);

	it('rejects an operation that is in the resource table but not in the map', () => {
		const found = errors({
			[orderIndex]: (text) =>
				replaceOnce(
					text,
					'\toperations: {\n',
					"\toperations: {\n\t\tcancel: { name: 'Cancel', description: 'x', action: 'x', module: get },\n",
				),
		});
		expect(found.join('\n')).toMatch(/order\/index\.ts: .*'cancel' does not exist/s);
	}, 120_000);

	it('rejects a resource that is in the map but not in the registry', () => {
		const found = errors({
			[nodeType]: (text) =>
				replaceOnce(text, 'export type NodeMap = {', "export type NodeMap = {\n\tcampaign: 'get';"),
		});
		expect(found.join('\n')).toMatch(/registry\.ts: .*'campaign' is missing/s);
	}, 120_000);
});
