// API errors and their JSON bodies in each error format.

const MAX_REPORTED_ERRORS = 100;

export const ERROR_FORMATS = Object.freeze(['current', 'flat', 'nested', 'oldest', 'fastapi']);

export class ApiError extends Error {
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

export function notFound(entityType, identifier) {
	const [code, label] = NOT_FOUND[entityType];
	return new ApiError(404, code, `${label} not found: ${identifier}`, { entity: { entity_type: entityType, identifier } });
}

/** A validation issue: `{field, error, provided}`; `location` only feeds the FastAPI `loc`. */
export const issue = (field, error, provided, location = 'body') => ({ field, error, provided, location });

export function validationError(issues, message) {
	const shown = issues.slice(0, MAX_REPORTED_ERRORS);
	const summary = shown.slice(0, 3).map((item) => `${item.field} ${item.error}`).join('; ');
	const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
	return new ApiError(422, 'VALIDATION_ERROR', message ?? `Validation failed: ${summary}${more}`, {
		details: { validation_errors: shown, ...(issues.length > shown.length ? { total_errors: issues.length } : {}) },
	});
}

export const FAULT_STATUS_CODES = {
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

export function errorReply(sim, err) {
	const apiError = err instanceof ApiError ? err : new ApiError(500, 'INTERNAL_ERROR', `Simulator error: ${err?.message ?? err}`);
	const headers = { ...apiError.headers };
	if (apiError.retryAfter != null) headers['Retry-After'] = String(apiError.retryAfter);
	return { status: apiError.status, body: errorBody(sim.errorFormat, apiError), headers };
}

export function checkErrorFormat(format) {
	if (!ERROR_FORMATS.includes(format)) throw new TypeError(`errorFormat must be one of ${ERROR_FORMATS.join(', ')}`);
	return format;
}
