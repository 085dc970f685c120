export const DEFAULT_BASE_URL = 'https://api.openprospect.io';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function valueOf(raw: unknown): string {
	return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
}

/**
 * Why the base URL cannot be used, or undefined when it can. Plain `http://` is allowed only for
 * a local host, so the bundled simulator works while an API key never crosses a network in clear.
 * A user name or password part (`https://api.openprospect.io@other.host`) is refused: it hides the
 * host the key would really go to. Messages never repeat that part.
 */
export function baseUrlProblem(raw: unknown): string | undefined {
	const value = valueOf(raw);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `The base URL "${value}" is not a valid URL. Use e.g. ${DEFAULT_BASE_URL}`;
	}
	if (url.username !== '' || url.password !== '') {
		return `The base URL must not contain a user name or password (the part before "@"): it would send the API key to ${url.host}. Use e.g. ${DEFAULT_BASE_URL}`;
	}
	const isLocal = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
		return `The base URL "${url.origin}" must use https:// (plain http:// is only allowed for localhost or 127.0.0.1)`;
	}
	return undefined;
}

/** The base URL without a trailing slash or `/api/v1` suffix (paths carry `/api/v1`). */
export function normaliseBaseUrl(raw: unknown): string {
	const url = new URL(valueOf(raw));
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

/**
 * Why a request to `url` (resolved against `baseURL`, as the HTTP client does) must not carry the
 * key of a credential whose base URL is `rawBaseUrl`: it goes to another origin. Undefined when it
 * goes to the base URL's own origin.
 */
export function foreignOriginProblem(
	rawBaseUrl: unknown,
	url: string,
	baseURL?: string,
): string | undefined {
	const expected = new URL(normaliseBaseUrl(rawBaseUrl)).origin;
	let target: URL;
	try {
		target = baseURL === undefined ? new URL(url) : new URL(url, baseURL);
	} catch {
		return `The OpenProspect API key is only sent to ${expected}; this request has no valid URL.`;
	}
	if (target.origin === expected && target.username === '' && target.password === '') return undefined;
	return `The OpenProspect API key is only sent to ${expected}, not to ${target.origin}. Use the credential's Base URL for OpenProspect requests.`;
}
