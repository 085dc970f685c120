// Generated companies, their prospects, jobs and technology stack.
import { DAY_MS, ascii, createRng, iso, round1, slug } from './random.mjs';
import { BUSINESS_TYPES, EMPLOYMENT_TYPES, FIRST_NAMES, JOB_SENIORITIES, JOB_TITLES, LAST_NAMES, LOCATIONS, NAME_CORES, NAME_PREFIXES, REVIEW_STATUSES, ROLES, TECHNOLOGIES } from './words.mjs';

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
export function companyBase(rng, usedDomains) {
	const location = rng.pick(LOCATIONS);
	const type = rng.pick(BUSINESS_TYPES);
	const stem = `${rng.pick(NAME_PREFIXES)}${rng.pick(NAME_CORES)}`;
	const domain = uniqueDomain(slug(stem), location.tld, usedDomains);
	const label = domain.split('.')[0].split('-')[1];
	const name = `${stem}${label ? ` ${label}` : ''} ${location.legal}`;
	return { name, domain, location, type };
}

export function contactPerson(rng, domain) {
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
