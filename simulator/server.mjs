// A stateful local simulator of the OpenProspect External API (see simulator/README.md).
// Node 20 built-ins only. Deterministic for a given seed: ids and data come from seeded PRNGs,
// order and profile-creation statuses are computed lazily from a controllable clock.
// This file starts the server and builds the handle; core/ holds the request pipeline and
// routes/ one module per resource, as the node is organised.

import { createServer } from 'node:http';

import { ALL_SCOPES as allScopes, KEY_SCOPES, buildKeys } from './core/auth.mjs';
import { MAX_CLOCK_OFFSET_MS as maxClockOffset, createClock } from './core/clock.mjs';
import { ERROR_FORMATS as errorFormats, checkErrorFormat, errorReply } from './core/errors.mjs';
import { FAULT_KINDS as faultKinds, createFaults } from './core/faults.mjs';
import { onRequest } from './core/http.mjs';
import { DOCUMENTED_IDEMPOTENT_ROUTES as documentedRoutes, checkIdempotentRoutes } from './core/idempotency.mjs';
import { find } from './core/params.mjs';
import { createRateLimiter } from './core/rateLimit.mjs';
import { send } from './core/respond.mjs';
import { checkVisibilityDelay, visibilityDelay } from './core/visibility.mjs';
import { createInitialState, createRng, generateCompany } from './data.mjs';
import { ROUTES as routes } from './routes/index.mjs';
import { ORDER_STATUSES as orderStatuses, ORDER_TIMELINE_MS as orderTimeline, REJECTION_MESSAGE, orderView } from './routes/orders.mjs';
import { PROFILE_TIMELINE_MS as profileTimeline } from './routes/searchProfiles.mjs';

/**
 * @typedef {import('./types.mjs').Scope} Scope
 * @typedef {import('./types.mjs').KeyName} KeyName
 * @typedef {import('./types.mjs').ErrorFormat} ErrorFormat
 * @typedef {import('./types.mjs').FaultKind} FaultKind
 * @typedef {import('./types.mjs').FaultMatch} FaultMatch
 * @typedef {import('./types.mjs').FaultRule} FaultRule
 * @typedef {import('./types.mjs').RateLimitConfig} RateLimitConfig
 * @typedef {import('./types.mjs').SimulatorOptions} SimulatorOptions
 * @typedef {import('./types.mjs').OrderStatus} OrderStatus
 * @typedef {import('./types.mjs').OrderView} OrderView
 * @typedef {import('./types.mjs').Company} Company
 * @typedef {import('./types.mjs').SimulatorState} SimulatorState
 * @typedef {import('./types.mjs').SimulatorClock} SimulatorClock
 * @typedef {import('./types.mjs').SimulatorCounters} SimulatorCounters
 * @typedef {import('./types.mjs').RequestLogEntry} RequestLogEntry
 * @typedef {import('./types.mjs').SimulatorHandle} SimulatorHandle
 * @typedef {import('./types.mjs').RouteInfo} RouteInfo
 */

/** @type {readonly Scope[]} */
export const ALL_SCOPES = allScopes;
/** @type {readonly OrderStatus[]} */
export const ORDER_STATUSES = orderStatuses;
/** @type {Readonly<{ ACCEPTED: number; IN_PROGRESS: number; DONE: number }>} Offsets (simulated ms after creation) of each order transition. */
export const ORDER_TIMELINE_MS = orderTimeline;
/** @type {Readonly<{ RUNNING: number; DONE: number }>} Offsets (simulated ms after creation) of each profile-creation transition. */
export const PROFILE_TIMELINE_MS = profileTimeline;
/** @type {readonly ErrorFormat[]} */
export const ERROR_FORMATS = errorFormats;
/** @type {readonly FaultKind[]} */
export const FAULT_KINDS = faultKinds;
/** @type {readonly string[]} The only route the API documents as deduplicating a resend with the same Idempotency-Key. */
export const DOCUMENTED_IDEMPOTENT_ROUTES = documentedRoutes;
/** @type {number} The largest clock offset accepted, either way: one (leap) year. */
export const MAX_CLOCK_OFFSET_MS = maxClockOffset;
/** @type {readonly RouteInfo[]} */
export const ROUTES = routes;

/** The simulator's internal state: what the request pipeline and the handlers work on. */
function createSim(options) {
	const { seed = 42, speed = 1, now = () => Date.now() } = options;
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
	return {
		seed,
		state,
		clock,
		keys,
		keyNames: names,
		usedDomains,
		deliveryBatch: 0,
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
}

async function listen(sim, port, host) {
	const server = createServer((req, res) => {
		onRequest(sim, req, res).catch((err) => {
			if (!res.headersSent && !res.destroyed) send(sim, res, errorReply(sim, err));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	return server;
}

/** Adds `count` companies to a search, all delivered at one instant. */
function addCompanies(sim, prospectSearchId, count, deliveredAt) {
	const search = find(sim.state.prospectSearches, 'prospect_search', prospectSearchId);
	const rng = createRng(sim.seed, 'added-companies', search.id, ++sim.deliveryBatch);
	const deliveredAtMs = deliveredAt ?? sim.clock.now();
	if (!Number.isFinite(deliveredAtMs)) throw new RangeError('deliveredAt must be epoch ms');
	sim.generation += 1;
	const added = [];
	for (let i = 0; i < count; i++) {
		const company = generateCompany(rng, { prospectSearchId: search.id, deliveredAtMs, usedDomains: sim.usedDomains });
		sim.state.companies.set(company.id, company);
		for (const prospect of company.prospects) sim.state.prospects.set(prospect.id, prospect);
		added.push(company);
	}
	return added;
}

function setOrderStatus(sim, orderId, status, message) {
	const order = find(sim.state.orders, 'order', orderId);
	if (!ORDER_STATUSES.includes(status)) throw new TypeError(`status must be one of ${ORDER_STATUSES.join(', ')}`);
	order.override = { status, at: sim.clock.now(), message: message ?? (status === 'REJECTED' ? REJECTION_MESSAGE : null) };
	return orderView(order, sim.clock.now());
}

function closer(sim, server) {
	let closing = null;
	return () => {
		closing ??= new Promise((resolve) => {
			for (const timer of sim.timers) clearTimeout(timer);
			sim.timers.clear();
			server.close(() => resolve(undefined));
			server.closeAllConnections();
		});
		return closing;
	};
}

/** The handle's controls: counters, faults, rate limit, data, clock. */
function controls(sim) {
	const { counters, requests } = sim;
	return {
		resetCounters() {
			counters.total = 0;
			for (const map of [counters.byRoute, counters.byMethodPath, counters.processedByRoute]) for (const key of Object.keys(map)) delete map[key];
			requests.length = 0;
		},
		setFaults: (faults) => sim.faults.set(faults),
		setRateLimit: (config) => sim.rateLimiter.set(config),
		setErrorFormat(format) {
			sim.errorFormat = checkErrorFormat(format);
		},
		addCompanies: (prospectSearchId, count, { deliveredAt } = {}) => addCompanies(sim, prospectSearchId, count, deliveredAt),
		setOrderStatus: (orderId, status, message) => setOrderStatus(sim, orderId, status, message),
		setClockOffset: (ms) => sim.clock.setOffset(ms),
		setDeliveryVisibilityDelay(ms) {
			sim.visibilityDelayMs = checkVisibilityDelay(ms);
			sim.visibilityDelays.clear();
		},
		setIdempotentRoutes(list) {
			sim.idempotentRoutes = checkIdempotentRoutes(list);
		},
		visibleAt(companyId) {
			const company = find(sim.state.companies, 'company', companyId);
			return Date.parse(company.delivered_at) + visibilityDelay(sim, company.id);
		},
		orderView: (orderId) => orderView(find(sim.state.orders, 'order', orderId), sim.clock.now()),
	};
}

/**
 * Starts the simulator; resolves to a handle once it listens.
 * @param {SimulatorOptions} [options]
 * @returns {Promise<SimulatorHandle>}
 */
export async function startSimulator(options = {}) {
	const { port = 0, host = '127.0.0.1' } = options;
	const sim = createSim(options);
	const server = await listen(sim, port, host);
	const actualPort = server.address().port;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const names = sim.keyNames;
	const scopesOf = (name) => [...KEY_SCOPES[name]];
	return {
		baseUrl: `http://${urlHost}:${actualPort}`,
		port: actualPort,
		apiKey: names.all,
		keys: { all: names.all, readOnly: names.readOnly, ordersOnly: names.ordersOnly, expired: names.expired },
		keyScopes: { all: scopesOf('all'), readOnly: scopesOf('readOnly'), ordersOnly: scopesOf('ordersOnly'), expired: scopesOf('expired') },
		state: sim.state,
		clock: sim.clock,
		counters: sim.counters,
		requests: sim.requests,
		...controls(sim),
		close: closer(sim, server),
	};
}
