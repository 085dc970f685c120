/**
 * Property-based tests of the CSV writer and parser: files are untrusted input (and our own output
 * is read back by Create Order), so any table must survive a round trip, no written cell may start
 * a spreadsheet formula, and a file cut inside a quoted field must be refused, not half-read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
	CsvSyntaxError,
	parseCsv,
	parseCsvRows,
	toCsv,
	toCsvRows,
} from '../../nodes/OpenProspect/helpers/csv';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made mostly of the characters CSV and spreadsheets treat specially, or any Unicode text. */
const cellText = fc.oneof(
	fc.string({
		unit: fc.constantFrom(
			'"',
			',',
			';',
			'\t',
			'\r',
			'\n',
			'=',
			'+',
			'-',
			'@',
			"'",
			' ',
			'\uFEFF',
			'a',
			'é',
		),
		maxLength: 8,
	}),
	fc.string({ unit: 'binary', maxLength: 12 }),
);
const table = fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), {
	minLength: 1,
	maxLength: 8,
});

describe('CSV writer and parser', () => {
	it('any table of strings survives write -> parse unchanged when neutralisation is off', () => {
		fc.assert(
			fc.property(table, (rows) => {
				expect(parseCsvRows(toCsvRows(rows, { neutraliseFormulas: false }))).toEqual(rows);
			}),
			{ numRuns: 500 },
		);
	});

	it('with neutralisation on, no cell starts a formula and every other cell is unchanged', () => {
		fc.assert(
			fc.property(table, (rows) => {
				const back = parseCsvRows(toCsvRows(rows));
				expect(back).toEqual(
					rows.map((row) => row.map((text) => (FORMULA_START.test(text) ? `'${text}` : text))),
				);
				for (const value of back.flat()) expect(value).not.toMatch(FORMULA_START);
			}),
			{ numRuns: 500 },
		);
	});

	it('finite JSON numbers are written as numbers, never prefixed; numeric text is neutralised', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
				const [, [written]] = parseCsvRows(toCsv([{ value }]));
				expect(written).toBe(String(value));
				const [, [asText]] = parseCsvRows(toCsv([{ value: String(value) }]));
				expect(asText).toBe(String(value).startsWith('-') ? `'${value}` : String(value));
			}),
		);
	});

	it('records survive toCsv -> parseCsv, whatever the column names', () => {
		const name = fc.string({ minLength: 1, maxLength: 6 }).filter((text) => text.trim() === text);
		fc.assert(
			fc.property(
				fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
				fc.nat(5),
				(names, count) => {
					fc.pre(!names.some((text) => FORMULA_START.test(text)));
					const records = Array.from({ length: count }, (_, row) =>
						Object.fromEntries(names.map((column, index) => [column, `r${row}c${index}`])),
					);
					expect(parseCsv(toCsv(records))).toEqual(records);
				},
			),
		);
	});

	it('a file that ends inside a quoted field is refused with the row and line where the quote opened', () => {
		const tail = fc.string({ unit: 'binary', maxLength: 30 }).map((text) => text.replace(/"/g, ''));
		fc.assert(
			fc.property(table, fc.array(cellText, { maxLength: 3 }), tail, (rows, before, rest) => {
				const good = toCsvRows(rows, { neutraliseFormulas: false });
				const lead = toCsvRows([[...before, '']], { neutraliseFormulas: false }).replace(
					/\r\n$/,
					'',
				);
				const text = `${good}${lead}"${rest}`;
				const opened = `${good}${lead}`.split(/\r\n|\r|\n/).length;
				const error = catchError(() => parseCsvRows(text, ','));
				expect(error).toBeInstanceOf(CsvSyntaxError);
				expect(error).toMatchObject({ row: rows.length + 1, line: opened });
			}),
			{ numRuns: 300 },
		);
	});

	it('any text gives rows or a CsvSyntaxError naming a row, never another failure', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
				const error = catchError(() => parseCsvRows(text));
				if (error === undefined) return;
				expect(error).toBeInstanceOf(CsvSyntaxError);
				expect((error as CsvSyntaxError).row).toBeGreaterThanOrEqual(1);
			}),
			{ numRuns: 500 },
		);
	});
});

function catchError(run: () => unknown): unknown {
	try {
		run();
		return undefined;
	} catch (error) {
		return error;
	}
}
