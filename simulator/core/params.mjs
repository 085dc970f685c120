// Request parsing, paging and answer helpers shared by the route handlers.
import { issue, notFound, validationError } from './errors.mjs';

export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isNonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';

export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export const ok = (body, headers = {}) => ({ status: 200, body, headers });

export const created = (body) => ({ status: 201, body, headers: {} });

export const noContent = () => ({ status: 204, body: undefined, headers: {} });

export function requireObjectBody(body) {
	if (!isObject(body)) throw validationError([issue('body', 'must be a JSON object', body ?? null)], 'Request body must be a JSON object');
	return body;
}

function parseIntParam(query, name, { min, max, fallback }) {
	const raw = query.get(name);
	if (raw === null || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
		const range = max !== undefined ? `an integer between ${min} and ${max}` : `an integer >= ${min}`;
		throw validationError([issue(name, `must be ${range}`, Number.isNaN(value) ? raw : value, 'query')]);
	}
	return value;
}

export function parsePage(query) {
	return {
		limit: parseIntParam(query, 'limit', { min: 1, max: 100, fallback: 50 }),
		offset: parseIntParam(query, 'offset', { min: 0, fallback: 0 }),
	};
}

/** `{items, total, limit, offset, has_more}` (or another list key, or without `has_more`). */
export function paginate(items, { limit, offset }, { key = 'items', hasMore = true } = {}) {
	const slice = items.slice(offset, offset + limit);
	const envelope = { [key]: slice, total: items.length, limit, offset };
	if (hasMore) envelope.has_more = offset + slice.length < items.length;
	return envelope;
}

/** Repeated (`?a=x&a=y`) and comma-separated (`?a=x,y`) values, trimmed, empty ones dropped. */
export function listParam(query, name) {
	return query
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
}

export function parseDateParam(query, name) {
	const raw = query.get(name);
	if (raw === null || raw.trim() === '') return null;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) throw validationError([issue(name, 'must be an ISO 8601 datetime', raw, 'query')]);
	return ms;
}

export function checkStringFields(object, fields, prefix, issues) {
	for (const field of fields) {
		const value = object[field];
		if (value !== undefined && value !== null && typeof value !== 'string') issues.push(issue(`${prefix}${field}`, 'must be a string', value));
	}
}

export const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const fails = (text) => typeof text === 'string' && text.toLowerCase().includes('fail');

export function find(map, entityType, id) {
	const value = map.get(id);
	if (!value) throw notFound(entityType, id);
	return value;
}
