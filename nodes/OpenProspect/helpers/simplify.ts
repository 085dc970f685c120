import type { IDataObject } from 'n8n-workflow';

import { isObject } from './json';

type Flat = string | number | boolean | null;

function isFlat(value: unknown): value is Flat {
	return (
		value === null ||
		typeof value === 'string' ||
		typeof value === 'number' ||
		typeof value === 'boolean'
	);
}

/** The first of `keys` (dotted paths allowed, e.g. `company.name`) that holds a flat value. */
function pick(record: IDataObject, keys: string[]): Flat | undefined {
	for (const key of keys) {
		const value = key.split('.').reduce<unknown>((node, part) => {
			return isObject(node) ? node[part] : undefined;
		}, record);
		if (isFlat(value)) return value;
	}
	return undefined;
}

/**
 * Builds a flat record from `fields` (output name → candidate source keys). The API's record
 * shapes are mostly undocumented, so each output field accepts a few plausible spellings, and
 * fields the record lacks are left out rather than set to null.
 */
function simplify(record: IDataObject, fields: Record<string, string[]>): IDataObject {
	const result: IDataObject = {};
	for (const [name, keys] of Object.entries(fields)) {
		const value = pick(record, keys);
		if (value !== undefined) result[name] = value;
	}
	return result;
}

// Readable fields first: n8n's table view shows columns in this order, and a UUID first pushes
// the name off screen.
const COMPANY_FIELDS: Record<string, string[]> = {
	name: ['name', 'company_name'],
	website: ['website', 'website_url', 'domain'],
	city: ['city'],
	country: ['country'],
	match_score: ['match_score'],
	business_type: ['business_type', 'industry'],
	review_status: ['review_status'],
	// Order results echo the enrichment row's `external_id` here, so results can be matched back.
	source_id: ['source_id', 'external_id'],
	id: ['id', 'company_id'],
	prospect_search_id: ['prospect_search_id'],
};

const PROSPECT_FIELDS: Record<string, string[]> = {
	id: ['id', 'prospect_id'],
	name: ['name', 'full_name'],
	first_name: ['first_name'],
	last_name: ['last_name'],
	title: ['title', 'job_title', 'role', 'position'],
	email: ['email', 'email_address'],
	phone: ['phone', 'phone_number'],
	linkedin_url: ['linkedin_url', 'linkedin'],
	company_id: ['company_id', 'company.id'],
	company_name: ['company_name', 'company.name'],
};

const ORDER_FIELDS: Record<string, string[]> = {
	id: ['id', 'order_id'],
	status: ['status'],
	order_type: ['order_type', 'type'],
	title: ['title'],
	briefing_quantity: ['briefing_quantity'],
	status_message: ['status_message', 'rejection_reason', 'message', 'reason'],
	profile_id: ['profile_id'],
	created_at: ['created_at'],
	updated_at: ['updated_at'],
	completed_at: ['completed_at'],
};

/** At most ten flat fields of an order: what it is, where it stands, and why. */
export function simplifyOrder(record: IDataObject): IDataObject {
	return simplify(record, ORDER_FIELDS);
}

/** At most ten flat fields of a company (list, detail, delivery or order-result record). */
export function simplifyCompany(record: IDataObject): IDataObject {
	return simplify(record, COMPANY_FIELDS);
}

/** At most ten flat fields of a prospect (contact person). */
export function simplifyProspect(record: IDataObject): IDataObject {
	const result = simplify(record, PROSPECT_FIELDS);
	if (result.name === undefined && (result.first_name || result.last_name)) {
		result.name = [result.first_name, result.last_name].filter(Boolean).join(' ');
	}
	return result;
}
