/**
 * Pure helpers for enrichment orders: building the `companies` rows, checking them, and pairing
 * the order's results back to the input items they came from (results echo each row's
 * `external_id` as `source_id`).
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/** The API takes 1 to this many companies per enrichment order. */
const MAX_COMPANIES = 10_000;

/**
 * The company fields of an enrichment row, each with the spellings accepted for it (first wins).
 * The extra spellings are the columns of Order > Get Results, so its CSV can be ordered again.
 */
const COMPANY_FIELDS: Record<string, string[]> = {
	company_name: ['company_name', 'name'],
	website_url: ['website_url', 'website', 'domain'],
	external_id: ['external_id', 'source_id'],
	city: ['city'],
	country: ['country'],
};

/** A text or number cell as trimmed text; anything else as ''. */
export function cellText(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** A header or key as a field name: "Website URL", "website-url" and "website_url" are the same. */
export function columnKey(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/** One enrichment row from a record (a JSON object or a CSV row): trimmed, empty fields left out. */
export function toCompanyRow(record: IDataObject): IDataObject {
	const byKey = new Map<string, unknown>();
	for (const [key, value] of Object.entries(record)) {
		const name = columnKey(key);
		if (!byKey.has(name) || cellText(byKey.get(name)) === '') byKey.set(name, value);
	}
	const row: IDataObject = {};
	for (const [field, spellings] of Object.entries(COMPANY_FIELDS)) {
		const value = spellings.map((spelling) => cellText(byKey.get(spelling))).find(Boolean);
		if (value) row[field] = value;
	}
	return row;
}

/** Builds a row from already-mapped values (parameter name → body key done by the caller). */
export function compactRow(values: IDataObject): IDataObject {
	const row: IDataObject = {};
	for (const field of Object.keys(COMPANY_FIELDS)) {
		const value = cellText(values[field]);
		if (value !== '') row[field] = value;
	}
	return row;
}

export function hasNameOrWebsite(row: IDataObject): boolean {
	return row.company_name !== undefined || row.website_url !== undefined;
}

/** Index of the first row with neither company_name nor website_url, or -1. */
export function firstIncompleteRow(rows: IDataObject[]): number {
	return rows.findIndex((row) => !hasNameOrWebsite(row));
}

/** What is wrong with the number of rows, or undefined when it is within 1–10,000. */
export function companyCountProblem(count: number): string | undefined {
	if (count === 0) return 'there are no companies; an enrichment order needs 1 to 10,000';
	if (count > MAX_COMPANIES) {
		return `there are ${count.toLocaleString('en-US')} companies; an order takes at most 10,000`;
	}
	return undefined;
}

/** The external_id of an input item: the chosen value, else the item's index ("0", "1", …). */
export function externalIdFor(chosen: unknown, itemIndex: number): string {
	return cellText(chosen) || String(itemIndex);
}

/** Which input fields to copy into each result: a list of names, or every field. */
export type FieldSelection = string[] | 'all';

/** Reads "crm_id, owner" as a list and "*" as every field; an empty text selects nothing. */
export function parseFieldSelection(raw: string): FieldSelection | undefined {
	if (raw.trim() === '*') return 'all';
	const names = raw
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	return names.length > 0 ? [...new Set(names)] : undefined;
}

const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * The selected own fields of `record`. Built with Object.fromEntries, which defines each field,
 * so an own `__proto__` field is copied as data and never sets the prototype.
 */
export function pickFields(record: IDataObject, selection: FieldSelection): IDataObject {
	const names = selection === 'all' ? Object.keys(record) : selection;
	return Object.fromEntries(
		names.filter((name) => hasOwn(record, name)).map((name) => [name, record[name]]),
	) as IDataObject;
}

/** The key the input fields go under; `input_item` when the API itself returned an `input` field. */
function inputKeyFor(result: IDataObject): string {
	return hasOwn(result, 'input') ? 'input_item' : 'input';
}

export interface RepairOptions {
	/** The order's results, in any order. */
	results: IDataObject[];
	/** The external_id sent for each input item, by item index. */
	externalIds: string[];
	/** The input items' JSON, by item index; needed only with `merge`. */
	inputs?: IDataObject[];
	merge?: FieldSelection;
}

/**
 * One output item per result, paired to the input item whose external_id equals the result's
 * `source_id`. Results without a match (or without `source_id`) are paired to every input item.
 * With `merge`, the matching input item's chosen fields are added under `input`, never replacing
 * a field of the result; with several matching items (a repeated external_id) the first one's.
 */
export function repairResults(options: RepairOptions): INodeExecutionData[] {
	const itemsById = new Map<string, number[]>();
	options.externalIds.forEach((id, itemIndex) => {
		itemsById.set(id, [...(itemsById.get(id) ?? []), itemIndex]);
	});
	const everyItem: IPairedItemData[] = options.externalIds.map((_, item) => ({ item }));

	return options.results.map((result) => {
		const sourceId = cellText(result.source_id);
		const matches = sourceId === '' ? undefined : itemsById.get(sourceId);
		if (matches === undefined) return { json: result, pairedItem: everyItem };
		const json = { ...result };
		const input = options.inputs?.[matches[0]];
		if (options.merge && input) json[inputKeyFor(result)] = pickFields(input, options.merge);
		const pairedItem =
			matches.length === 1 ? { item: matches[0] } : matches.map((item) => ({ item }));
		return { json, pairedItem };
	});
}
