import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { START, useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { creation, CREATION_ID, CREATION_PATH, CREATIONS } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

const DERIVED_KEY = /^n8n-[0-9a-f]{40}$/;

const create = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'searchProfile',
	operation: 'create',
	profileName: 'DACH SaaS',
	...parameters,
});

const waiting = (extra: INodeParameters = {}) => ({
	waitForCompletion: true,
	maxWait: 300,
	pollInterval: 10,
	...extra,
});

describe('Search Profile > Create', () => {
	it('POSTs every field with the required Idempotency-Key; lists from text or arrays', async () => {
		const { scope, seen } = api();
		scope.post(CREATIONS).reply(201, creation('PENDING'));
		const { items, error } = await runNode({
			parameters: create({
				idealCustomerProfile: ' B2B SaaS with 50-500 employees ',
				additionalFields: {
					sellerOffering: 'Email marketing',
					sellerIndustry: 'Software',
					targetCountries: 'de, AT ,ch',
					targetCities: '["Berlin", "Wien"]',
					targetIndustries: '={{ ["Software", "E-commerce"] }}',
					excludedIndustries: 'Gambling',
					contactRoles: 'Head of Sales, CTO,',
					outputLanguage: 'en',
				},
				options: { additionalBodyFields: '{"notes": "from n8n", "profile_name": "ignored"}' },
			}),
		});
		expect(error).toBeUndefined();
		expect(seen).toHaveLength(1);
		expect(seen[0].method).toBe('POST');
		expect(seen[0].path).toBe(CREATIONS);
		expect(seen[0].body).toEqual({
			notes: 'from n8n',
			profile_name: 'DACH SaaS',
			ideal_customer_profile: 'B2B SaaS with 50-500 employees',
			seller_offering: 'Email marketing',
			seller_industry: 'Software',
			output_language: 'en',
			target_countries: ['DE', 'AT', 'CH'],
			target_cities: ['Berlin', 'Wien'],
			target_industries: ['Software', 'E-commerce'],
			excluded_industries: ['Gambling'],
			contact_roles: ['Head of Sales', 'CTO'],
		});
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(items).toEqual([{ json: creation('PENDING'), pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('sends only profile_name when nothing else is set, and the user Idempotency Key', async () => {
		const { scope, seen } = api();
		scope.post(CREATIONS).reply(201, creation('PENDING'));
		const { error } = await runNode({
			parameters: create({ options: { idempotencyKey: 'dach-1' } }),
		});
		expect(error).toBeUndefined();
		expect(seen).toEqual([
			{
				method: 'POST',
				path: CREATIONS,
				body: { profile_name: 'DACH SaaS' },
				key: 'dach-1',
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		[
			'a bad country code',
			{ additionalFields: { targetCountries: 'DE, Germany' } },
			'Target Countries: "Germany" is not a two-letter country code [item 0]',
		],
		[
			'a three-letter code',
			{ additionalFields: { targetCountries: ['DEU'] } },
			'Target Countries: "DEU" is not a two-letter country code [item 0]',
		],
		['an empty profile name', { profileName: '  ' }, 'Profile Name: is empty [item 0]'],
		[
			'a list entry that is not text',
			{ additionalFields: { contactRoles: '={{ [{"a": 1}] }}' } },
			'Contact Roles: {"a":1} is not text [item 0]',
		],
		[
			'an empty element inside a list',
			{ additionalFields: { targetIndustries: 'SaaS,,Fintech' } },
			'Target Industries: element 2 of 3 is empty [item 0]',
		],
		[
			'a Poll Interval of 0',
			waiting({ pollInterval: 0 }),
			'Poll Interval (Seconds): must be a number of seconds from 1 to 86400, got 0 [item 0]',
		],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		const trapped = trap();
		const { error } = await runNode({ parameters: create(parameters as INodeParameters) });
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});

	it('Wait for Completion: polls PENDING → RUNNING → SUCCEEDED and outputs the profile_id', async () => {
		const { scope, seen } = api();
		scope.post(CREATIONS).reply(201, creation('PENDING'));
		scope.get(CREATION_PATH).reply(200, creation('RUNNING'));
		scope.get(CREATION_PATH).reply(200, creation('SUCCEEDED', { profile_id: 'prof-9' }));
		const { items, error } = await runNode({ parameters: create(waiting()) });
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${CREATIONS}`,
			`GET ${CREATION_PATH}`,
			`GET ${CREATION_PATH}`,
		]);
		expect(items).toEqual([
			{ json: creation('SUCCEEDED', { profile_id: 'prof-9' }), pairedItem: { item: 0 } },
		]);
		expect(Date.now() - START).toBe(20_000);
		expect(scope.isDone()).toBe(true);
	});

	it('FAILED: an error with error_message that says to retry with a NEW key', async () => {
		const { scope } = api();
		scope.post(CREATIONS).reply(201, creation('PENDING'));
		scope
			.get(CREATION_PATH)
			.reply(200, creation('FAILED', { error_message: 'The profile is too vague' }));
		const { error } = await runNode({ parameters: create(waiting()) });
		expect(error?.message).toBe('Search profile creation pc-1 FAILED: The profile is too vague');
		expect(error?.description).toContain('To retry, send the request with a NEW Idempotency-Key');
		expect(error?.description).toContain('Reason: The profile is too vague');
		expect(scope.isDone()).toBe(true);
	});

	it('FAILED under Continue On Fail: an error item paired to its input', async () => {
		const { scope } = api();
		scope.post(CREATIONS).times(2).reply(201, creation('PENDING'));
		scope.get(CREATION_PATH).reply(200, creation('SUCCEEDED', { profile_id: 'prof-9' }));
		scope.get(CREATION_PATH).reply(200, creation('FAILED'));
		const { items, error } = await runNode({
			parameters: create({ ...waiting(), profileName: '={{ $json.name }}' }),
			input: [{ name: 'One' }, { name: 'Two' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.profile_id ?? item.json.error, item.pairedItem])).toEqual(
			[
				['prof-9', { item: 0 }],
				['Search profile creation pc-1 FAILED', { item: 1 }],
			],
		);
		expect(scope.isDone()).toBe(true);
	});

	it('timeout: Return Last Status, or Error', async () => {
		const { scope } = api();
		scope.post(CREATIONS).times(2).reply(201, creation('PENDING'));
		scope.get(CREATION_PATH).times(6).reply(200, creation('RUNNING'));
		const last = await runNode({ parameters: create(waiting({ maxWait: 30 })) });
		expect(last.error).toBeUndefined();
		expect(last.items).toEqual([
			{
				json: {
					profile_creation_id: CREATION_ID,
					status: 'RUNNING',
					timed_out: true,
					hint: 'read it later with Search Profile > Get; profile_id is set once it has SUCCEEDED',
				},
				pairedItem: { item: 0 },
			},
		]);
		const failed = await runNode({
			parameters: create(waiting({ maxWait: 30, onTimeout: 'error' })),
		});
		expect(failed.error?.message).toBe(
			'Search profile creation pc-1 did not finish within 30 s (last status: RUNNING)',
		);
		expect(scope.isDone()).toBe(true);
	});
});
