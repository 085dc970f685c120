import { describe, expect, it } from 'vitest';

import { measureProductCode } from '../helpers/structure.mjs';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;

describe('product code stays small enough to read', () => {
	const files = measureProductCode();

	it('finds the product files', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(files.some((file) => file.path.endsWith('.operation.ts'))).toBe(true);
	});

	it(`no file over ${MAX_FILE_LINES} lines, except operation files whose bulk is UI description`, () => {
		const tooLong = files
			.filter((file) => {
				const logic = file.path.endsWith('.operation.ts')
					? file.lines - file.descriptionLines
					: file.lines;
				return logic > MAX_FILE_LINES;
			})
			.map((file) => `${file.path}: ${file.lines} lines (${file.descriptionLines} of description)`);
		expect(tooLong).toEqual([]);
	});

	it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
		const tooLong = files.flatMap((file) =>
			file.functions
				.filter((fn) => fn.lines > MAX_FUNCTION_LINES)
				.map((fn) => `${file.path}: ${fn.name} (${fn.lines} lines)`),
		);
		expect(tooLong).toEqual([]);
	});
});
