// Deterministic, seeded data for the OpenProspect simulator. No Math.random: every value comes
// from mulberry32 streams derived from (seed, label...), so a given seed always yields the same data.

const DAY_MS = 86_400_000;

/** mulberry32: a tiny 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a, 32 bit. */
export function hashString(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A PRNG stream for (seed, ...labels) with small helpers. */
export function createRng(seed, ...labels) {
	const next = mulberry32(hashString([seed, ...labels].join(':')));
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const hex = (length) => {
		let out = '';
		while (out.length < length) out += Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
		return out.slice(0, length);
	};
	const shuffle = (items) => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	};
	return {
		next,
		int,
		hex,
		shuffle,
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
		sample: (items, n) => shuffle(items).slice(0, n),
		/** RFC 4122 version-4 layout. */
		uuid: () => {
			const h = hex(32);
			const variant = '89ab'[Math.floor(next() * 4)];
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
		},
	};
}

export const iso = (ms) => new Date(ms).toISOString();
const round1 = (x) => Math.round(x * 10) / 10;
const slug = (text) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** `https://www.Acme.de/path` → `acme.de`. */
export function domainOf(url) {
	if (typeof url !== 'string' || !url.trim()) return null;
	const host = url
		.trim()
		.toLowerCase()
		.replace(/^[a-z]+:\/\//, '')
		.split(/[/?#]/)[0]
		.replace(/:\d+$/, '')
		.replace(/^www\./, '');
	return host || null;
}

// ---- word lists -------------------------------------------------------------------------------

const NAME_PREFIXES = ['Alpen', 'Nord', 'Blue', 'Bright', 'Cedar', 'Delta', 'Ever', 'Falcon', 'Green', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nova', 'Orbit', 'Pioneer', 'Quantum', 'River', 'Summit', 'Terra', 'Union', 'Vertex', 'Westwind', 'Zenith'];
const NAME_CORES = ['Soft', 'Data', 'Logic', 'Works', 'Labs', 'Systems', 'Cloud', 'Metrics', 'Hotels', 'Foods', 'Robotics', 'Health', 'Energy', 'Logistics', 'Finance', 'Media'];
const LOCATIONS = [
	{ city: 'Berlin', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Munich', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Hamburg', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Cologne', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Vienna', country: 'Austria', code: 'AT', tld: 'at', legal: 'GmbH' },
	{ city: 'Graz', country: 'Austria', code: 'AT', tld: 'at', legal: 'GmbH' },
	{ city: 'Zurich', country: 'Switzerland', code: 'CH', tld: 'ch', legal: 'AG' },
	{ city: 'Basel', country: 'Switzerland', code: 'CH', tld: 'ch', legal: 'AG' },
	{ city: 'Amsterdam', country: 'Netherlands', code: 'NL', tld: 'nl', legal: 'B.V.' },
	{ city: 'Rotterdam', country: 'Netherlands', code: 'NL', tld: 'nl', legal: 'B.V.' },
	{ city: 'Paris', country: 'France', code: 'FR', tld: 'fr', legal: 'SAS' },
	{ city: 'London', country: 'United Kingdom', code: 'GB', tld: 'co.uk', legal: 'Ltd' },
	{ city: 'Manchester', country: 'United Kingdom', code: 'GB', tld: 'co.uk', legal: 'Ltd' },
	{ city: 'New York', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
	{ city: 'Austin', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
	{ city: 'San Francisco', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
];
const BUSINESS_TYPES = [
	{ business_type: 'Software', industry: 'Information Technology' },
	{ business_type: 'IT Services', industry: 'Information Technology' },
	{ business_type: 'Hotel', industry: 'Hospitality' },
	{ business_type: 'Manufacturer', industry: 'Manufacturing' },
	{ business_type: 'Logistics Provider', industry: 'Transportation & Logistics' },
	{ business_type: 'Online Shop', industry: 'E-commerce' },
	{ business_type: 'Clinic', industry: 'Healthcare' },
	{ business_type: 'Fintech', industry: 'Financial Services' },
	{ business_type: 'Marketing Agency', industry: 'Marketing & Advertising' },
	{ business_type: 'Consultancy', industry: 'Professional Services' },
	{ business_type: 'Solar Installer', industry: 'Renewable Energy' },
	{ business_type: 'Food Producer', industry: 'Food & Beverage' },
];
const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hannah', 'Jonas', 'Julia', 'Lukas', 'Maria', 'Noah', 'Olivia', 'Paul', 'Sophie', 'Tom', 'Lea', 'Max', 'Emma'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Smith', 'Johnson', 'Brown', 'Jansen', 'de Vries', 'Martin', 'Bernard', 'Keller', 'Huber', 'Gruber'];
const ROLES = [
	{ role: 'CEO', seniority: 'c_level', department: 'Management' },
	{ role: 'CTO', seniority: 'c_level', department: 'Engineering' },
	{ role: 'COO', seniority: 'c_level', department: 'Operations' },
	{ role: 'Founder', seniority: 'owner', department: 'Management' },
	{ role: 'Head of Sales', seniority: 'head', department: 'Sales' },
	{ role: 'VP Marketing', seniority: 'vp', department: 'Marketing' },
	{ role: 'Head of IT', seniority: 'head', department: 'IT' },
	{ role: 'Procurement Manager', seniority: 'manager', department: 'Procurement' },
	{ role: 'Managing Director', seniority: 'c_level', department: 'Management' },
	{ role: 'Head of Operations', seniority: 'head', department: 'Operations' },
];
const TECHNOLOGIES = [
	{ name: 'WordPress', category: 'CMS' },
	{ name: 'Shopify', category: 'E-commerce' },
	{ name: 'Magento', category: 'E-commerce' },
	{ name: 'HubSpot', category: 'Marketing Automation' },
	{ name: 'Salesforce', category: 'CRM' },
	{ name: 'Pipedrive', category: 'CRM' },
	{ name: 'Google Analytics', category: 'Analytics' },
	{ name: 'Matomo', category: 'Analytics' },
	{ name: 'Hotjar', category: 'Analytics' },
	{ name: 'Cloudflare', category: 'CDN' },
	{ name: 'Fastly', category: 'CDN' },
	{ name: 'React', category: 'JavaScript Framework' },
	{ name: 'Vue.js', category: 'JavaScript Framework' },
	{ name: 'Angular', category: 'JavaScript Framework' },
	{ name: 'Nginx', category: 'Web Server' },
	{ name: 'Apache', category: 'Web Server' },
	{ name: 'Stripe', category: 'Payments' },
	{ name: 'Adyen', category: 'Payments' },
	{ name: 'Intercom', category: 'Live Chat' },
	{ name: 'Zendesk', category: 'Customer Support' },
	{ name: 'Cookiebot', category: 'Consent Management' },
	{ name: 'Usercentrics', category: 'Consent Management' },
	{ name: 'AWS', category: 'Hosting' },
	{ name: 'Google Cloud', category: 'Hosting' },
];
const JOB_TITLES = [
	{ title: 'Senior Backend Engineer', department: 'Engineering' },
	{ title: 'Frontend Developer', department: 'Engineering' },
	{ title: 'DevOps Engineer', department: 'Engineering' },
	{ title: 'Account Executive', department: 'Sales' },
	{ title: 'Sales Development Representative', department: 'Sales' },
	{ title: 'Marketing Manager', department: 'Marketing' },
	{ title: 'Content Marketing Specialist', department: 'Marketing' },
	{ title: 'Customer Success Manager', department: 'Customer Success' },
	{ title: 'Financial Controller', department: 'Finance' },
	{ title: 'HR Business Partner', department: 'People' },
	{ title: 'Operations Manager', department: 'Operations' },
	{ title: 'Data Analyst', department: 'Data' },
];
const SEARCH_TEMPLATES = [
	{ name: 'DACH SaaS companies', icp: 'B2B software companies in Germany, Austria and Switzerland with 20-500 employees', geo: ['DE', 'AT', 'CH'], keywords: ['saas', 'b2b software', 'cloud platform'] },
	{ name: 'Boutique hotels Europe', icp: 'Independent hotels with 20-150 rooms and their own booking engine', geo: ['DE', 'AT', 'NL', 'FR'], keywords: ['boutique hotel', 'design hotel'] },
	{ name: 'Logistics providers Benelux', icp: 'Freight forwarders and 3PL providers with their own warehouses', geo: ['NL', 'BE', 'LU'], keywords: ['3pl', 'freight forwarding', 'warehousing'] },
	{ name: 'US e-commerce brands', icp: 'Direct-to-consumer brands selling online with $5-50M revenue', geo: ['US'], keywords: ['d2c', 'online shop', 'shopify'] },
	{ name: 'UK marketing agencies', icp: 'Performance marketing agencies with 10-200 employees', geo: ['GB'], keywords: ['performance marketing', 'paid social'] },
];
const REVIEW_STATUSES = ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'pending', 'pending', 'pending', 'rejected', 'rejected'];
const EMPLOYMENT_TYPES = ['full_time', 'full_time', 'full_time', 'part_time', 'contract', 'internship'];
const JOB_SENIORITIES = ['junior', 'mid', 'mid', 'senior', 'senior', 'lead'];
const COURTS = ['Amtsgericht Berlin-Charlottenburg', 'Amtsgericht München', 'Amtsgericht Hamburg', 'Handelsgericht Wien', 'Handelsregister Zürich'];

// ---- generators -------------------------------------------------------------------------------

const ascii = (text) => text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');

function personEmail(first, last, domain) {
	const local = `${ascii(first)}.${ascii(last)}`.toLowerCase().replace(/[^a-z.]/g, '');
	return `${local}@${domain}`;
}

// Per set of used domains: `stem.tld` -> the smallest suffix that may still be free. Domains are only
// ever added, so resuming the search there gives the same domain as starting at 2, in O(1).
const nextSuffix = new WeakMap();

function uniqueDomain(stemSlug, tld, usedDomains) {
	let domain = `${stemSlug}.${tld}`;
	if (!usedDomains) return domain;
	const suffixes = nextSuffix.get(usedDomains) ?? new Map();
	nextSuffix.set(usedDomains, suffixes);
	let n = suffixes.get(domain) ?? 2;
	const base = domain;
	while (usedDomains.has(domain)) domain = `${stemSlug}-${n++}.${tld}`;
	suffixes.set(base, n);
	usedDomains.add(domain);
	return domain;
}

/** A company base: name, website, location, business type. `usedDomains` keeps domains unique. */
function companyBase(rng, usedDomains) {
	const location = rng.pick(LOCATIONS);
	const type = rng.pick(BUSINESS_TYPES);
	const stem = `${rng.pick(NAME_PREFIXES)}${rng.pick(NAME_CORES)}`;
	const domain = uniqueDomain(slug(stem), location.tld, usedDomains);
	const label = domain.split('.')[0].split('-')[1];
	const name = `${stem}${label ? ` ${label}` : ''} ${location.legal}`;
	return { name, domain, location, type };
}

function contactPerson(rng, domain) {
	const first = rng.pick(FIRST_NAMES);
	const last = rng.pick(LAST_NAMES);
	const role = rng.pick(ROLES);
	return { first, last, role, email: personEmail(first, last, domain) };
}

/** A prospect (contact person) embedded in a company; ids look like `ps_<16 hex>`. */
export function generateProspect(rng, company) {
	const person = contactPerson(rng, company.domain);
	return {
		id: `ps_${rng.hex(16)}`,
		company_id: company.id,
		prospect_search_id: company.prospect_search_id,
		company_name: company.name,
		first_name: person.first,
		last_name: person.last,
		name: `${person.first} ${person.last}`,
		role: person.role.role,
		seniority: person.role.seniority,
		department: person.role.department,
		email: person.email,
		email_status: rng.pick(['verified', 'verified', 'verified', 'unverified']),
		phone: rng.chance(0.5) ? `+${rng.int(30, 49)} ${rng.int(100, 999)} ${rng.int(1000000, 9999999)}` : null,
		linkedin_url: `https://www.linkedin.com/in/${slug(`${ascii(person.first)}-${ascii(person.last)}`)}-${rng.hex(6)}`,
		created_at: company.delivered_at,
	};
}

/** A delivered company of a prospect search, with 1–3 embedded prospects. */
export function generateCompany(rng, { prospectSearchId, deliveredAtMs, usedDomains }) {
	const base = companyBase(rng, usedDomains);
	const deliveredAt = iso(deliveredAtMs);
	const company = {
		id: rng.uuid(),
		prospect_search_id: prospectSearchId,
		name: base.name,
		website: `https://www.${base.domain}`,
		domain: base.domain,
		city: base.location.city,
		country: base.location.country,
		country_code: base.location.code,
		business_type: base.type.business_type,
		industry: base.type.industry,
		employee_count: rng.int(5, 2000),
		founded_year: rng.int(1950, 2022),
		description: `${base.name} is a ${base.type.business_type.toLowerCase()} based in ${base.location.city}.`,
		phone: `+${rng.int(30, 49)} ${rng.int(10, 99)} ${rng.int(100000, 9999999)}`,
		linkedin_url: `https://www.linkedin.com/company/${base.domain.split('.')[0]}`,
		match_score: round1(3 + rng.next() * 7),
		match_reasoning: `Matches the ideal customer profile on industry (${base.type.industry}) and location (${base.location.country}).`,
		review_status: rng.pick(REVIEW_STATUSES),
		source_id: null,
		delivered_at: deliveredAt,
		created_at: deliveredAt,
		updated_at: deliveredAt,
		prospects: [],
	};
	const count = rng.int(1, 3);
	for (let i = 0; i < count; i++) company.prospects.push(generateProspect(rng, company));
	return company;
}

/** Job listings of a company, generated lazily from (seed, company id). */
export function generateJobs(seed, company) {
	const rng = createRng(seed, 'jobs', company.id);
	const reference = Date.parse(company.delivered_at);
	const count = rng.int(0, 12);
	const jobs = [];
	for (let i = 0; i < count; i++) {
		const job = rng.pick(JOB_TITLES);
		const postedMs = reference - rng.int(0, 90) * DAY_MS - rng.int(0, 86_399) * 1000;
		jobs.push({
			id: rng.uuid(),
			company_id: company.id,
			title: job.title,
			department: job.department,
			seniority: rng.pick(JOB_SENIORITIES),
			employment_type: rng.pick(EMPLOYMENT_TYPES),
			location: company.city,
			remote: rng.chance(0.3),
			url: `https://careers.${company.domain}/jobs/${rng.hex(8)}`,
			posted_at: iso(postedMs),
		});
	}
	return jobs.sort((a, b) => (a.posted_at < b.posted_at ? 1 : a.posted_at > b.posted_at ? -1 : 0));
}

const countBy = (items, key) => {
	const counts = {};
	for (const item of items) counts[item[key]] = (counts[item[key]] ?? 0) + 1;
	return counts;
};

export function summarizeJobs(company, jobs) {
	const reference = Date.parse(company.delivered_at);
	const recent = jobs.filter((job) => Date.parse(job.posted_at) >= reference - 30 * DAY_MS).length;
	const older = jobs.length - recent;
	return {
		company_id: company.id,
		total_jobs: jobs.length,
		jobs_last_30_days: recent,
		departments: countBy(jobs, 'department'),
		seniority: countBy(jobs, 'seniority'),
		employment_types: countBy(jobs, 'employment_type'),
		remote_share: jobs.length ? round1((jobs.filter((job) => job.remote).length / jobs.length) * 100) / 100 : 0,
		latest_posted_at: jobs[0]?.posted_at ?? null,
		hiring_trend: jobs.length === 0 ? 'none' : recent > older ? 'growing' : recent === older ? 'stable' : 'declining',
	};
}

/** Technology stack of a company, generated lazily from (seed, company id). */
export function generateWebtech(seed, company) {
	const rng = createRng(seed, 'webtech', company.id);
	const reference = Date.parse(company.delivered_at);
	const technologies = rng.sample(TECHNOLOGIES, rng.int(4, 10)).map((tech) => {
		const first = reference - rng.int(30, 900) * DAY_MS;
		return {
			name: tech.name,
			category: tech.category,
			version: rng.chance(0.4) ? `${rng.int(1, 9)}.${rng.int(0, 20)}` : null,
			confidence: Math.round((0.5 + rng.next() * 0.5) * 100) / 100,
			first_detected_at: iso(first),
			last_detected_at: iso(reference - rng.int(0, 20) * DAY_MS),
		};
	});
	return { company_id: company.id, domain: company.domain, scanned_at: company.delivered_at, total: technologies.length, technologies };
}

export function summarizeWebtech(webtech) {
	const categories = new Map();
	for (const tech of webtech.technologies) {
		const names = categories.get(tech.category) ?? [];
		names.push(tech.name);
		categories.set(tech.category, names);
	}
	const list = [...categories.entries()]
		.map(([category, technologies]) => ({ category, count: technologies.length, technologies }))
		.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1));
	return {
		company_id: webtech.company_id,
		domain: webtech.domain,
		total_technologies: webtech.technologies.length,
		categories: list,
		top_categories: list.slice(0, 3).map((entry) => entry.category),
		has_ecommerce: list.some((entry) => entry.category === 'E-commerce'),
		has_crm: list.some((entry) => entry.category === 'CRM'),
		scanned_at: webtech.scanned_at,
	};
}

function nameFromDomain(domain) {
	const label = domain.split('.')[0].replace(/-\d+$/, '');
	return label
		.split(/[-_]/)
		.filter(Boolean)
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

/** One order result; `row` is the submitted company of an enrichment order (null for discovery). */
function orderResult(rng, order, row) {
	const base = companyBase(rng, null);
	const submittedDomain = domainOf(row?.website_url);
	const domain = submittedDomain ?? (row?.company_name ? `${slug(row.company_name) || 'company'}.${base.location.tld}` : base.domain);
	const name = row?.company_name || (submittedDomain ? nameFromDomain(submittedDomain) : base.name);
	const contacts = Array.from({ length: rng.int(1, 3) }, () => {
		const person = contactPerson(rng, domain);
		return {
			name: `${person.first} ${person.last}`,
			role: person.role.role,
			email: person.email,
			seniority: person.role.seniority,
			linkedin_url: `https://www.linkedin.com/in/${slug(`${ascii(person.first)}-${ascii(person.last)}`)}-${rng.hex(6)}`,
		};
	});
	return {
		id: rng.uuid(),
		order_id: order.id,
		source_id: row ? (row.external_id ?? null) : null,
		name,
		website: row?.website_url ?? `https://www.${domain}`,
		domain,
		city: row?.city ?? base.location.city,
		country: row?.country ?? base.location.country,
		business_type: base.type.business_type,
		industry: base.type.industry,
		employee_count: rng.int(5, 2000),
		founded_year: rng.int(1950, 2022),
		description: `${name} operates as a ${base.type.business_type.toLowerCase()}.`,
		phone: `+${rng.int(30, 49)} ${rng.int(10, 99)} ${rng.int(100000, 9999999)}`,
		linkedin_url: `https://www.linkedin.com/company/${domain.split('.')[0]}`,
		match_score: round1(rng.next() * 10),
		qualification_reason: `Fits the search profile: ${base.type.industry}, ${row?.country ?? base.location.country}.`,
		legal_registration: {
			legal_form: base.location.legal,
			register_court: rng.pick(COURTS),
			register_number: `HRB ${rng.int(10000, 299999)}`,
		},
		contacts,
		technologies: rng.sample(TECHNOLOGIES, rng.int(2, 6)).map((tech) => tech.name),
	};
}

/**
 * Results of a COMPLETED order. Discovery: `briefing_quantity` generated companies with
 * `source_id: null`. Enrichment: one result per submitted row in a seeded shuffled order.
 */
export function generateOrderResults(seed, order) {
	const rng = createRng(seed, 'results', order.id);
	if (order.order_type === 'DISCOVERY') {
		return Array.from({ length: order.briefing_quantity }, () => orderResult(rng, order, null));
	}
	return rng.shuffle(order.submitted_companies.map((row) => orderResult(rng, order, row)));
}

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

// ---- initial state ----------------------------------------------------------------------------

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
