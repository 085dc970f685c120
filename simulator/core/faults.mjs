// Injected faults: matching rules, and what each kind does to the answer.
import { httpDate } from './clock.mjs';
import { ApiError, FAULT_STATUS_CODES, errorReply } from './errors.mjs';
import { isObject } from './params.mjs';
import { send, serialize } from './respond.mjs';
import { createRng } from '../data.mjs';

export const FAULT_KINDS = Object.freeze(['status', 'reset', 'resetMidBody', 'slow', 'malformed', 'html', 'statusAfterApply', 'resetAfterApply', 'timeoutAfterApply']);

/** Faults that strike before the request is processed (nothing is created). */
export const PRE_PROCESSING_FAULTS = new Set(['status', 'reset', 'html']);

/** Faults whose answer replaces the handler's: an error status, a reset, or silence. */
const AFTER_APPLY_FAULTS = new Set(['statusAfterApply', 'resetAfterApply', 'timeoutAfterApply']);

const DEFAULT_TIMEOUT_FAULT_MS = 30_000;

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

export function createFaults(seed, initial) {
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

const HTML_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function applyPreFault(sim, fault, res, entry) {
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

export function applyPostFault(sim, fault, res, reply, entry) {
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
