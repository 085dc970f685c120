// The route table: every resource's routes, matched by method and path template.
import { routes as blacklists } from './blacklists.mjs';
import { routes as companies } from './companies.mjs';
import { routes as deliveries } from './deliveries.mjs';
import { routes as orders } from './orders.mjs';
import { routes as prospectSearches } from './prospectSearches.mjs';
import { routes as prospects } from './prospects.mjs';
import { routes as searchProfiles } from './searchProfiles.mjs';
import { routes as system } from './system.mjs';

const ROUTE_TABLE = [...system, ...orders, ...deliveries, ...prospectSearches, ...companies, ...prospects, ...blacklists, ...searchProfiles];

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
export function matchRoute(method, path) {
	const allowed = [];
	for (const route of ROUTES) {
		const match = route.regex.exec(path);
		if (!match) continue;
		if (route.method === method) return { route, params: Object.fromEntries(route.names.map((name, i) => [name, safeDecode(match[i + 1])])) };
		allowed.push(route.method);
	}
	return allowed.length ? { route: null, allowed } : null;
}

export const normalizePath = (path) => path.replace(/\/+$/, '') || '/';
