import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './validation';

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV. Columns: the given ones, else every key in first-seen order. Nested values as JSON. */
export function toCsv(records: IDataObject[], columns?: string[]): string {
	const header = columns ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
	const lines = [header.map(cell).join(',')];
	for (const record of records) lines.push(header.map((column) => cell(record[column])).join(','));
	return `${lines.join('\r\n')}\r\n`;
}

/** Parses RFC 4180 CSV with a header row (quotes, doubled quotes, CRLF or LF, a leading BOM). */
export function parseCsv(text: string, delimiter = ','): IDataObject[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const input = text.replace(/^\uFEFF/, '');
	for (let index = 0; index < input.length; index++) {
		const char = input[index];
		if (quoted) {
			if (char === '"' && input[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === delimiter) {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && input[index + 1] === '\n') index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
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

/** Wraps records as a CSV file in n8n's binary data store. */
export async function csvBinary(
	context: IExecuteFunctions,
	records: IDataObject[],
	fileName: string,
	columns?: string[],
): Promise<IBinaryData> {
	return await context.helpers.prepareBinaryData(
		Buffer.from(toCsv(records, columns), 'utf8'),
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
	return parseCsv(buffer.toString('utf8'));
}
