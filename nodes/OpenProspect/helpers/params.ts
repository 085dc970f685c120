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
