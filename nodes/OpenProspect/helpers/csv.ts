import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from './validation';
import { asError } from './json';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Cells that must be quoted: delimiters of any kind the reader may detect, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$|^\uFEFF/;
const DELIMITERS = [',', ';', '\t'];

export interface CsvWriteOptions {
	/** Prefix `'` to text cells that start with = + - @ tab or CR (default true). */
	neutraliseFormulas?: boolean;
}

/**
 * One cell. Text (and JSON of nested values) is neutralised when it could start a formula; a finite
 * JSON number is written as it is: it is not text, and `-5` is a number to a spreadsheet too.
 */
function cell(value: unknown, neutralise: boolean): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else {
		text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		if (neutralise && FORMULA_START.test(text)) text = `'${text}`;
	}
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of a table (first row = header), CRLF line ends. */
export function toCsvRows(rows: unknown[][], options: CsvWriteOptions = {}): string {
	const neutralise = options.neutraliseFormulas ?? true;
	return rows.map((row) => `${row.map((value) => cell(value, neutralise)).join(',')}\r\n`).join('');
}

/** RFC 4180 CSV. Columns: the given ones, else every key in first-seen order. Nested values as JSON. */
export function toCsv(
	records: IDataObject[],
	columns?: string[],
	options: CsvWriteOptions = {},
): string {
	const header = columns ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
	const rows: unknown[][] = [header];
	for (const record of records) rows.push(header.map((column) => record[column]));
	return toCsvRows(rows, options);
}

/** A CSV file that ends inside a quoted field; `row` and `line` (1-based) are where the quote opened. */
export class CsvSyntaxError extends Error {
	constructor(
		readonly row: number,
		readonly line: number,
	) {
		super(
			`the file ends inside a quoted field opened in row ${row} (line ${line}; the header is row 1)`,
		);
		this.name = 'CsvSyntaxError';
	}
}

/**
 * The delimiter of the header row (the first line with content): the most frequent of , ; and tab
 * outside quotes, `,` on a tie or when there is none (a one-column file).
 */
export function sniffDelimiter(text: string): string {
	const counts = new Map(DELIMITERS.map((delimiter) => [delimiter, 0]));
	let quoted = false;
	let seen = false;
	for (const char of text.replace(/^\uFEFF/, '')) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) {
			if (seen) break;
			continue;
		} else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
		seen = true;
	}
	return DELIMITERS.reduce((best, delimiter) =>
		(counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0) ? delimiter : best,
	);
}

/**
 * The rows of an RFC 4180 text (quotes, doubled quotes, CRLF, LF or CR, a leading BOM), blank rows
 * included. The delimiter is detected from the header row unless given. Throws CsvSyntaxError when
 * the text ends inside a quoted field instead of swallowing the rest of the file into it.
 */
export function parseCsvRows(text: string, delimiter = sniffDelimiter(text)): string[][] {
	const input = text.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let opened = { row: 0, line: 0 };
	for (let index = 0; index < input.length; index++) {
		const char = input[index];
		const lineBreak = char === '\n' || (char === '\r' && input[index + 1] !== '\n');
		if (quoted) {
			if (char === '"' && input[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
			if (lineBreak) line++;
		} else if (char === '"' && field === '') {
			quoted = true;
			opened = { row: rows.length + 1, line };
		} else if (char === delimiter) {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (!lineBreak) index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			line++;
		} else field += char;
	}
	if (quoted) throw new CsvSyntaxError(opened.row, opened.line);
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}

/** Records of a CSV text with a header row; blank rows are skipped, unnamed columns ignored. */
export function parseCsv(text: string, delimiter?: string): IDataObject[] {
	const rows = parseCsvRows(text, delimiter);
	const [header, ...body] = rows.filter((cells) => cells.some((value) => value !== ''));
	if (!header) return [];
	const names = header.map((name) => name.trim());
	return body.map((cells) => {
		const record: IDataObject = {};
		names.forEach((name, column) => {
			if (name !== '') record[name] = cells[column] ?? '';
		});
		return record;
	});
}

/**
 * Wraps records as a CSV file in n8n's binary data store, with the operation's Neutralise
 * Spreadsheet Formulas setting.
 */
export async function csvBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	fileName: string,
	columns?: string[],
): Promise<IBinaryData> {
	const neutraliseFormulas = context.getNodeParameter(
		'neutraliseFormulas',
		itemIndex,
		true,
	) as boolean;
	return await context.helpers.prepareBinaryData(
		Buffer.from(toCsv(records, columns, { neutraliseFormulas }), 'utf8'),
		fileName,
		'text/csv',
	);
}

/** Reads a CSV file from an input item's binary property into records. */
export async function readCsvBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<IDataObject[]> {
	const items = context.getInputData();
	if (!items[itemIndex]?.binary?.[propertyName]) {
		throw invalidParameter(
			context,
			itemIndex,
			'Input Binary Field',
			`no binary property "${propertyName}" on the input item`,
			'Connect a node that outputs a CSV file (e.g. Read/Write Files from Disk) and enter the name of its binary property.',
		);
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	try {
		return parseCsv(buffer.toString('utf8'));
	} catch (error) {
		if (!(error instanceof CsvSyntaxError)) {
			throw new NodeOperationError(context.getNode(), asError(error), { itemIndex });
		}
		throw invalidParameter(
			context,
			itemIndex,
			'Input Binary Field',
			`the CSV file in "${propertyName}" ends inside a quoted field opened in row ${error.row} (line ${error.line}; the header is row 1); nothing was sent`,
			'A " that opens a field must be closed; a " inside a quoted field is written "". Fix the file and run again.',
		);
	}
}
