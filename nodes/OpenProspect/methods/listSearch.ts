import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid } from '../helpers/validation';
import type { Page, PagedRequest } from '../transport';
import { readPages } from '../transport';
import { hasNextPage, PAGE_SIZE } from '../transport/pagination';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

interface ListSearchOptions {
	path: string;
	filter?: string;
	paginationToken?: string;
	qs?: IDataObject;
	/** Whether the endpoint filters by `search` itself; else the page is filtered here. */
	serverSearch?: boolean;
	toResult: (record: IDataObject) => INodeListSearchItems;
}

/** The first page `readPages` reads from `offset` (undefined for an empty list). */
async function firstPage(
	context: ILoadOptionsFunctions,
	request: PagedRequest,
): Promise<Page | undefined> {
	for await (const page of readPages.call(context, request)) return page;
	return undefined;
}

/**
 * One page of a list for a resource locator. The pagination token is the next offset. API errors
 * (and an answer that is not a list) surface: an empty list would hide a wrong key or a missing
 * scope.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	options: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const offset = Number(options.paginationToken ?? 0) || 0;
	const qs: IDataObject = { ...options.qs };
	if (options.serverSearch && options.filter) qs.search = options.filter;
	const page = await firstPage(context, {
		path: options.path,
		qs,
		startOffset: offset,
		limit: PAGE_SIZE,
	});
	const records = page?.items ?? [];
	const needle = options.serverSearch ? undefined : options.filter?.toLowerCase();
	const results = records
		.map(options.toResult)
		.filter(
			(result) =>
				!needle ||
				result.name.toLowerCase().includes(needle) ||
				String(result.value).toLowerCase().includes(needle),
		);
	const more = page !== undefined && hasNextPage(page, offset, PAGE_SIZE);
	return { results, paginationToken: more ? String(offset + records.length) : undefined };
}

/** " (Paused)" for a status other than active; nothing for active searches, the usual case. */
function statusLabel(status: unknown): string {
	const value = text(status)?.toLowerCase();
	if (!value || value === 'active') return '';
	return ` (${value.charAt(0).toUpperCase()}${value.slice(1).replace(/_/g, ' ')})`;
}

export async function searchProspectSearches(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchList(this, {
		path: '/api/v1/prospect-searches',
		filter,
		paginationToken,
		toResult: (record) => ({
			name: `${text(record.name) ?? String(record.id)}${statusLabel(record.status)}`,
			value: String(record.id),
			url: `https://app.openprospect.io/searches/${String(record.id)}`,
		}),
	});
}

export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchList(this, {
		path: '/api/v1/orders',
		filter,
		paginationToken,
		toResult: (record) => {
			const label = text(record.title) ?? text(record.order_type) ?? 'Order';
			const created = text(record.created_at)?.slice(0, 10);
			return {
				name: `${label} – ${String(record.status ?? 'unknown')}${created ? ` – ${created}` : ''} (${String(record.id)})`,
				value: String(record.id),
			};
		},
	});
}

export async function searchBlacklists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchList(this, {
		path: '/api/v1/blacklists',
		filter,
		paginationToken,
		toResult: (record) => ({
			name: text(record.name) ?? String(record.id),
			value: String(record.id),
		}),
	});
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	const prospectSearchId = String(
		this.getCurrentNodeParameter('prospectSearchId', { extractValue: true }) ?? '',
	);
	if (!isUuid(prospectSearchId)) {
		throw new NodeOperationError(this.getNode(), 'Choose a Prospect Search first', {
			description:
				'The company list belongs to a prospect search. Or switch to "By ID" and enter the company ID.',
		});
	}
	return await searchList(this, {
		path: '/api/v1/companies',
		filter,
		paginationToken,
		serverSearch: true,
		qs: { prospect_search_id: prospectSearchId },
		toResult: (record) => ({
			name: [text(record.name) ?? String(record.id), text(record.city)].filter(Boolean).join(', '),
			value: String(record.id),
			url: text(record.website),
		}),
	});
}

export async function searchProspects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchList(this, {
		path: '/api/v1/prospects',
		filter,
		paginationToken,
		toResult: (record) => ({
			name: [
				text(record.name) ?? text(record.full_name) ?? String(record.id),
				text(record.role) ?? text(record.title),
			]
				.filter(Boolean)
				.join(' – '),
			value: String(record.id),
		}),
	});
}
