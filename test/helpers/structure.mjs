// Measures the product code with the TypeScript compiler API (Node built-ins are not allowed in .ts tests).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(directory) {
	return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

const lineOf = (file, position) => file.getLineAndCharacterOfPosition(position).line;
const span = (file, node) => lineOf(file, node.getEnd()) - lineOf(file, node.getStart(file)) + 1;

function isFunctionLike(node) {
	return (
		ts.isFunctionDeclaration(node) ||
		ts.isFunctionExpression(node) ||
		ts.isArrowFunction(node) ||
		ts.isMethodDeclaration(node) ||
		ts.isConstructorDeclaration(node) ||
		ts.isGetAccessorDeclaration(node)
	);
}

function functionName(file, node) {
	if (node.name) return node.name.getText(file);
	const parent = node.parent;
	if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
		return parent.name.getText(file);
	return `<anonymous at line ${lineOf(file, node.getStart(file)) + 1}>`;
}

/** Lines of top-level `const x: INodeProperties[] = [...]` (or `satisfies`) declarations: UI description. */
function descriptionLines(file) {
	let lines = 0;
	for (const statement of file.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			const type = declaration.type?.getText(file) ?? '';
			let init = declaration.initializer;
			while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init))) init = init.expression;
			if (init && ts.isArrayLiteralExpression(init) && /INodeProperties/.test(type + declaration.initializer.getText(file).slice(-40)))
				lines += span(file, declaration);
		}
	}
	return lines;
}

/**
 * Every product source file (nodes/, credentials/) with its line count, the lines that are UI
 * description, and every function with its length in lines.
 */
export function measureProductCode() {
	return ['nodes', 'credentials'].flatMap(sourceFiles).map((path) => {
		const text = readFileSync(join(root, path), 'utf8');
		const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
		const functions = [];
		const visit = (node) => {
			if (isFunctionLike(node) && node.body) functions.push({ name: functionName(file, node), lines: span(file, node) });
			ts.forEachChild(node, visit);
		};
		visit(file);
		return {
			path: relative(root, join(root, path)),
			lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
			descriptionLines: descriptionLines(file),
			functions,
		};
	});
}
