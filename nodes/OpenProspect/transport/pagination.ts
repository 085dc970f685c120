import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../helpers/json';

/** The API's page size maximum. */
export const PAGE_SIZE = 100;

/** One list response as read from its body. */
export interface ParsedPage {
	items: IDataObject[];
	total?: number;
	hasMore?: boolean;
}

function toRecords(values: unknown[]): IDataObject[] {
	return values.map((value) =>
		isObject(value) ? value : { value: value as IDataObject[keyof IDataObject] },
	);
}

/**
 * Reads one list response. The docs show three envelopes (`items` with and without `has_more`, and
 * `orders`); other lists are undocumented, so any object with exactly one array property, or a bare
 * array, is accepted too. Returns undefined when the body is not a list at all.
 */
export function readPage(body: unknown): ParsedPage | undefined {
	if (Array.isArray(body)) return { items: toRecords(body) };
	if (!isObject(body)) return undefined;
	let list: unknown[] | undefined;
	if (Array.isArray(body.items)) list = body.items;
	else if (Array.isArray(body.orders)) list = body.orders;
	else {
		const arrays = Object.values(body).filter((value): value is unknown[] => Array.isArray(value));
		if (arrays.length === 1) list = arrays[0];
	}
	if (list === undefined) return undefined;
	return {
		items: toRecords(list),
		total: typeof body.total === 'number' ? body.total : undefined,
		hasMore: typeof body.has_more === 'boolean' ? body.has_more : undefined,
	};
}

/**
 * Whether another page should be requested after `page`, read at `offset` with `requested` as the
 * page size. `has_more` wins when present; else `total`; else a short page means the end.
 */
export function hasNextPage(page: ParsedPage, offset: number, requested: number): boolean {
	if (page.items.length === 0) return false;
	if (page.hasMore !== undefined) return page.hasMore;
	if (page.total !== undefined) return offset + page.items.length < page.total;
	return page.items.length >= requested;
}

export interface PagePlan {
	offset: number;
	limit: number;
}

/** Size of the next request: a full page, or just what is still missing to reach `wanted`. */
export function nextPagePlan(
	offset: number,
	collected: number,
	wanted: number | undefined,
	pageSize = PAGE_SIZE,
): PagePlan {
	const remaining = wanted === undefined ? pageSize : Math.min(pageSize, wanted - collected);
	return { offset, limit: remaining };
}
