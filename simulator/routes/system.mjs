// Health and API key validation.
import { ok } from '../core/params.mjs';

const health = () => ok({ service: 'OpenProspect API', status: 'healthy' });

const validateKey = (sim, { key }) => ok({ valid: true, scopes: [...key.scopes] });

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['GET', '/health', null, health],
	['GET', '/api/v1/auth/validate', [], validateKey],
];
