// Self-check helpers.
import assert from 'node:assert/strict';

export const V1 = '/api/v1';

export function assertError(res, status, code) {
	assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
	assert.equal(res.body.code, code, res.text);
	assert.equal(typeof res.body.message, 'string');
}
