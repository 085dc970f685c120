/**
 * Property-based tests (fast-check) for the transport's parsers of untrusted data: Retry-After,
 * error bodies, base URLs and origins, and redaction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
	baseUrlProblem,
	foreignOriginProblem,
	normaliseBaseUrl,
} from '../../nodes/OpenProspect/helpers/baseUrl';
import { parseErrorBody, redactDeep, redactSecrets, summariseTextBody } from '../../nodes/OpenProspect/transport/errors';
import { parseRetryAfter } from '../../nodes/OpenProspect/transport/retry';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const RUNS = { numRuns: 300 };

describe('Retry-After (property-based)', () => {
	it('delta-seconds: any non-negative integer, padded or not, is that many seconds', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('', ' ', '\t'), (seconds, pad) => {
				expect(parseRetryAfter(`${pad}${seconds}${pad}`, NOW)).toBe(seconds * 1000);
			}),
			RUNS,
		);
	});

	it('negative, fractional or signed numbers are ignored', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer({ min: -(10 ** 9), max: -1 }).map(String),
					fc.double({ min: 0.001, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)).map(String),
					fc.nat().map((n) => `+${n}`),
				),
				(value) => {
					expect(parseRetryAfter(value, NOW)).toBeUndefined();
				},
			),
			RUNS,
		);
	});

	it('an HTTP date (IMF-fixdate) is the time from now to it, never negative', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
				(date) => {
					const seconds = Math.floor(date.getTime() / 1000) * 1000;
					expect(parseRetryAfter(date.toUTCString(), NOW)).toBe(Math.max(0, seconds - NOW));
				},
			),
			RUNS,
		);
	});

	it('any other text gives undefined or a finite, non-negative wait', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
				const result = parseRetryAfter(value, NOW);
				if (result !== undefined) {
					expect(Number.isFinite(result)).toBe(true);
					expect(result).toBeGreaterThanOrEqual(0);
				}
			}),
			RUNS,
		);
	});
});

const text = fc.string({ minLength: 1 }).filter((value) => value.trim() !== '');

describe('error bodies (property-based)', () => {
	it('never throws, and what it returns has the declared types', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json(), fc.anything()), (body) => {
				const parsed = parseErrorBody(body);
				if (parsed.message !== undefined) expect(typeof parsed.message).toBe('string');
				if (parsed.code !== undefined) expect(typeof parsed.code).toBe('string');
				if (parsed.retryAfterSeconds !== undefined) {
					expect(Number.isFinite(parsed.retryAfterSeconds)).toBe(true);
					expect(parsed.retryAfterSeconds).toBeGreaterThanOrEqual(0);
				}
				for (const scopes of [parsed.requiredScopes, parsed.grantedScopes]) {
					if (scopes !== undefined) expect(scopes.every((scope) => typeof scope === 'string')).toBe(true);
				}
			}),
			RUNS,
		);
	});

	it('reads code and message from every documented envelope, as an object or as JSON text', () => {
		fc.assert(
			fc.property(text, text, fc.nat(), (code, message, retryAfter) => {
				const envelopes = [
					{ code, message },
					{ error: { code, message } },
					{ error: code, message, retry_after: retryAfter },
				];
				for (const envelope of envelopes) {
					for (const body of [envelope, JSON.stringify(envelope)]) {
						const parsed = parseErrorBody(body);
						expect(parsed.code).toBe(code);
						expect(parsed.message).toBe(message);
					}
				}
				expect(parseErrorBody(envelopes[2]).retryAfterSeconds).toBe(retryAfter);
			}),
			RUNS,
		);
	});

	it('a text or HTML body is summarised to one line of at most 201 characters', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 2000 }), (body) => {
				const summary = summariseTextBody(body);
				if (summary !== undefined) {
					expect(summary.length).toBeLessThanOrEqual(201);
					expect(summary).not.toMatch(/\n/);
				}
			}),
			RUNS,
		);
	});
});

const host = fc.domain().filter((domain) => !['localhost'].includes(domain));

describe('base URLs and origins (property-based)', () => {
	it('any https URL without a user part is accepted, normalised, and its own origin gets the key', () => {
		fc.assert(
			fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
				fc.pre(!url.includes('@'));
				expect(baseUrlProblem(url)).toBeUndefined();
				const normalised = normaliseBaseUrl(url);
				expect(normalised).not.toMatch(/\/$/);
				expect(normalised).not.toMatch(/\/api\/v1$/);
				expect(normalised).not.toMatch(/[?#]/);
				expect(foreignOriginProblem(url, '/api/v1/orders', normalised)).toBeUndefined();
				expect(foreignOriginProblem(` ${url} `, `${new URL(url).origin}/api/v1/x`)).toBeUndefined();
			}),
			{ numRuns: 100 },
		);
	});

	it('a base URL with a user name or password is refused, and the message never repeats them', () => {
		fc.assert(
			fc.property(host, host, fc.stringMatching(/^[a-z0-9]{6,20}$/), (apparent, real, password) => {
				const url = `https://${apparent}:${password}@${real}`;
				const problem = baseUrlProblem(url);
				expect(problem).toMatch(/must not contain a user name or password/);
				expect(problem).not.toContain(`:${password}@`);
				expect(problem).not.toContain(password + '@');
			}),
			RUNS,
		);
	});

	it('plain http is refused for any public host', () => {
		fc.assert(
			fc.property(host, (domain) => {
				expect(baseUrlProblem(`http://${domain}`)).toMatch(/must use https/);
			}),
			RUNS,
		);
	});

	it('a request to any other host, or another port or scheme, is refused the key', () => {
		fc.assert(
			fc.property(host, host, fc.webPath(), (base, other, path) => {
				fc.pre(base !== other);
				const baseUrl = `https://${base}`;
				expect(foreignOriginProblem(baseUrl, `https://${other}${path}`)).toMatch(/only sent to/);
				expect(foreignOriginProblem(baseUrl, `//${other}${path}`, baseUrl)).toMatch(/only sent to/);
				expect(foreignOriginProblem(baseUrl, `/api/v1${path}`, `https://${base}:8443`)).toMatch(/only sent to/);
				expect(foreignOriginProblem(baseUrl, `http://${base}${path}`)).toMatch(/only sent to/);
			}),
			RUNS,
		);
	});
});

const secret = fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/);

describe('redaction (property-based)', () => {
	it('no occurrence of the secret survives, wherever it sits in the text', () => {
		fc.assert(
			fc.property(secret, fc.array(fc.string(), { maxLength: 6 }), (key, parts) => {
				const input = parts.join(key) + key;
				expect(redactSecrets(input, [key])).not.toContain(key);
			}),
			// A key that is part of the marker "[redacted]" itself.
			{ ...RUNS, examples: [['dact', ['a ', ' b']], ['redacted', ['']]] },
		);
	});

	it('text without the secret is left as it is', () => {
		fc.assert(
			fc.property(secret, fc.string(), (key, input) => {
				fc.pre(!input.includes(key));
				expect(redactSecrets(input, [key])).toBe(input);
			}),
			RUNS,
		);
	});

	it('every string of a nested value (keys included) is redacted, for the key as pasted and trimmed', () => {
		fc.assert(
			fc.property(secret, fc.jsonValue(), fc.constantFrom('', ' ', '\n'), (key, value, pad) => {
				const pasted = `${pad}${key}${pad}`;
				const echoed = { value, copy: [key, { [`k-${key}`]: `x${key}y` }], padded: pasted };
				const result = redactDeep(echoed, [pasted, pasted.trim()]);
				expect(JSON.stringify(result)).not.toContain(key);
			}),
			RUNS,
		);
	});
});
