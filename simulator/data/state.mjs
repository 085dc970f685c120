// The pre-seeded store: searches with companies, blacklists, past orders.
import { generateCompany } from './companies.mjs';
import { DAY_MS, createRng, domainOf, iso } from './random.mjs';
import { SEARCH_TEMPLATES } from './words.mjs';

/** A blacklist entry record. */
export function makeEntry(id, blacklistId, input, createdAt) {
	return {
		id,
		blacklist_id: blacklistId,
		company_name: input.company_name ?? null,
		website_url: input.website_url ?? null,
		external_id: input.external_id ?? null,
		city: input.city ?? null,
		created_at: createdAt,
	};
}

/** Duplicate key for a blacklist entry (external id, else domain, else name + city). */
export function entryKey(entry) {
	if (entry.external_id) return `external_id:${entry.external_id}`;
	const domain = domainOf(entry.website_url);
	if (domain) return `domain:${domain}`;
	return `name:${String(entry.company_name ?? '').trim().toLowerCase()}|${String(entry.city ?? '').trim().toLowerCase()}`;
}

function seedOrders(rng, count, nowMs) {
	const orders = [];
	for (let i = 0; i < count; i++) {
		const createdMs = nowMs - (count - i) * 3_600_000 - rng.int(0, 3_599) * 1000;
		const discovery = i % 2 === 0;
		const profileId = i % 7 === 5 ? `profile_fail_${rng.hex(8)}` : rng.uuid();
		const submitted = discovery
			? []
			: Array.from({ length: rng.int(1, 5) }, (_, n) => ({ company_name: `Seeded Customer ${i}-${n}`, website_url: `https://seeded-${i}-${n}.example.com`, external_id: `CRM-${1000 + i * 10 + n}` }));
		orders.push({
			id: rng.uuid(),
			order_type: discovery ? 'DISCOVERY' : 'ENRICHMENT',
			profile_id: profileId,
			briefing_quantity: discovery ? (i % 5 === 4 ? 1500 : rng.int(5, 40)) : submitted.length,
			submitted_companies: submitted,
			created_ms: createdMs,
			override: null,
			results: null,
		});
	}
	return orders;
}

/**
 * The pre-seeded store: prospect searches with companies (and embedded prospects), two blacklists
 * with entries, optional past orders. Maps are keyed by id.
 */
export function createInitialState({ seed, searches, companiesPerSearch, orders, nowMs, usedDomains }) {
	const rng = createRng(seed, 'initial');
	const state = {
		prospectSearches: new Map(),
		companies: new Map(),
		prospects: new Map(),
		blacklists: new Map(),
		blacklistEntries: new Map(),
		assignments: new Map(),
		orders: new Map(),
		profileCreations: new Map(),
		idempotency: new Map(),
	};
	for (let s = 0; s < searches; s++) {
		const template = SEARCH_TEMPLATES[s % SEARCH_TEMPLATES.length];
		const createdAt = iso(nowMs - (90 - s) * DAY_MS);
		const search = {
			id: rng.uuid(),
			name: s < SEARCH_TEMPLATES.length ? template.name : `${template.name} ${Math.floor(s / SEARCH_TEMPLATES.length) + 1}`,
			status: 'ACTIVE',
			version: 1,
			ideal_customer_profile: template.icp,
			geo_locations: [...template.geo],
			search_keywords: [...template.keywords],
			language_config: { output_language: 'en' },
			company_extraction_commands: [],
			created_at: createdAt,
			updated_at: createdAt,
		};
		state.prospectSearches.set(search.id, search);
		state.assignments.set(search.id, []);
		for (let c = 0; c < companiesPerSearch; c++) {
			const deliveredAtMs = nowMs - rng.int(1, 30 * 86_400) * 1000;
			const company = generateCompany(rng, { prospectSearchId: search.id, deliveredAtMs, usedDomains });
			state.companies.set(company.id, company);
			for (const prospect of company.prospects) state.prospects.set(prospect.id, prospect);
		}
	}

	// Blacklist 1 names three companies of the first search (by website), so assigning it hides them.
	const firstSearchCompanies = [...state.companies.values()].slice(0, 3);
	const blacklistSeeds = [
		{
			name: 'Existing customers',
			description: 'Companies we already work with',
			entries: [
				...firstSearchCompanies.map((company, n) => ({ company_name: company.name, website_url: company.website, external_id: `CUST-${100 + n}` })),
				{ company_name: 'Acme Corporation', website_url: 'https://acme.example.com', external_id: 'CUST-200' },
				{ company_name: 'Globex GmbH', city: 'Berlin' },
			],
		},
		{
			name: 'Competitors',
			description: 'Never prospect these',
			entries: [{ company_name: 'Initech AG', website_url: 'https://initech.example.ch' }, { website_url: 'https://umbrella.example.com' }, { company_name: 'Hooli', city: 'Palo Alto' }],
		},
	];
	for (const [n, item] of blacklistSeeds.entries()) {
		const createdAt = iso(nowMs - (60 - n) * DAY_MS);
		const blacklist = { id: rng.uuid(), name: item.name, description: item.description, created_at: createdAt, updated_at: createdAt };
		state.blacklists.set(blacklist.id, blacklist);
		state.blacklistEntries.set(blacklist.id, item.entries.map((entry) => makeEntry(rng.uuid(), blacklist.id, entry, createdAt)));
	}

	for (const order of seedOrders(rng, orders, nowMs)) state.orders.set(order.id, order);
	return state;
}
