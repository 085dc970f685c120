// Orders: creation, their status over time, results.
import { READ, WRITE } from '../core/auth.mjs';
import { ApiError, issue, validationError } from '../core/errors.mjs';
import { byId, checkStringFields, created, fails, find, isNonEmptyString, isObject, listParam, ok, paginate, parsePage, requireObjectBody } from '../core/params.mjs';
import { generateOrderResults, iso } from '../data.mjs';

export const ORDER_STATUSES = Object.freeze(['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED']);

const TERMINAL_ORDER_STATUSES = new Set(['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED']);

/** Offsets (simulated ms after creation) of each order transition. */
export const ORDER_TIMELINE_MS = Object.freeze({ ACCEPTED: 2_000, IN_PROGRESS: 5_000, DONE: 10_000 });

export const REJECTION_MESSAGE = 'Briefing quantity exceeds the monthly allowance';

const MAX_BRIEFING_QUANTITY = 5_000;

const REJECT_BRIEFING_QUANTITY = 1_000;

const MAX_COMPANIES_PER_ORDER = 10_000;

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

export function orderView(order, now) {
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

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['POST', '/api/v1/orders', WRITE('orders'), createOrder, 'optional'],
	['GET', '/api/v1/orders', READ('orders'), listOrders],
	['GET', '/api/v1/orders/{order_id}', READ('orders'), getOrder],
	['GET', '/api/v1/orders/{order_id}/results', READ('orders'), getOrderResults],
];
