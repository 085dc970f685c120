// The simulator's records (what handle.state holds), as JSDoc. `tsc` turns them into records.d.mts
// (npm run declarations).

/** @typedef {import('./types.mjs').JsonValue} JsonValue */
/** @typedef {import('./types.mjs').JsonObject} JsonObject */
/** @typedef {import('./types.mjs').OrderStatus} OrderStatus */
/** @typedef {import('./types.mjs').OrderType} OrderType */
/** @typedef {import('./types.mjs').ReviewStatus} ReviewStatus */

/**
 * @typedef {object} Prospect
 * @property {string} id `ps_` + 16 hex characters.
 * @property {string} company_id
 * @property {string} prospect_search_id
 * @property {string} company_name
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} name
 * @property {string} role
 * @property {string} seniority
 * @property {string} department
 * @property {string} email
 * @property {'verified' | 'unverified'} email_status
 * @property {string | null} phone
 * @property {string} linkedin_url
 * @property {string} created_at
 */

/**
 * @typedef {object} Company
 * @property {string} id
 * @property {string} prospect_search_id
 * @property {string} name
 * @property {string} website
 * @property {string} domain
 * @property {string} city
 * @property {string} country
 * @property {string} country_code
 * @property {string} business_type
 * @property {string} industry
 * @property {number} employee_count
 * @property {number} founded_year
 * @property {string} description
 * @property {string} phone
 * @property {string} linkedin_url
 * @property {number} match_score 0–10, one decimal.
 * @property {string} match_reasoning
 * @property {ReviewStatus} review_status
 * @property {string | null} source_id
 * @property {string} delivered_at ISO 8601; the field the deliveries endpoint filters and sorts on.
 * @property {string} created_at
 * @property {string} updated_at
 * @property {Prospect[]} prospects
 */

/**
 * @typedef {object} ProspectSearch
 * @property {string} id
 * @property {string} name
 * @property {'ACTIVE'} status
 * @property {number} version
 * @property {string} ideal_customer_profile
 * @property {string[]} geo_locations
 * @property {string[]} search_keywords
 * @property {{ output_language: string }} language_config
 * @property {string[]} company_extraction_commands
 * @property {string} created_at
 * @property {string} updated_at
 */

/**
 * @typedef {object} Blacklist
 * @property {string} id
 * @property {string} name
 * @property {string | null} description
 * @property {string} created_at
 * @property {string} updated_at
 */

/**
 * @typedef {object} BlacklistEntry
 * @property {string} id
 * @property {string} blacklist_id
 * @property {string | null} company_name
 * @property {string | null} website_url
 * @property {string | null} external_id
 * @property {string | null} city
 * @property {string} created_at
 */

/**
 * @typedef {object} SubmittedCompany
 * @property {string} [company_name]
 * @property {string} [website_url]
 * @property {string} [external_id]
 * @property {string} [city]
 * @property {string} [country]
 */

/**
 * @typedef {object} OrderContact
 * @property {string} name
 * @property {string} role
 * @property {string} email
 * @property {string} seniority
 * @property {string} linkedin_url
 */

/**
 * @typedef {object} OrderResult
 * @property {string} id
 * @property {string} order_id
 * @property {string | null} source_id The submitted `external_id` (enrichment), else null.
 * @property {string} name
 * @property {string} website
 * @property {string} domain
 * @property {string} city
 * @property {string} country
 * @property {string} business_type
 * @property {string} industry
 * @property {number} employee_count
 * @property {number} founded_year
 * @property {string} description
 * @property {string} phone
 * @property {string} linkedin_url
 * @property {number} match_score
 * @property {string} qualification_reason
 * @property {{ legal_form: string; register_court: string; register_number: string }} legal_registration
 * @property {OrderContact[]} contacts
 * @property {string[]} technologies
 */

/**
 * @typedef {object} OrderOverride
 * @property {OrderStatus} status
 * @property {number} at Simulated epoch ms.
 * @property {string | null} message
 */

/**
 * A stored order; its public status is computed from the clock (see `handle.orderView`).
 * @typedef {object} OrderRecord
 * @property {string} id
 * @property {OrderType} order_type
 * @property {string | null} profile_id
 * @property {number} briefing_quantity
 * @property {SubmittedCompany[]} submitted_companies
 * @property {number} created_ms Simulated epoch ms.
 * @property {OrderOverride | null} override
 * @property {OrderResult[] | null} results Generated on the first results read after COMPLETED.
 */

/**
 * The order object the API returns.
 * @typedef {object} OrderView
 * @property {string} id
 * @property {OrderStatus} status
 * @property {OrderType} order_type
 * @property {string | null} profile_id
 * @property {number} briefing_quantity
 * @property {number} company_count
 * @property {string} created_at
 * @property {string} updated_at
 * @property {string | null} completed_at
 * @property {string | null} status_message
 */

/**
 * @typedef {object} ProfileCreationRecord
 * @property {string} id
 * @property {string} profile_id Revealed in the API once SUCCEEDED.
 * @property {string} profile_name
 * @property {JsonObject} request
 * @property {number} created_ms
 */

/**
 * @typedef {object} IdempotencyRecord
 * @property {string} key
 * @property {string} route Route key, e.g. `POST /api/v1/orders`.
 * @property {string} path
 * @property {string} fingerprint
 * @property {number} status
 * @property {JsonValue} body
 * @property {string} created_at
 */

/**
 * @typedef {object} SimulatorState
 * @property {Map<string, ProspectSearch>} prospectSearches
 * @property {Map<string, Company>} companies
 * @property {Map<string, Prospect>} prospects
 * @property {Map<string, Blacklist>} blacklists
 * @property {Map<string, BlacklistEntry[]>} blacklistEntries blacklist id → entries.
 * @property {Map<string, string[]>} assignments prospect search id → assigned blacklist ids.
 * @property {Map<string, OrderRecord>} orders
 * @property {Map<string, ProfileCreationRecord>} profileCreations
 * @property {Map<string, IdempotencyRecord>} idempotency `${keyName} ${METHOD} ${path} ${Idempotency-Key}` → stored first response.
 */

export {};
