// A token bucket per API key, on real time.
function validateRateLimit(config) {
	if (config === null || config === undefined) return null;
	const { requestsPerSecond, burst } = config;
	if (!(requestsPerSecond > 0)) throw new RangeError('rateLimit.requestsPerSecond must be > 0');
	if (burst !== undefined && !(burst >= 1)) throw new RangeError('rateLimit.burst must be >= 1');
	return { requestsPerSecond, burst: burst ?? Math.max(1, requestsPerSecond) };
}

/** Token bucket per API key, on real (not simulated) time. */
export function createRateLimiter(initial) {
	let config = validateRateLimit(initial);
	const buckets = new Map();
	return {
		set(next) {
			config = validateRateLimit(next);
			buckets.clear();
		},
		take(keyName) {
			if (!config) return null;
			const { requestsPerSecond: rate, burst } = config;
			const at = performance.now();
			const bucket = buckets.get(keyName) ?? { tokens: burst, at };
			bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * rate);
			bucket.at = at;
			buckets.set(keyName, bucket);
			const headers = { 'X-RateLimit-Limit': String(rate) };
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return { ok: true, headers: { ...headers, 'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)) } };
			}
			const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
			return { ok: false, retryAfter, rate, headers: { ...headers, 'X-RateLimit-Remaining': '0' } };
		},
	};
}
