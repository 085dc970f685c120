import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { setSafeObjectProperty } from 'n8n-workflow';

import { invalidParameter } from './validation';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
			`is not valid JSON (${(error as Error).message})`,
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
function splitList(text: string): unknown[] {
	const trimmed = text.trim();
	if (trimmed.startsWith('[')) {
		try {
			const parsed = JSON.parse(trimmed) as unknown;
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON after all: read it as a comma-separated list.
		}
	}
	return trimmed.split(',');
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
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	return Array.isArray(raw) ? raw : splitList(String(raw ?? ''));
}

/**
 * Reads a list of IDs (see readListParameter). Values are trimmed; empty ones and duplicates are
 * dropped.
 */
export function readIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	const ids: string[] = [];
	for (const value of readListParameter(context, itemIndex, name)) {
		if (isObject(value) || Array.isArray(value)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`${JSON.stringify(value)} is not an ID`,
				'Give a list of IDs, e.g. id-1, id-2 or {{ ["id-1", "id-2"] }}.',
			);
		}
		const id = String(value ?? '').trim();
		if (id === '') continue;
		if (/[/?#]/.test(id)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`"${id}" is not an ID (it contains / ? or #)`,
			);
		}
		ids.push(id);
	}
	return [...new Set(ids)];
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
