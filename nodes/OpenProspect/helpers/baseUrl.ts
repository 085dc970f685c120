export const DEFAULT_BASE_URL = 'https://api.openprospect.io';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Returns the normalised base URL (no trailing slash, no `/api/v1` suffix), or throws a plain
 * message describing why the URL cannot be used. Plain `http://` is allowed only for a local host,
 * so the bundled simulator works while an API key is never sent in clear text over a network.
 */
export function normaliseBaseUrl(raw: unknown): string {
	const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`The base URL "${value}" is not a valid URL. Use e.g. ${DEFAULT_BASE_URL}`);
	}
	const isLocal = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
		throw new Error(
			`The base URL "${value}" must use https:// (plain http:// is only allowed for localhost or 127.0.0.1)`,
		);
	}
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}
