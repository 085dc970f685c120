// Search profile creations and their status over time.
import { READ, WRITE } from '../core/auth.mjs';
import { issue, validationError } from '../core/errors.mjs';
import { checkStringFields, clone, created, fails, find, isNonEmptyString, ok, requireObjectBody } from '../core/params.mjs';
import { iso } from '../data.mjs';

/** Offsets (simulated ms after creation) of each profile-creation transition. */
export const PROFILE_TIMELINE_MS = Object.freeze({ RUNNING: 1_000, DONE: 3_000 });

function profileCreationView(record, now) {
	const t0 = record.created_ms;
	const doneAt = t0 + PROFILE_TIMELINE_MS.DONE;
	const failed = fails(record.profile_name);
	let status = 'PENDING';
	let at = t0;
	if (now >= doneAt) [status, at] = [failed ? 'FAILED' : 'SUCCEEDED', doneAt];
	else if (now >= t0 + PROFILE_TIMELINE_MS.RUNNING) [status, at] = ['RUNNING', t0 + PROFILE_TIMELINE_MS.RUNNING];
	return {
		id: record.id,
		status,
		profile_name: record.profile_name,
		profile_id: status === 'SUCCEEDED' ? record.profile_id : null,
		error_message: status === 'FAILED' ? `Could not build a search profile from "${record.profile_name}": the ideal customer profile is too vague. Retry with a new Idempotency-Key.` : null,
		created_at: iso(t0),
		updated_at: iso(at),
		completed_at: status === 'SUCCEEDED' || status === 'FAILED' ? iso(at) : null,
	};
}

const PROFILE_LIST_FIELDS = ['target_countries', 'target_cities', 'target_industries', 'excluded_industries', 'contact_roles'];

function createProfileCreation(sim, { body }) {
	requireObjectBody(body);
	const issues = [];
	if (!isNonEmptyString(body.profile_name)) issues.push(issue('profile_name', 'is required and must be a non-empty string', body.profile_name ?? null));
	checkStringFields(body, ['ideal_customer_profile', 'seller_offering', 'seller_industry', 'output_language'], '', issues);
	for (const field of PROFILE_LIST_FIELDS) {
		const value = body[field];
		if (value !== undefined && value !== null && (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))) issues.push(issue(field, 'must be an array of strings', value));
	}
	if (issues.length) throw validationError(issues);
	const record = { id: sim.ids.uuid(), profile_id: sim.ids.uuid(), profile_name: body.profile_name, request: clone(body), created_ms: sim.clock.now() };
	sim.state.profileCreations.set(record.id, record);
	return created(profileCreationView(record, sim.clock.now()));
}

const getProfileCreation = (sim, { params }) => ok(profileCreationView(find(sim.state.profileCreations, 'profile_creation', params.profile_creation_id), sim.clock.now()));

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['POST', '/api/v1/search-profile-creations', WRITE('orders'), createProfileCreation, 'required'],
	['GET', '/api/v1/search-profile-creations/{profile_creation_id}', READ('orders'), getProfileCreation],
];
