// Generated results of an order.
import { companyBase, contactPerson } from './companies.mjs';
import { ascii, createRng, domainOf, round1, slug } from './random.mjs';
import { COURTS, TECHNOLOGIES } from './words.mjs';

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
