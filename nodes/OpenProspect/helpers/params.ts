import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { setSafeObjectProperty } from 'n8n-workflow';

import { asError, isObject } from './json';
import { idProblem, invalidParameter, quoted } from './validation';

const RESERVED_QUERY_PARAMETERS = new Set(['limit', 'offset']);

/**
 * Reads Options > Additional Query Parameters. `limit` and `offset` are refused: the node's own
 * pagination owns them. Repeated names become arrays (sent as repeated parameters).
 */
export function readAdditionalQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	collection = 'options',
): IDataObject {
	const raw = context.getNodeParameter(
		`${collection}.queryParameters.parameter`,
		itemIndex,
		[],
	) as Array<{
		name?: string;
		value?: string;
	}>;
	const query: IDataObject = {};
	for (const { name = '', value = '' } of raw) {
		const key = name.trim();
		if (key === '') continue;
		if (RESERVED_QUERY_PARAMETERS.has(key)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Additional Query Parameters',
				`"${key}" is set by the node itself`,
				'Use Return All / Limit instead.',
			);
		}
		const existing = query[key];
		if (existing === undefined) setSafeObjectProperty(query, key, value);
		else
			setSafeObjectProperty(
				query,
				key,
				Array.isArray(existing) ? [...existing, value] : [existing, value],
			);
	}
	return query;
}

/**
 * Reads a JSON parameter that may arrive as a string (typed in the editor) or as an object
 * (supplied by an AI agent or an expression).
 */
export function readJsonParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): unknown {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is not valid JSON (${asError(error).message})`,
		);
	}
}

export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

/** A body that is an object passes through; anything else is wrapped so output is always an object. */
export function asRecord(body: unknown): IDataObject {
	if (isObject(body)) return body;
	if (body === undefined || body === '') return {};
	return { data: body as IDataObject };
}

/** Options > Additional Body Fields: a JSON object merged into the request body. */
export function readAdditionalBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = readJsonParameter(
		context,
		itemIndex,
		'options.additionalBodyFields',
		'Additional Body Fields',
	);
	if (extra === undefined || extra === null) return {};
	if (!isObject(extra)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Additional Body Fields',
			'must be a JSON object',
			'e.g. {"title": "Q1 hotel prospects"}',
		);
	}
	return extra;
}

/** Comma-separated text, or a JSON array given as text. */
function splitList(text: string): { values: unknown[]; fromText: boolean } {
	const trimmed = text.trim();
	if (trimmed.startsWith('[')) {
		try {
			const parsed = JSON.parse(trimmed) as unknown;
			if (Array.isArray(parsed)) return { values: parsed, fromText: false };
		} catch {
			// Not JSON after all: read it as a comma-separated list.
		}
	}
	return { values: trimmed.split(','), fromText: true };
}

/**
 * The values of a list parameter given as comma-separated text, a JSON array string, or an array
 * (from an expression or an AI agent). The values are not checked or trimmed here.
 */
export function readListParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
): unknown[] {
	return readList(context, itemIndex, name).values;
}

function readList(context: IExecuteFunctions, itemIndex: number, name: string) {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	return Array.isArray(raw) ? { values: raw, fromText: false } : splitList(String(raw ?? ''));
}

/** How the elements of a list of names are checked, and what they are called in messages. */
interface NameKind {
	/** e.g. "an ID" */
	noun: string;
	/** The problem with a trimmed, non-empty element, or undefined when it is fine. */
	check: (value: string) => { problem: string; hint?: string } | undefined;
	example: string;
}

/**
 * The trimmed elements of a list of names, duplicates dropped. A list whose elements are all empty
 * is empty; otherwise an empty element is an error (it usually means a missing value), except a
 * single trailing comma in text.
 */
export function parseNameList(
	values: unknown[],
	fromText: boolean,
	kind: NameKind,
): string[] | { problem: string; hint?: string } {
	const texts: string[] = [];
	for (const value of values) {
		if (isObject(value) || Array.isArray(value)) {
			return { problem: `${JSON.stringify(value)} is not ${kind.noun}`, hint: kind.example };
		}
		texts.push(value === null || value === undefined ? '' : String(value).trim());
	}
	if (texts.every((text) => text === '')) return [];
	if (fromText && texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
	const empty = texts.indexOf('');
	if (empty !== -1) {
		return {
			problem: `element ${empty + 1} of ${texts.length} is empty`,
			hint: `Remove the extra comma or fill in the missing value. ${kind.example}`,
		};
	}
	for (const text of texts) {
		const failure = kind.check(text);
		if (failure) return failure;
	}
	return [...new Set(texts)];
}

function readNameList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	kind: NameKind,
): string[] {
	const { values, fromText } = readList(context, itemIndex, name);
	const result = parseNameList(values, fromText, kind);
	if (Array.isArray(result)) return result;
	throw invalidParameter(context, itemIndex, displayName, result.problem, result.hint);
}

const ID_LIST_EXAMPLE = 'Give a list of IDs, e.g. id-1, id-2 or {{ ["id-1", "id-2"] }}.';

export const ID_LIST: NameKind = {
	noun: 'an ID',
	check: (value) => {
		const failure = idProblem(value);
		return failure && { problem: failure.problem, hint: ID_LIST_EXAMPLE };
	},
	example: ID_LIST_EXAMPLE,
};

/** A field path of a field mask: snake_case names, nested ones joined by dots, or `*`. */
const FIELD_PATH = /^(\*|[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63})*)$/;

export const FIELD_MASK: NameKind = {
	noun: 'a field name',
	check: (value) =>
		FIELD_PATH.test(value)
			? undefined
			: {
					problem: `${quoted(value)} is not a field name (letters, digits and _, nested fields joined by .)`,
					hint: 'e.g. name, ideal_customer_profile',
				},
	example: 'Give field names, e.g. name, ideal_customer_profile.',
};

const TEXT_LIST_EXAMPLE = 'Give a list, e.g. SaaS, fintech or {{ ["SaaS", "fintech"] }}.';

const TEXT_LIST: NameKind = {
	noun: 'text',
	check: () => undefined,
	example: TEXT_LIST_EXAMPLE,
};

/** Reads a list of free-text values (e.g. industries): trimmed, duplicates dropped, no empty element. */
export function readTextList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	return readNameList(context, itemIndex, name, displayName, TEXT_LIST);
}

/** Reads a list of IDs (see readListParameter): trimmed, checked, duplicates dropped. */
export function readIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	return readNameList(context, itemIndex, name, displayName, ID_LIST);
}

/** Reads a field mask (e.g. Update Mask): field names, trimmed, checked, duplicates dropped. */
export function readFieldMask(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	return readNameList(context, itemIndex, name, displayName, FIELD_MASK);
}

/** "Put Output File in Field" / "Input Binary Field": a non-empty binary property name. */
export function readBinaryPropertyName(
	context: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
): string {
	const name = String(
		context.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
	).trim();
	if (name === '') throw invalidParameter(context, itemIndex, displayName, 'is empty');
	return name;
}

/** The output binary field when Output as CSV File is on, else undefined. */
export function readCsvOutputField(
	context: IExecuteFunctions,
	itemIndex: number,
): string | undefined {
	if (!(context.getNodeParameter('csvBinary', itemIndex, false) as boolean)) return undefined;
	return readBinaryPropertyName(context, itemIndex, 'Put Output File in Field');
}

/** The output of a delete operation: `deleted: true` (this node's contract) and `fields`. */
export function deletedItems(fields: IDataObject): INodeExecutionData[] {
	return toItems({ deleted: true, ...fields });
}
