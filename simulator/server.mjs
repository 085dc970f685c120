// A stateful local simulator of the OpenProspect External API (see simulator/README.md).
// Node 20 built-ins only. Deterministic for a given seed: ids and data come from seeded PRNGs,
// order and profile-creation statuses are computed lazily from a controllable clock.

import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

import {
	createInitialState,
	createRng,
	domainOf,
	entryKey,
	generateCompany,
	generateJobs,
	generateOrderResults,
	generateWebtech,
	iso,
	makeEntry,
	summarizeJobs,
	summarizeWebtech,
} from './data.mjs';

// ---- constants --------------------------------------------------------------------------------

export const ALL_SCOPES = Object.freeze([
	'orders:read',
	'orders:write',
	'companies:read',
	'companies:write',
	'prospects:read',
	'prospect_searches:read',
	'prospect_searches:write',
	'blacklists:read',
	'blacklists:write',
	'deliveries:write',
]);
const READ_SCOPES = ALL_SCOPES.filter((scope) => scope.endsWith(':read'));
const DEFAULT_KEYS = Object.freeze({
	all: 'lnc_test_sim_all',
	readOnly: 'lnc_test_sim_readonly',
	ordersOnly: 'lnc_test_sim_orders',
	expired: 'lnc_test_sim_expired',
});
const KEY_SCOPES = Object.freeze({
	all: ALL_SCOPES,
	readOnly: READ_SCOPES,
	ordersOnly: ['orders:read', 'orders:write'],
	expired: ALL_SCOPES,
});

export const ORDER_STATUSES = Object.freeze(['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED']);
const TERMINAL_ORDER_STATUSES = new Set(['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED']);
/** Offsets (simulated ms after creation) of each order transition. */
export const ORDER_TIMELINE_MS = Object.freeze({ ACCEPTED: 2_000, IN_PROGRESS: 5_000, DONE: 10_000 });
/** Offsets (simulated ms after creation) of each profile-creation transition. */
export const PROFILE_TIMELINE_MS = Object.freeze({ RUNNING: 1_000, DONE: 3_000 });
const REJECTION_MESSAGE = 'Briefing quantity exceeds the monthly allowance';
const MAX_BRIEFING_QUANTITY = 5_000;
const REJECT_BRIEFING_QUANTITY = 1_000;
const MAX_COMPANIES_PER_ORDER = 10_000;
const MAX_ENTRIES_PER_CALL = 10_000;
const MAX_REPORTED_ERRORS = 100;
const MAX_BODY_BYTES = 25 * 1024 * 1024;
const MAX_LOG_ENTRIES = 5_000;
const REVIEW_STATUSES = ['accepted', 'rejected', 'pending'];
export const ERROR_FORMATS = Object.freeze(['current', 'flat', 'nested', 'oldest', 'fastapi']);
export const FAULT_KINDS = Object.freeze(['status', 'reset', 'resetMidBody', 'slow', 'malformed', 'html', 'statusAfterApply', 'resetAfterApply', 'timeoutAfterApply']);
/** Faults that strike before the request is processed (nothing is created). */
const PRE_PROCESSING_FAULTS = new Set(['status', 'reset', 'html']);
/** Faults whose answer replaces the handler's: an error status, a reset, or silence. */
const AFTER_APPLY_FAULTS = new Set(['statusAfterApply', 'resetAfterApply', 'timeoutAfterApply']);
/** The only endpoint the API documents as deduplicating a resend with the same Idempotency-Key. */
export const DOCUMENTED_IDEMPOTENT_ROUTES = Object.freeze(['POST /api/v1/search-profile-creations']);
const YEAR_MS = 366 * 86_400_000;
/** The largest clock offset accepted, either way: one (leap) year. */
export const MAX_CLOCK_OFFSET_MS = YEAR_MS;
const DEFAULT_TIMEOUT_FAULT_MS = 30_000;

// ---- errors -----------------------------------------------------------------------------------

class ApiError extends Error {
	constructor(status, code, message, { details = null, entity = null, retryAfter = null, headers = {} } = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = details;
		this.entity = entity;
		this.retryAfter = retryAfter;
		this.headers = headers;
	}
}

const NOT_FOUND = {
	order: ['ORDER_NOT_FOUND', 'Order'],
	prospect_search: ['PROSPECT_SEARCH_NOT_FOUND', 'Prospect search'],
	blacklist: ['BLACKLIST_NOT_FOUND', 'Blacklist'],
	company: ['COMPANY_NOT_FOUND', 'Company'],
	prospect: ['PROSPECT_NOT_FOUND', 'Prospect'],
	profile_creation: ['PROFILE_CREATION_NOT_FOUND', 'Search profile creation'],
};

function notFound(entityType, identifier) {
	const [code, label] = NOT_FOUND[entityType];
	return new ApiError(404, code, `${label} not found: ${identifier}`, { entity: { entity_type: entityType, identifier } });
}

/** A validation issue: `{field, error, provided}`; `location` only feeds the FastAPI `loc`. */
const issue = (field, error, provided, location = 'body') => ({ field, error, provided, location });

function validationError(issues, message) {
	const shown = issues.slice(0, MAX_REPORTED_ERRORS);
	const summary = shown.slice(0, 3).map((item) => `${item.field} ${item.error}`).join('; ');
	const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
	return new ApiError(422, 'VALIDATION_ERROR', message ?? `Validation failed: ${summary}${more}`, {
		details: { validation_errors: shown, ...(issues.length > shown.length ? { total_errors: issues.length } : {}) },
	});
}

const FAULT_STATUS_CODES = {
	400: 'INVALID_REQUEST',
	401: 'UNAUTHORIZED',
	403: 'AUTHORIZATION_ERROR',
	404: 'NOT_FOUND',
	409: 'CONFLICT',
	422: 'VALIDATION_ERROR',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_ERROR',
	502: 'BAD_GATEWAY',
	503: 'SERVICE_UNAVAILABLE',
	504: 'GATEWAY_TIMEOUT',
};

function publicDetails(details) {
	if (!details?.validation_errors) return details;
	return { ...details, validation_errors: details.validation_errors.map(({ field, error, provided }) => ({ field, error, provided })) };
}

function fastApiLoc(item) {
	const parts = String(item.field)
		.split(/[.[\]]+/)
		.filter(Boolean)
		.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
	return [item.location, ...parts];
}

/** The JSON error body in one of the documented (and one undocumented) shapes. */
function errorBody(format, err) {
	const details = publicDetails(err.details);
	const { code, message, entity } = err;
	switch (format) {
		case 'flat':
			return entity ? { code, message, ...entity } : { code, message, ...(details ? { details } : {}) };
		case 'nested':
			return { error: { code, message, details: details ?? entity ?? null } };
		case 'oldest':
			return { error: code, message, ...(err.retryAfter != null ? { retry_after: err.retryAfter } : {}) };
		case 'fastapi':
			return err.details?.validation_errors
				? { detail: err.details.validation_errors.map((item) => ({ loc: fastApiLoc(item), msg: item.error, type: 'value_error', input: item.provided ?? null })) }
				: { detail: message };
		default:
			// Entity 404s also carry the flat `entity_type`/`identifier`, as the real API does.
			return { code, message, details: details ?? entity ?? null, ...(entity ?? {}) };
	}
}

// ---- small helpers ----------------------------------------------------------------------------

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const ok = (body, headers = {}) => ({ status: 200, body, headers });
const created = (body) => ({ status: 201, body, headers: {} });
const noContent = () => ({ status: 204, body: undefined, headers: {} });

function stableStringify(value) {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (isObject(value)) {
		const keys = Object.keys(value)
			.filter((key) => value[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function requireObjectBody(body) {
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

function parsePage(query) {
	return {
		limit: parseIntParam(query, 'limit', { min: 1, max: 100, fallback: 50 }),
		offset: parseIntParam(query, 'offset', { min: 0, fallback: 0 }),
	};
}

/** `{items, total, limit, offset, has_more}` (or another list key, or without `has_more`). */
function paginate(items, { limit, offset }, { key = 'items', hasMore = true } = {}) {
	const slice = items.slice(offset, offset + limit);
	const envelope = { [key]: slice, total: items.length, limit, offset };
	if (hasMore) envelope.has_more = offset + slice.length < items.length;
	return envelope;
}

/** Repeated (`?a=x&a=y`) and comma-separated (`?a=x,y`) values, trimmed, empty ones dropped. */
function listParam(query, name) {
	return query
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
}

function parseDateParam(query, name) {
	const raw = query.get(name);
	if (raw === null || raw.trim() === '') return null;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) throw validationError([issue(name, 'must be an ISO 8601 datetime', raw, 'query')]);
	return ms;
}

function checkStringFields(object, fields, prefix, issues) {
	for (const field of fields) {
		const value = object[field];
		if (value !== undefined && value !== null && typeof value !== 'string') issues.push(issue(`${prefix}${field}`, 'must be a string', value));
	}
}

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const fails = (text) => typeof text === 'string' && text.toLowerCase().includes('fail');

// ---- clock, rate limiter, faults --------------------------------------------------------------

function checkClockOffset(ms) {
	if (!Number.isFinite(ms) || Math.abs(ms) > MAX_CLOCK_OFFSET_MS) throw new RangeError(`clockOffsetMs must be a finite number of ms within ±${MAX_CLOCK_OFFSET_MS} (one year)`);
	return Math.trunc(ms);
}

/**
 * The server's clock: the caller's clock (`baseNow`) at start, plus `clockOffsetMs` (the server's
 * clock running ahead of, or behind, the caller's), then elapsed base time times `speed`, plus
 * whatever `advance` added.
 */
function createClock(baseNow, speed, clockOffsetMs) {
	const start = baseNow();
	let advanced = 0;
	let skew = checkClockOffset(clockOffsetMs);
	const now = () => Math.floor(start + skew + (baseNow() - start) * speed + advanced);
	return {
		now,
		advance(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock.advance(ms) needs a finite ms >= 0');
			advanced += ms;
			return now();
		},
		get offsetMs() {
			return skew;
		},
		setOffset(ms) {
			skew = checkClockOffset(ms);
			return now();
		},
	};
}

/** RFC 7231 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
const httpDate = (ms) => new Date(ms).toUTCString();

function checkVisibilityDelay(ms) {
	if (!Number.isFinite(ms) || ms < 0 || ms > YEAR_MS) throw new RangeError('deliveryVisibilityDelayMs must be a number of ms between 0 and one year');
	return Math.trunc(ms);
}

/** Route keys that honour Idempotency-Key; `'all'` = every route that accepts one (the old behaviour). */
function checkIdempotentRoutes(routes) {
	const accepting = ROUTES.filter((route) => route.idempotency).map((route) => route.key);
	if (routes === 'all') return new Set(accepting);
	if (!Array.isArray(routes)) throw new TypeError("idempotentRoutes must be an array of route keys or 'all'");
	for (const key of routes) if (!accepting.includes(key)) throw new TypeError(`idempotentRoutes: ${key} is not a route that accepts an Idempotency-Key (${accepting.join(', ')})`);
	return new Set(routes);
}

function validateRateLimit(config) {
	if (config === null || config === undefined) return null;
	const { requestsPerSecond, burst } = config;
	if (!(requestsPerSecond > 0)) throw new RangeError('rateLimit.requestsPerSecond must be > 0');
	if (burst !== undefined && !(burst >= 1)) throw new RangeError('rateLimit.burst must be >= 1');
	return { requestsPerSecond, burst: burst ?? Math.max(1, requestsPerSecond) };
}

/** Token bucket per API key, on real (not simulated) time. */
function createRateLimiter(initial) {
	let config = validateRateLimit(initial);
	const buckets = new Map();
	return {
		set(next) {
			config = validateRateLimit(next);
			buckets.clear();
		},
		take(keyName) {
			if (!config) return null;
			const { requestsPerSecond: rate, burst } = config;
			const at = performance.now();
			const bucket = buckets.get(keyName) ?? { tokens: burst, at };
			bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * rate);
			bucket.at = at;
			buckets.set(keyName, bucket);
			const headers = { 'X-RateLimit-Limit': String(rate) };
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return { ok: true, headers: { ...headers, 'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)) } };
			}
			const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
			return { ok: false, retryAfter, rate, headers: { ...headers, 'X-RateLimit-Remaining': '0' } };
		},
	};
}

function normalizeFault(rule) {
	if (!isObject(rule) || !FAULT_KINDS.includes(rule.kind)) throw new TypeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
	const match = rule.match ?? {};
	let method = match.method?.toUpperCase();
	let route = match.route;
	if (typeof route === 'string') {
		const prefixed = /^([A-Z]+) (\/.*)$/.exec(route);
		if (prefixed) [, method, route] = prefixed;
	}
	const literal = typeof route === 'string' && /^\/[\w\-/{}.]*$/.test(route);
	const regex = route instanceof RegExp ? route : typeof route === 'string' && !literal ? new RegExp(route) : null;
	return { ...rule, method, route, literal, regex, remaining: rule.times ?? Infinity, fired: 0 };
}

function faultMatches(rule, method, path, template) {
	if (rule.method && rule.method !== method) return false;
	if (rule.route === undefined) return true;
	if (rule.literal) return rule.route === template || rule.route === path;
	return rule.regex.test(path);
}

function createFaults(seed, initial) {
	const rng = createRng(seed, 'faults');
	let rules = [];
	const api = {
		set(list) {
			rules = (list ?? []).map(normalizeFault);
		},
		/** The first rule that matches and fires (consumes one of its `times`). */
		pick(method, path, template) {
			for (const rule of rules) {
				if (rule.remaining <= 0 || !faultMatches(rule, method, path, template)) continue;
				if (rule.probability !== undefined && !(rng.next() < rule.probability)) continue;
				rule.remaining -= 1;
				rule.fired += 1;
				return rule;
			}
			return null;
		},
	};
	api.set(initial);
	return api;
}

// ---- views ------------------------------------------------------------------------------------

function orderTimeline(order) {
	const t0 = order.created_ms;
	const steps = [{ status: 'RECEIVED', at: t0, message: null }];
	if (order.order_type === 'DISCOVERY' && order.briefing_quantity >= REJECT_BRIEFING_QUANTITY) {
		steps.push({ status: 'REJECTED', at: t0 + ORDER_TIMELINE_MS.ACCEPTED, message: REJECTION_MESSAGE });
		return steps;
	}
	steps.push({ status: 'ACCEPTED', at: t0 + ORDER_TIMELINE_MS.ACCEPTED, message: null });
	steps.push({ status: 'IN_PROGRESS', at: t0 + ORDER_TIMELINE_MS.IN_PROGRESS, message: null });
	steps.push(
		fails(order.profile_id)
			? { status: 'FAILED', at: t0 + ORDER_TIMELINE_MS.DONE, message: `Fulfilment failed for profile ${order.profile_id}. Contact support with the order id.` }
			: { status: 'COMPLETED', at: t0 + ORDER_TIMELINE_MS.DONE, message: null },
	);
	return steps;
}

function orderStatusAt(order, now) {
	if (order.override) return order.override;
	return orderTimeline(order).reduce((current, step) => (step.at <= now ? step : current));
}

function orderView(order, now) {
	const state = orderStatusAt(order, now);
	const enrichment = order.order_type === 'ENRICHMENT';
	return {
		id: order.id,
		status: state.status,
		order_type: order.order_type,
		profile_id: order.profile_id,
		briefing_quantity: order.briefing_quantity,
		company_count: enrichment ? order.submitted_companies.length : state.status === 'COMPLETED' ? order.briefing_quantity : 0,
		created_at: iso(order.created_ms),
		updated_at: iso(state.at),
		completed_at: TERMINAL_ORDER_STATUSES.has(state.status) ? iso(state.at) : null,
		status_message: state.message ?? null,
	};
}

function profileCreationView(record, now) {
	const t0 = record.created_ms;
	const doneAt = t0 + PROFILE_TIMELINE_MS.DONE;
	const failed = fails(record.profile_name);
	let status = 'PENDING';
	let at = t0;
	if (now >= doneAt) [status, at] = [failed ? 'FAILED' : 'SUCCEEDED', doneAt];
	else if (now >= t0 + PROFILE_TIMELINE_MS.RUNNING) [status, at] = ['RUNNING', t0 + PROFILE_TIMELINE_MS.RUNNING];
	return {
		id: record.id,
		status,
		profile_name: record.profile_name,
		profile_id: status === 'SUCCEEDED' ? record.profile_id : null,
		error_message: status === 'FAILED' ? `Could not build a search profile from "${record.profile_name}": the ideal customer profile is too vague. Retry with a new Idempotency-Key.` : null,
		created_at: iso(t0),
		updated_at: iso(at),
		completed_at: status === 'SUCCEEDED' || status === 'FAILED' ? iso(at) : null,
	};
}

// ---- lookups ----------------------------------------------------------------------------------

function find(map, entityType, id) {
	const value = map.get(id);
	if (!value) throw notFound(entityType, id);
	return value;
}

const companiesOfSearch = (state, searchId) => [...state.companies.values()].filter((company) => company.prospect_search_id === searchId);

function searchView(state, search) {
	return { ...clone(search), company_count: companiesOfSearch(state, search.id).length, blacklist_ids: [...state.assignments.get(search.id)] };
}

function blacklistView(state, blacklist) {
	return { ...blacklist, entry_count: state.blacklistEntries.get(blacklist.id).length };
}

/** Predicate for companies hidden by the blacklists assigned to a search (null when none). */
function blacklistMatcher(state, searchId) {
	const entries = (state.assignments.get(searchId) ?? []).flatMap((id) => state.blacklistEntries.get(id) ?? []);
	if (entries.length === 0) return null;
	const lower = (text) => String(text ?? '').trim().toLowerCase();
	const externalIds = new Set(entries.map((entry) => entry.external_id).filter(Boolean));
	const domains = new Set(entries.map((entry) => domainOf(entry.website_url)).filter(Boolean));
	const nameCity = new Set(entries.filter((entry) => entry.company_name && entry.city).map((entry) => `${lower(entry.company_name)}|${lower(entry.city)}`));
	const names = new Set(entries.filter((entry) => entry.company_name && !entry.city).map((entry) => lower(entry.company_name)));
	return (company) =>
		(company.source_id && externalIds.has(company.source_id)) ||
		domains.has(company.domain) ||
		nameCity.has(`${lower(company.name)}|${lower(company.city)}`) ||
		names.has(lower(company.name));
}

/** The seeded delay (0..max ms) after its `delivered_at` before a company shows in lists. */
function visibilityDelay(sim, companyId) {
	if (sim.visibilityDelayMs === 0) return 0;
	let delay = sim.visibilityDelays.get(companyId);
	if (delay === undefined) {
		delay = Math.floor(createRng(sim.seed, 'visibility', companyId).next() * (sim.visibilityDelayMs + 1));
		sim.visibilityDelays.set(companyId, delay);
	}
	return delay;
}

/**
 * A search's companies not hidden by its blacklists, sorted by `delivered_at` then id, with their
 * delivery times in ms. Rebuilt only when something may have changed: the many pages of a large
 * delivery are then served without re-sorting it for every page.
 */
function deliveryIndex(sim, searchId) {
	const { state } = sim;
	const assigned = state.assignments.get(searchId);
	const cached = sim.deliveryIndexes.get(searchId);
	if (cached && cached.generation === sim.generation && cached.size === state.companies.size && cached.assigned === assigned) return cached;
	const hidden = blacklistMatcher(state, searchId);
	const entries = companiesOfSearch(state, searchId)
		.filter((company) => !hidden?.(company))
		.map((company) => ({ company, ms: Date.parse(company.delivered_at) }))
		.sort((a, b) => a.ms - b.ms || byId(a.company, b.company));
	const index = { generation: sim.generation, size: state.companies.size, assigned, companies: entries.map((entry) => entry.company), ms: entries.map((entry) => entry.ms) };
	sim.deliveryIndexes.set(searchId, index);
	return index;
}

/** First position whose value is >= target in an ascending array. */
function lowerBound(values, target) {
	let [low, high] = [0, values.length];
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (values[mid] < target) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Companies of a search that the lists show now (delivered, and visible after their delay), from `sinceMs` on, in delivery order. */
function visibleCompanies(sim, searchId, sinceMs = null) {
	const { companies, ms } = deliveryIndex(sim, searchId);
	const now = sim.clock.now();
	const start = sinceMs === null ? 0 : lowerBound(ms, sinceMs);
	const end = lowerBound(ms, now + 1);
	if (sim.visibilityDelayMs === 0) return companies.slice(start, end);
	const visible = [];
	for (let i = start; i < end; i++) if (ms[i] + visibilityDelay(sim, companies[i].id) <= now) visible.push(companies[i]);
	return visible;
}

// ---- handlers: auth, orders -------------------------------------------------------------------

const health = () => ok({ service: 'OpenProspect API', status: 'healthy' });
const validateKey = (sim, { key }) => ok({ valid: true, scopes: [...key.scopes] });

function validateCompanyRows(companies, issues) {
	if (!Array.isArray(companies)) return issues.push(issue('companies', 'must be an array of companies', companies));
	if (companies.length < 1 || companies.length > MAX_COMPANIES_PER_ORDER) {
		return issues.push(issue('companies', `must contain between 1 and ${MAX_COMPANIES_PER_ORDER} companies`, companies.length));
	}
	companies.forEach((row, index) => {
		const prefix = `companies[${index}]`;
		if (!isObject(row)) return issues.push(issue(prefix, 'must be an object', row));
		checkStringFields(row, ['company_name', 'website_url', 'external_id', 'city', 'country'], `${prefix}.`, issues);
		if (!isNonEmptyString(row.company_name) && !isNonEmptyString(row.website_url)) {
			issues.push(issue(`${prefix}.company_name`, 'company_name or website_url is required', row));
		}
	});
}

function parseOrderBody(body) {
	const hasCompanies = body.companies !== undefined && body.companies !== null;
	const hasQuantity = body.briefing_quantity !== undefined && body.briefing_quantity !== null;
	if (hasCompanies && hasQuantity) {
		throw validationError(
			[issue('briefing_quantity', 'must not be sent with companies (enrichment orders derive it from companies)', body.briefing_quantity)],
			'Send either briefing_quantity (discovery order) or companies (enrichment order), not both',
		);
	}
	if (!hasCompanies && !hasQuantity) {
		throw validationError([issue('briefing_quantity', 'briefing_quantity (discovery) or companies (enrichment) is required', null)], 'Send briefing_quantity (discovery order) or companies (enrichment order)');
	}
	const orderType = hasQuantity ? 'DISCOVERY' : 'ENRICHMENT';
	const issues = [];
	if (body.profile_id !== undefined && body.profile_id !== null && !isNonEmptyString(body.profile_id)) issues.push(issue('profile_id', 'must be a non-empty string', body.profile_id));
	if (orderType === 'DISCOVERY' && (body.profile_id === undefined || body.profile_id === null)) issues.push(issue('profile_id', 'is required for discovery orders', null));
	if (body.order_type !== undefined && body.order_type !== orderType) issues.push(issue('order_type', `must be ${orderType} for this body`, body.order_type));
	if (hasQuantity) {
		const quantity = body.briefing_quantity;
		if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_BRIEFING_QUANTITY) {
			issues.push(issue('briefing_quantity', `must be an integer between 1 and ${MAX_BRIEFING_QUANTITY}`, quantity));
		}
	} else {
		validateCompanyRows(body.companies, issues);
	}
	if (issues.length) throw validationError(issues);
	const submitted = hasCompanies
		? body.companies.map((row) => Object.fromEntries(['company_name', 'website_url', 'external_id', 'city', 'country'].filter((field) => row[field] != null).map((field) => [field, row[field]])))
		: [];
	return {
		order_type: orderType,
		profile_id: body.profile_id ?? null,
		briefing_quantity: hasQuantity ? body.briefing_quantity : submitted.length,
		submitted_companies: submitted,
	};
}

function createOrder(sim, { body }) {
	const input = parseOrderBody(requireObjectBody(body));
	const order = { id: sim.ids.uuid(), ...input, created_ms: sim.clock.now(), override: null, results: null };
	sim.state.orders.set(order.id, order);
	return created(orderView(order, sim.clock.now()));
}

function listOrders(sim, { query }) {
	const page = parsePage(query);
	const statuses = listParam(query, 'status').map((status) => status.toUpperCase());
	const unknown = statuses.filter((status) => !ORDER_STATUSES.includes(status));
	if (unknown.length) throw validationError([issue('status', `must be one of ${ORDER_STATUSES.join(', ')}`, unknown.join(','), 'query')]);
	const now = sim.clock.now();
	const views = [...sim.state.orders.values()]
		.map((order) => orderView(order, now))
		.filter((view) => statuses.length === 0 || statuses.includes(view.status))
		.sort((a, b) => (a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : -byId(a, b)));
	return ok(paginate(views, page, { key: 'orders' }));
}

const getOrder = (sim, { params }) => ok(orderView(find(sim.state.orders, 'order', params.order_id), sim.clock.now()));

function getOrderResults(sim, { params, query }) {
	const order = find(sim.state.orders, 'order', params.order_id);
	const page = parsePage(query);
	const view = orderView(order, sim.clock.now());
	if (view.status !== 'COMPLETED') {
		throw new ApiError(409, 'ORDER_NOT_COMPLETED', `Order ${order.id} is ${view.status}; results are available once it is COMPLETED`, {
			details: { order_id: order.id, status: view.status },
		});
	}
	order.results ??= generateOrderResults(sim.seed, order);
	return ok(paginate(order.results, page));
}

// ---- handlers: deliveries, prospect searches, assignments -------------------------------------

function listDeliveries(sim, { params, query }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const since = parseDateParam(query, 'delivered_since');
	const page = parsePage(query);
	return ok(paginate(visibleCompanies(sim, search.id, since), page));
}

function listSearches(sim, { query }) {
	const page = parsePage(query);
	const views = [...sim.state.prospectSearches.values()].map((search) => searchView(sim.state, search));
	return ok(paginate(views, page, { hasMore: false }));
}

const getSearch = (sim, { params }) => ok(searchView(sim.state, find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id)));

const EDITABLE_SEARCH_FIELDS = ['name', 'ideal_customer_profile'];
const ADMIN_SEARCH_FIELDS = ['geo_locations', 'search_keywords'];
const isReadOnlySearchField = (field) => field === 'language_config' || field.endsWith('_extraction_commands');

function patchSearch(sim, { params, body }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	requireObjectBody(body);
	const issues = [];
	if (!Number.isInteger(body.version)) issues.push(issue('version', 'is required and must be an integer', body.version ?? null));
	const mask = body.update_mask;
	if (mask !== undefined && (!Array.isArray(mask) || !mask.every((field) => typeof field === 'string'))) issues.push(issue('update_mask', 'must be an array of field names', mask));
	const candidates = Array.isArray(mask) && mask.length > 0 ? mask : Object.keys(body).filter((field) => field !== 'version' && field !== 'update_mask');
	for (const field of candidates.filter(isReadOnlySearchField)) issues.push(issue(field, 'is read-only', body[field] ?? null));
	if (Array.isArray(mask)) {
		for (const field of mask) {
			if (![...EDITABLE_SEARCH_FIELDS, ...ADMIN_SEARCH_FIELDS].includes(field) && !isReadOnlySearchField(field)) issues.push(issue(`update_mask`, `unknown field ${field}`, field));
		}
	}
	if ('name' in body && candidates.includes('name') && (!isNonEmptyString(body.name) || body.name.length > 200)) issues.push(issue('name', 'must be a non-empty string of at most 200 characters', body.name));
	if ('ideal_customer_profile' in body && candidates.includes('ideal_customer_profile') && typeof body.ideal_customer_profile !== 'string') {
		issues.push(issue('ideal_customer_profile', 'must be a string', body.ideal_customer_profile));
	}
	if (issues.length) throw validationError(issues);
	if (body.version !== search.version) {
		throw new ApiError(409, 'VERSION_CONFLICT', `Prospect search ${search.id} is at version ${search.version}, not ${body.version}; fetch it again and retry`, {
			details: { current_version: search.version, provided_version: body.version },
		});
	}
	const strippedFields = candidates.filter((field) => ADMIN_SEARCH_FIELDS.includes(field) && field in body);
	const applied = candidates.filter((field) => EDITABLE_SEARCH_FIELDS.includes(field) && field in body);
	for (const field of applied) search[field] = body[field];
	if (applied.length) {
		search.version += 1;
		search.updated_at = iso(sim.clock.now());
	}
	return ok({ ...searchView(sim.state, search), stripped_fields: strippedFields });
}

function listAssigned(sim, { params, query }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const page = parsePage(query);
	const blacklists = sim.state.assignments.get(search.id).map((id) => blacklistView(sim.state, sim.state.blacklists.get(id)));
	return ok(paginate(blacklists, page));
}

function setAssigned(sim, { params, body }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const ids = requireObjectBody(body).blacklist_ids;
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw validationError([issue('blacklist_ids', 'must be an array of blacklist ids', ids ?? null)]);
	const unknown = ids.map((id, index) => [id, index]).filter(([id]) => !sim.state.blacklists.has(id));
	if (unknown.length) throw validationError(unknown.map(([id, index]) => issue(`blacklist_ids[${index}]`, 'blacklist not found', id)));
	const unique = [...new Set(ids)];
	sim.state.assignments.set(search.id, unique);
	const items = unique.map((id) => blacklistView(sim.state, sim.state.blacklists.get(id)));
	return ok({ prospect_search_id: search.id, blacklist_ids: unique, items, total: items.length });
}

// ---- handlers: companies, prospects -----------------------------------------------------------

function listCompanies(sim, { query }) {
	const searchId = query.get('prospect_search_id');
	if (!searchId) throw validationError([issue('prospect_search_id', 'is required', null, 'query')]);
	const page = parsePage(query);
	const issues = [];
	const minRaw = query.get('min_match_score');
	const minScore = minRaw === null || minRaw === '' ? null : Number(minRaw);
	if (minScore !== null && (Number.isNaN(minScore) || minScore < 0 || minScore > 10)) issues.push(issue('min_match_score', 'must be a number between 0 and 10', minRaw, 'query'));
	const single = query.get('review_status');
	const list = listParam(query, 'review_status_list');
	const statuses = list.length ? list : single ? [single] : [];
	for (const status of statuses) if (!REVIEW_STATUSES.includes(status)) issues.push(issue(list.length ? 'review_status_list' : 'review_status', `must be one of ${REVIEW_STATUSES.join(', ')}`, status, 'query'));
	if (issues.length) throw validationError(issues);
	const search = find(sim.state.prospectSearches, 'prospect_search', searchId);
	const text = (query.get('search') ?? '').trim().toLowerCase();
	const haystack = (company) =>
		[company.name, company.city, company.business_type, company.industry, ...company.prospects.flatMap((prospect) => [prospect.name, prospect.role, prospect.email])].join('\n').toLowerCase();
	const items = visibleCompanies(sim, search.id)
		.filter((company) => minScore === null || company.match_score >= minScore)
		.filter((company) => statuses.length === 0 || statuses.includes(company.review_status))
		.filter((company) => !text || haystack(company).includes(text))
		.sort((a, b) => b.match_score - a.match_score || byId(a, b));
	return ok(paginate(items, page));
}

const getCompany = (sim, { params }) => ok(find(sim.state.companies, 'company', params.company_id));

function cached(sim, kind, company, build) {
	const key = `${kind}:${company.id}`;
	if (!sim.cache.has(key)) sim.cache.set(key, build(sim.seed, company));
	return sim.cache.get(key);
}

function listJobs(sim, { params, query }) {
	const company = find(sim.state.companies, 'company', params.company_id);
	return ok(paginate(cached(sim, 'jobs', company, generateJobs), parsePage(query)));
}

function jobsSummary(sim, { params }) {
	const company = find(sim.state.companies, 'company', params.company_id);
	return ok(summarizeJobs(company, cached(sim, 'jobs', company, generateJobs)));
}

const webtech = (sim, { params }) => ok(cached(sim, 'webtech', find(sim.state.companies, 'company', params.company_id), generateWebtech));
const webtechSummary = (sim, ctx) => ok(summarizeWebtech(webtech(sim, ctx).body));

function listProspects(sim, { query }) {
	const page = parsePage(query);
	const searchId = query.get('prospect_search_id');
	const companyId = query.get('company_id');
	const items = [...sim.state.prospects.values()].filter(
		(prospect) => (!searchId || prospect.prospect_search_id === searchId) && (!companyId || prospect.company_id === companyId),
	);
	return ok(paginate(items, page));
}

const getProspect = (sim, { params }) => ok(find(sim.state.prospects, 'prospect', params.prospect_id));

// ---- handlers: blacklists ---------------------------------------------------------------------

function validateBlacklistFields(body, { requireName }) {
	const issues = [];
	if ((requireName || 'name' in body) && (!isNonEmptyString(body.name) || body.name.length > 200)) issues.push(issue('name', 'must be a non-empty string of at most 200 characters', body.name ?? null));
	if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') issues.push(issue('description', 'must be a string or null', body.description));
	if (!requireName && !('name' in body) && !('description' in body)) issues.push(issue('body', 'send name and/or description', null));
	if (issues.length) throw validationError(issues);
}

function createBlacklist(sim, { body }) {
	validateBlacklistFields(requireObjectBody(body), { requireName: true });
	const at = iso(sim.clock.now());
	const blacklist = { id: sim.ids.uuid(), name: body.name, description: body.description ?? null, created_at: at, updated_at: at };
	sim.state.blacklists.set(blacklist.id, blacklist);
	sim.state.blacklistEntries.set(blacklist.id, []);
	return created(blacklistView(sim.state, blacklist));
}

function listBlacklists(sim, { query }) {
	const page = parsePage(query);
	return ok(paginate([...sim.state.blacklists.values()].map((blacklist) => blacklistView(sim.state, blacklist)), page));
}

const getBlacklist = (sim, { params }) => ok(blacklistView(sim.state, find(sim.state.blacklists, 'blacklist', params.blacklist_id)));

function updateBlacklist(sim, { params, body }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	validateBlacklistFields(requireObjectBody(body), { requireName: false });
	if ('name' in body) blacklist.name = body.name;
	if ('description' in body) blacklist.description = body.description ?? null;
	blacklist.updated_at = iso(sim.clock.now());
	return ok(blacklistView(sim.state, blacklist));
}

function deleteBlacklist(sim, { params }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	sim.state.blacklists.delete(blacklist.id);
	sim.state.blacklistEntries.delete(blacklist.id);
	for (const [searchId, ids] of sim.state.assignments) sim.state.assignments.set(searchId, ids.filter((id) => id !== blacklist.id));
	return noContent();
}

function addEntries(sim, { params, body }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	const entries = requireObjectBody(body).entries;
	if (!Array.isArray(entries) || entries.length < 1) throw validationError([issue('entries', 'must be a non-empty array of entries', entries ?? null)]);
	if (entries.length > MAX_ENTRIES_PER_CALL) {
		throw validationError([issue('entries', `must contain at most ${MAX_ENTRIES_PER_CALL} entries per call`, entries.length)], `At most ${MAX_ENTRIES_PER_CALL} entries per call; split the list into batches`);
	}
	const issues = [];
	entries.forEach((entry, index) => {
		const prefix = `entries[${index}]`;
		if (!isObject(entry)) return issues.push(issue(prefix, 'must be an object', entry));
		checkStringFields(entry, ['company_name', 'website_url', 'external_id', 'city'], `${prefix}.`, issues);
		if (!['company_name', 'website_url', 'external_id'].some((field) => isNonEmptyString(entry[field]))) {
			issues.push(issue(prefix, 'needs company_name, website_url or external_id', entry));
		}
	});
	if (issues.length) throw validationError(issues);
	const list = sim.state.blacklistEntries.get(blacklist.id);
	const seen = new Set(list.map(entryKey));
	const at = iso(sim.clock.now());
	let added = 0;
	for (const entry of entries) {
		const key = entryKey(entry);
		if (seen.has(key)) continue;
		seen.add(key);
		list.push(makeEntry(sim.ids.uuid(), blacklist.id, entry, at));
		added += 1;
	}
	if (added) blacklist.updated_at = at;
	return created({ added, skipped_duplicates: entries.length - added, total_entries: list.length });
}

function listEntries(sim, { params, query }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	return ok(paginate(sim.state.blacklistEntries.get(blacklist.id), parsePage(query)));
}

function deleteEntries(sim, { params, body, query }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	const ids = isObject(body) ? body.entry_ids : listParam(query, 'entry_ids');
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
		throw validationError([issue('entry_ids', 'must be a non-empty array of entry ids', ids ?? null)]);
	}
	const remove = new Set(ids);
	const list = sim.state.blacklistEntries.get(blacklist.id);
	const kept = list.filter((entry) => !remove.has(entry.id));
	sim.state.blacklistEntries.set(blacklist.id, kept);
	const deleted = list.length - kept.length;
	if (deleted) blacklist.updated_at = iso(sim.clock.now());
	return ok({ deleted });
}

// ---- handlers: search profile creations -------------------------------------------------------

const PROFILE_LIST_FIELDS = ['target_countries', 'target_cities', 'target_industries', 'excluded_industries', 'contact_roles'];

function createProfileCreation(sim, { body }) {
	requireObjectBody(body);
	const issues = [];
	if (!isNonEmptyString(body.profile_name)) issues.push(issue('profile_name', 'is required and must be a non-empty string', body.profile_name ?? null));
	checkStringFields(body, ['ideal_customer_profile', 'seller_offering', 'seller_industry', 'output_language'], '', issues);
	for (const field of PROFILE_LIST_FIELDS) {
		const value = body[field];
		if (value !== undefined && value !== null && (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))) issues.push(issue(field, 'must be an array of strings', value));
	}
	if (issues.length) throw validationError(issues);
	const record = { id: sim.ids.uuid(), profile_id: sim.ids.uuid(), profile_name: body.profile_name, request: clone(body), created_ms: sim.clock.now() };
	sim.state.profileCreations.set(record.id, record);
	return created(profileCreationView(record, sim.clock.now()));
}

const getProfileCreation = (sim, { params }) => ok(profileCreationView(find(sim.state.profileCreations, 'profile_creation', params.profile_creation_id), sim.clock.now()));

// ---- route table ------------------------------------------------------------------------------

const READ = (resource) => [`${resource}:read`];
const WRITE = (resource) => [`${resource}:write`];

/** scopes: null = no auth, [] = any active key. idempotency: 'optional' | 'required'. */
const ROUTE_TABLE = [
	['GET', '/health', null, health],
	['GET', '/api/v1/auth/validate', [], validateKey],
	['POST', '/api/v1/orders', WRITE('orders'), createOrder, 'optional'],
	['GET', '/api/v1/orders', READ('orders'), listOrders],
	['GET', '/api/v1/orders/{order_id}', READ('orders'), getOrder],
	['GET', '/api/v1/orders/{order_id}/results', READ('orders'), getOrderResults],
	['GET', '/api/v1/deliveries/{prospect_search_id}/companies', ['companies:read', 'prospects:read'], listDeliveries],
	['GET', '/api/v1/prospect-searches', READ('prospect_searches'), listSearches],
	['GET', '/api/v1/prospect-searches/{prospect_search_id}', READ('prospect_searches'), getSearch],
	['PATCH', '/api/v1/prospect-searches/{prospect_search_id}', WRITE('prospect_searches'), patchSearch],
	['GET', '/api/v1/prospect-searches/{prospect_search_id}/blacklists', READ('blacklists'), listAssigned],
	['PUT', '/api/v1/prospect-searches/{prospect_search_id}/blacklists', WRITE('blacklists'), setAssigned],
	['GET', '/api/v1/companies', READ('companies'), listCompanies],
	['GET', '/api/v1/companies/{company_id}', READ('companies'), getCompany],
	['GET', '/api/v1/companies/{company_id}/jobs', READ('companies'), listJobs],
	['GET', '/api/v1/companies/{company_id}/jobs/summary', READ('companies'), jobsSummary],
	['GET', '/api/v1/companies/{company_id}/webtech-intel', READ('companies'), webtech],
	['GET', '/api/v1/companies/{company_id}/webtech-intel/summary', READ('companies'), webtechSummary],
	['GET', '/api/v1/prospects', READ('prospects'), listProspects],
	['GET', '/api/v1/prospects/{prospect_id}', READ('prospects'), getProspect],
	['POST', '/api/v1/blacklists', WRITE('blacklists'), createBlacklist, 'optional'],
	['GET', '/api/v1/blacklists', READ('blacklists'), listBlacklists],
	['GET', '/api/v1/blacklists/{blacklist_id}', READ('blacklists'), getBlacklist],
	['PATCH', '/api/v1/blacklists/{blacklist_id}', WRITE('blacklists'), updateBlacklist],
	['DELETE', '/api/v1/blacklists/{blacklist_id}', WRITE('blacklists'), deleteBlacklist],
	['POST', '/api/v1/blacklists/{blacklist_id}/entries', WRITE('blacklists'), addEntries, 'optional'],
	['GET', '/api/v1/blacklists/{blacklist_id}/entries', READ('blacklists'), listEntries],
	['DELETE', '/api/v1/blacklists/{blacklist_id}/entries', WRITE('blacklists'), deleteEntries],
	['POST', '/api/v1/search-profile-creations', WRITE('orders'), createProfileCreation, 'required'],
	['GET', '/api/v1/search-profile-creations/{profile_creation_id}', READ('orders'), getProfileCreation],
];

export const ROUTES = ROUTE_TABLE.map(([method, template, scopes, handler, idempotency]) => {
	const names = [];
	const source = template.replace(/\{(\w+)\}/g, (_, name) => {
		names.push(name);
		return '([^/]+)';
	});
	return { method, template, key: `${method} ${template}`, scopes, handler, idempotency: idempotency ?? null, names, regex: new RegExp(`^${source}$`) };
});

function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** `{route, params}`, `{route: null, allowed}` (405) or null (404). */
function matchRoute(method, path) {
	const allowed = [];
	for (const route of ROUTES) {
		const match = route.regex.exec(path);
		if (!match) continue;
		if (route.method === method) return { route, params: Object.fromEntries(route.names.map((name, i) => [name, safeDecode(match[i + 1])])) };
		allowed.push(route.method);
	}
	return allowed.length ? { route: null, allowed } : null;
}

const normalizePath = (path) => path.replace(/\/+$/, '') || '/';

// ---- request pipeline -------------------------------------------------------------------------

function authenticate(sim, header) {
	const unauthorized = (message, reason) => new ApiError(401, 'UNAUTHORIZED', message, { details: { reason } });
	if (!header) throw unauthorized('Authentication required', 'missing_api_key');
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!bearer) throw unauthorized('Authorization header must be "Bearer <api key>"', 'malformed_authorization_header');
	const key = sim.keys.get(bearer[1]);
	if (!key) throw unauthorized('Invalid API key', 'invalid_api_key');
	if (key.expired) throw unauthorized('API key has expired', 'expired_api_key');
	return key;
}

function checkScopes(required, key) {
	const missing = required.filter((scope) => !key.scopes.includes(scope));
	if (missing.length) {
		throw new ApiError(403, 'AUTHORIZATION_ERROR', `Missing required scopes: ${missing.join(', ')}`, {
			details: { required_scopes: [...required], user_scopes: [...key.scopes] },
		});
	}
}

function parseJsonBody(method, text) {
	if (method === 'GET' || method === 'HEAD' || text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch (err) {
		throw new ApiError(400, 'INVALID_JSON', `Request body is not valid JSON: ${err.message}`, { details: { reason: 'invalid_json' } });
	}
}

/** Calls the route handler and records that the request's side effects happened. */
function runHandler(sim, route, request, entry) {
	entry.processed = true;
	return route.handler(sim, request);
}

function withIdempotency(sim, route, request, entry) {
	const header = request.headers['idempotency-key'];
	const idempotencyKey = typeof header === 'string' ? header.trim() : '';
	if (!idempotencyKey) {
		if (route.idempotency === 'required') {
			throw new ApiError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'The Idempotency-Key header is required for this endpoint', { details: { header: 'Idempotency-Key' } });
		}
		return runHandler(sim, route, request, entry);
	}
	// Where the API does not promise to deduplicate, the key is accepted and ignored: a resend is a new request.
	if (!sim.idempotentRoutes.has(route.key)) return runHandler(sim, route, request, entry);
	const storeKey = `${request.key.name} ${request.method} ${request.path} ${idempotencyKey}`;
	const fingerprint = stableStringify(request.body ?? null);
	const stored = sim.state.idempotency.get(storeKey);
	if (stored) {
		if (stored.fingerprint !== fingerprint) {
			throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body', {
				details: { idempotency_key: idempotencyKey },
			});
		}
		entry.replayed = true;
		return ok(clone(stored.body), { 'Idempotent-Replayed': 'true' });
	}
	const reply = runHandler(sim, route, request, entry);
	if (reply.status < 300) {
		sim.state.idempotency.set(storeKey, { key: idempotencyKey, route: route.key, path: request.path, fingerprint, status: reply.status, body: clone(reply.body), created_at: iso(sim.clock.now()) });
	}
	return reply;
}

function errorReply(sim, err) {
	const apiError = err instanceof ApiError ? err : new ApiError(500, 'INTERNAL_ERROR', `Simulator error: ${err?.message ?? err}`);
	const headers = { ...apiError.headers };
	if (apiError.retryAfter != null) headers['Retry-After'] = String(apiError.retryAfter);
	return { status: apiError.status, body: errorBody(sim.errorFormat, apiError), headers };
}

/** Runs a request through auth, rate limit, scopes, JSON parsing, idempotency and the handler. */
function processRequest(sim, { method, path, url, match, headers, text, tooLarge, entry }) {
	let extraHeaders = {};
	try {
		if (tooLarge) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
		if (!match) throw new ApiError(404, 'NOT_FOUND', `No route for ${method} ${path}`);
		if (!match.route) throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed on ${path}`, { headers: { Allow: match.allowed.join(', ') } });
		const { route, params } = match;
		let key = null;
		if (route.scopes) {
			key = authenticate(sim, headers.authorization);
			const rate = sim.rateLimiter.take(key.name);
			if (rate) extraHeaders = rate.headers;
			if (rate && !rate.ok) {
				throw new ApiError(429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded. Retry after ${rate.retryAfter} seconds.`, {
					retryAfter: rate.retryAfter,
					details: { retry_after: rate.retryAfter, requests_per_second: rate.rate },
				});
			}
			checkScopes(route.scopes, key);
		}
		const body = parseJsonBody(method, text);
		const request = { method, path, params, query: url.searchParams, body, headers, key };
		const reply = route.idempotency ? withIdempotency(sim, route, request, entry) : runHandler(sim, route, request, entry);
		return { ...reply, headers: { ...extraHeaders, ...reply.headers } };
	} catch (err) {
		const reply = errorReply(sim, err);
		return { ...reply, headers: { ...extraHeaders, ...reply.headers } };
	}
}

function serialize(reply) {
	return reply.status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body);
}

function send(sim, res, reply) {
	if (res.destroyed || res.headersSent) return;
	const payload = serialize(reply);
	const headers = { ...reply.headers, Date: httpDate(sim.clock.now()) };
	if (payload) headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(reply.status, headers);
	res.end(payload);
}

const HTML_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function applyPreFault(sim, fault, res, entry) {
	if (fault.kind === 'reset') {
		res.socket?.destroy();
		return;
	}
	if (fault.kind === 'html') {
		entry.status = 502;
		res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(HTML_502), Date: httpDate(sim.clock.now()) });
		res.end(HTML_502);
		return;
	}
	const reply = faultReply(sim, fault);
	entry.status = reply.status;
	send(sim, res, reply);
}

/** The error answer of a `status` or `statusAfterApply` fault. */
function faultReply(sim, fault) {
	const status = fault.status ?? 500;
	const retryAfter = fault.retryAfter ?? (status === 429 ? 1 : null);
	const err = new ApiError(status, FAULT_STATUS_CODES[status] ?? 'SIMULATED_FAULT', `Simulated fault: HTTP ${status}`, {
		retryAfter,
		details: retryAfter != null ? { retry_after: retryAfter } : null,
	});
	return errorReply(sim, err);
}

/** Faults that strike after the handler ran (its side effects stay) and replace its answer. */
function applyAfterApplyFault(sim, fault, res, entry) {
	if (fault.kind === 'statusAfterApply') {
		const reply = faultReply(sim, fault);
		entry.status = reply.status;
		send(sim, res, reply);
		return;
	}
	entry.status = null;
	if (fault.kind === 'resetAfterApply') {
		res.socket?.destroy();
		return;
	}
	// timeoutAfterApply: nothing is answered for delayMs, then the connection is dropped.
	const timer = setTimeout(() => {
		sim.timers.delete(timer);
		res.socket?.destroy();
	}, fault.delayMs ?? DEFAULT_TIMEOUT_FAULT_MS);
	sim.timers.add(timer);
}

function applyPostFault(sim, fault, res, reply, entry) {
	if (AFTER_APPLY_FAULTS.has(fault.kind)) return applyAfterApplyFault(sim, fault, res, entry);
	entry.status = fault.kind === 'malformed' ? 200 : reply.status;
	if (fault.kind === 'slow') {
		const timer = setTimeout(() => {
			sim.timers.delete(timer);
			send(sim, res, reply);
		}, fault.delayMs ?? 1_000);
		sim.timers.add(timer);
		return;
	}
	const payload = Buffer.from(serialize(reply) || '{}');
	if (fault.kind === 'malformed') {
		const broken = Buffer.concat([payload.subarray(0, Math.floor(payload.length / 2)), Buffer.from('<!-- malformed -->')]);
		res.writeHead(200, { ...reply.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': broken.length, Date: httpDate(sim.clock.now()) });
		res.end(broken);
		return;
	}
	// resetMidBody: full Content-Length, half the bytes, then the connection drops.
	res.writeHead(reply.status === 204 ? 200 : reply.status, { ...reply.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length, Date: httpDate(sim.clock.now()) });
	res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

function readBody(req) {
	return new Promise((resolve) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		const finish = () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES });
		req.on('end', finish);
		req.on('error', finish);
		req.on('close', finish);
	});
}

function logBody(text) {
	if (!text.trim()) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text.length > 10_000 ? `${text.slice(0, 10_000)}…` : text;
	}
}

function redactHeaders(headers) {
	const copy = { ...headers };
	if (copy.authorization !== undefined) copy.authorization = /^bearer\s/i.test(copy.authorization) ? 'Bearer ***' : '***';
	return copy;
}

function queryObject(params) {
	const out = {};
	for (const name of new Set(params.keys())) {
		const values = params.getAll(name);
		out[name] = values.length === 1 ? values[0] : values;
	}
	return out;
}

function increment(map, key) {
	map[key] = (map[key] ?? 0) + 1;
}

async function onRequest(sim, req, res) {
	const requestId = `req_${String(++sim.requestSeq).padStart(6, '0')}`;
	res.setHeader('X-Request-Id', requestId);
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', 'http://simulator.local');
	const path = normalizePath(url.pathname);
	const match = matchRoute(method, path);
	const template = match?.route?.template ?? null;
	const routeKey = `${method} ${template ?? path}`;
	sim.counters.total += 1;
	increment(sim.counters.byRoute, routeKey);
	increment(sim.counters.byMethodPath, `${method} ${path}`);
	const entry = {
		id: requestId,
		method,
		path,
		route: template,
		query: queryObject(url.searchParams),
		headers: redactHeaders(req.headers),
		body: null,
		status: null,
		at: sim.clock.now(),
		processed: false,
		replayed: false,
		fault: null,
	};
	sim.requests.push(entry);
	if (sim.requests.length > MAX_LOG_ENTRIES) sim.requests.splice(0, sim.requests.length - MAX_LOG_ENTRIES);

	const { text, tooLarge } = await readBody(req);
	entry.body = logBody(text);
	const fault = sim.faults.pick(method, path, template);
	entry.fault = fault?.kind ?? null;
	if (fault && PRE_PROCESSING_FAULTS.has(fault.kind)) return applyPreFault(sim, fault, res, entry);

	const reply = processRequest(sim, { method, path, url, match, headers: req.headers, text, tooLarge, entry });
	if (entry.processed) {
		increment(sim.counters.processedByRoute, routeKey);
		if (method !== 'GET') sim.generation += 1;
	}
	if (fault) return applyPostFault(sim, fault, res, reply, entry);
	entry.status = reply.status;
	send(sim, res, reply);
}

// ---- public entry point -----------------------------------------------------------------------

function buildKeys(options) {
	const names = { ...DEFAULT_KEYS, ...(options.keys ?? {}) };
	const keys = new Map();
	for (const [name, key] of Object.entries(names)) keys.set(key, { name, key, scopes: [...KEY_SCOPES[name]], expired: name === 'expired' });
	for (const [key, scopes] of Object.entries(options.extraKeys ?? {})) keys.set(key, { name: key, key, scopes: [...scopes], expired: false });
	return { names, keys };
}

function checkErrorFormat(format) {
	if (!ERROR_FORMATS.includes(format)) throw new TypeError(`errorFormat must be one of ${ERROR_FORMATS.join(', ')}`);
	return format;
}

/** Starts the simulator; resolves to a handle once it listens. */
export async function startSimulator(options = {}) {
	const { port = 0, host = '127.0.0.1', seed = 42, speed = 1, now = () => Date.now() } = options;
	if (!(speed >= 0)) throw new RangeError('speed must be >= 0');
	const clock = createClock(now, speed, options.clockOffsetMs ?? 0);
	const usedDomains = new Set();
	const state = createInitialState({
		seed,
		searches: options.searches ?? 3,
		companiesPerSearch: options.companiesPerSearch ?? 250,
		orders: options.orders ?? 0,
		nowMs: clock.now(),
		usedDomains,
	});
	const { names, keys } = buildKeys(options);
	const sim = {
		seed,
		state,
		clock,
		keys,
		ids: createRng(seed, 'runtime-ids'),
		cache: new Map(),
		errorFormat: checkErrorFormat(options.errorFormat ?? 'current'),
		rateLimiter: createRateLimiter(options.rateLimit ?? null),
		faults: createFaults(seed, options.faults ?? []),
		counters: { total: 0, byRoute: {}, byMethodPath: {}, processedByRoute: {} },
		requests: [],
		requestSeq: 0,
		timers: new Set(),
		visibilityDelayMs: checkVisibilityDelay(options.deliveryVisibilityDelayMs ?? 0),
		visibilityDelays: new Map(),
		idempotentRoutes: checkIdempotentRoutes(options.idempotentRoutes ?? DOCUMENTED_IDEMPOTENT_ROUTES),
		deliveryIndexes: new Map(),
		/** Bumped by every change that may alter a delivery list. */
		generation: 0,
	};
	let deliveryBatch = 0;

	const server = createServer((req, res) => {
		onRequest(sim, req, res).catch((err) => {
			if (!res.headersSent && !res.destroyed) send(sim, res, errorReply(sim, err));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const actualPort = server.address().port;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing = null;

	return {
		baseUrl: `http://${urlHost}:${actualPort}`,
		port: actualPort,
		apiKey: names.all,
		keys: { all: names.all, readOnly: names.readOnly, ordersOnly: names.ordersOnly, expired: names.expired },
		keyScopes: { all: [...KEY_SCOPES.all], readOnly: [...KEY_SCOPES.readOnly], ordersOnly: [...KEY_SCOPES.ordersOnly], expired: [...KEY_SCOPES.expired] },
		state,
		clock,
		counters: sim.counters,
		requests: sim.requests,
		resetCounters() {
			sim.counters.total = 0;
			for (const map of [sim.counters.byRoute, sim.counters.byMethodPath, sim.counters.processedByRoute]) for (const key of Object.keys(map)) delete map[key];
			sim.requests.length = 0;
		},
		setFaults(faults) {
			sim.faults.set(faults);
		},
		setRateLimit(config) {
			sim.rateLimiter.set(config);
		},
		setErrorFormat(format) {
			sim.errorFormat = checkErrorFormat(format);
		},
		addCompanies(prospectSearchId, count, { deliveredAt } = {}) {
			const search = find(state.prospectSearches, 'prospect_search', prospectSearchId);
			const rng = createRng(seed, 'added-companies', search.id, ++deliveryBatch);
			const deliveredAtMs = deliveredAt ?? clock.now();
			if (!Number.isFinite(deliveredAtMs)) throw new RangeError('deliveredAt must be epoch ms');
			sim.generation += 1;
			const added = [];
			for (let i = 0; i < count; i++) {
				const company = generateCompany(rng, { prospectSearchId: search.id, deliveredAtMs, usedDomains });
				state.companies.set(company.id, company);
				for (const prospect of company.prospects) state.prospects.set(prospect.id, prospect);
				added.push(company);
			}
			return added;
		},
		setOrderStatus(orderId, status, message) {
			const order = find(state.orders, 'order', orderId);
			if (!ORDER_STATUSES.includes(status)) throw new TypeError(`status must be one of ${ORDER_STATUSES.join(', ')}`);
			order.override = { status, at: clock.now(), message: message ?? (status === 'REJECTED' ? REJECTION_MESSAGE : null) };
			return orderView(order, clock.now());
		},
		setClockOffset(ms) {
			return clock.setOffset(ms);
		},
		setDeliveryVisibilityDelay(ms) {
			sim.visibilityDelayMs = checkVisibilityDelay(ms);
			sim.visibilityDelays.clear();
		},
		setIdempotentRoutes(routes) {
			sim.idempotentRoutes = checkIdempotentRoutes(routes);
		},
		visibleAt(companyId) {
			const company = find(state.companies, 'company', companyId);
			return Date.parse(company.delivered_at) + visibilityDelay(sim, company.id);
		},
		orderView(orderId) {
			return orderView(find(state.orders, 'order', orderId), clock.now());
		},
		close() {
			closing ??= new Promise((resolve) => {
				for (const timer of sim.timers) clearTimeout(timer);
				sim.timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
