// API keys, their scopes, and the Authorization header check.
import { ApiError } from './errors.mjs';

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

export const KEY_SCOPES = Object.freeze({
	all: ALL_SCOPES,
	readOnly: READ_SCOPES,
	ordersOnly: ['orders:read', 'orders:write'],
	expired: ALL_SCOPES,
});

export const READ = (resource) => [`${resource}:read`];

export const WRITE = (resource) => [`${resource}:write`];

export function authenticate(sim, header) {
	const unauthorized = (message, reason) => new ApiError(401, 'UNAUTHORIZED', message, { details: { reason } });
	if (!header) throw unauthorized('Authentication required', 'missing_api_key');
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!bearer) throw unauthorized('Authorization header must be "Bearer <api key>"', 'malformed_authorization_header');
	const key = sim.keys.get(bearer[1]);
	if (!key) throw unauthorized('Invalid API key', 'invalid_api_key');
	if (key.expired) throw unauthorized('API key has expired', 'expired_api_key');
	return key;
}

export function checkScopes(required, key) {
	const missing = required.filter((scope) => !key.scopes.includes(scope));
	if (missing.length) {
		throw new ApiError(403, 'AUTHORIZATION_ERROR', `Missing required scopes: ${missing.join(', ')}`, {
			details: { required_scopes: [...required], user_scopes: [...key.scopes] },
		});
	}
}

export function buildKeys(options) {
	const names = { ...DEFAULT_KEYS, ...(options.keys ?? {}) };
	const keys = new Map();
	for (const [name, key] of Object.entries(names)) keys.set(key, { name, key, scopes: [...KEY_SCOPES[name]], expired: name === 'expired' });
	for (const [key, scopes] of Object.entries(options.extraKeys ?? {})) keys.set(key, { name: key, key, scopes: [...scopes], expired: false });
	return { names, keys };
}
