export const DEFAULT_BASE_URL = 'https://api.openprospect.io';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function valueOf(raw: unknown): string {
	return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
}

/**
 * Why the base URL cannot be used, or undefined when it can. Plain `http://` is allowed only for
 * a local host, so the bundled simulator works while an API key never crosses a network in clear.
 */
export function baseUrlProblem(raw: unknown): string | undefined {
	const value = valueOf(raw);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `The base URL "${value}" is not a valid URL. Use e.g. ${DEFAULT_BASE_URL}`;
	}
	const isLocal = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
		return `The base URL "${value}" must use https:// (plain http:// is only allowed for localhost or 127.0.0.1)`;
	}
	return undefined;
}

/** The base URL without a trailing slash or `/api/v1` suffix (paths carry `/api/v1`). */
export function normaliseBaseUrl(raw: unknown): string {
	const url = new URL(valueOf(raw));
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}
