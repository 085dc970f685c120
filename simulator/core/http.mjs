// One request from arrival to answer: log, counters, faults, auth, rate limit, scopes, handler.
import { authenticate, checkScopes } from './auth.mjs';
import { ApiError, errorReply } from './errors.mjs';
import { PRE_PROCESSING_FAULTS, applyPostFault, applyPreFault } from './faults.mjs';
import { runHandler, withIdempotency } from './idempotency.mjs';
import { send } from './respond.mjs';
import { matchRoute, normalizePath } from '../routes/index.mjs';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

const MAX_LOG_ENTRIES = 5_000;

function parseJsonBody(method, text) {
	if (method === 'GET' || method === 'HEAD' || text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch (err) {
		throw new ApiError(400, 'INVALID_JSON', `Request body is not valid JSON: ${err.message}`, { details: { reason: 'invalid_json' } });
	}
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

export async function onRequest(sim, req, res) {
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
