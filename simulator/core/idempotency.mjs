// Idempotency-Key: replay of the first answer, on the routes that honour it.
import { ApiError } from './errors.mjs';
import { clone, isObject, ok } from './params.mjs';
import { iso } from '../data.mjs';
import { ROUTES } from '../routes/index.mjs';

/** The only endpoint the API documents as deduplicating a resend with the same Idempotency-Key. */
export const DOCUMENTED_IDEMPOTENT_ROUTES = Object.freeze(['POST /api/v1/search-profile-creations']);

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

/** Route keys that honour Idempotency-Key; `'all'` = every route that accepts one (the old behaviour). */
export function checkIdempotentRoutes(routes) {
	const accepting = ROUTES.filter((route) => route.idempotency).map((route) => route.key);
	if (routes === 'all') return new Set(accepting);
	if (!Array.isArray(routes)) throw new TypeError("idempotentRoutes must be an array of route keys or 'all'");
	for (const key of routes) if (!accepting.includes(key)) throw new TypeError(`idempotentRoutes: ${key} is not a route that accepts an Idempotency-Key (${accepting.join(', ')})`);
	return new Set(routes);
}

/** Calls the route handler and records that the request's side effects happened. */
export function runHandler(sim, route, request, entry) {
	entry.processed = true;
	return route.handler(sim, request);
}

export function withIdempotency(sim, route, request, entry) {
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
