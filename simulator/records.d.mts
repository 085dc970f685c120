// Generated from simulator/records.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
export type JsonValue = import("./types.mjs").JsonValue;
export type JsonObject = import("./types.mjs").JsonObject;
export type OrderStatus = import("./types.mjs").OrderStatus;
export type OrderType = import("./types.mjs").OrderType;
export type ReviewStatus = import("./types.mjs").ReviewStatus;
export type Prospect = {
    /**
     * `ps_` + 16 hex characters.
     */
    id: string;
    company_id: string;
    prospect_search_id: string;
    company_name: string;
    first_name: string;
    last_name: string;
    name: string;
    role: string;
    seniority: string;
    department: string;
    email: string;
    email_status: "verified" | "unverified";
    phone: string | null;
    linkedin_url: string;
    created_at: string;
};
export type Company = {
    id: string;
    prospect_search_id: string;
    name: string;
    website: string;
    domain: string;
    city: string;
    country: string;
    country_code: string;
    business_type: string;
    industry: string;
    employee_count: number;
    founded_year: number;
    description: string;
    phone: string;
    linkedin_url: string;
    /**
     * 0–10, one decimal.
     */
    match_score: number;
    match_reasoning: string;
    review_status: ReviewStatus;
    source_id: string | null;
    /**
     * ISO 8601; the field the deliveries endpoint filters and sorts on.
     */
    delivered_at: string;
    created_at: string;
    updated_at: string;
    prospects: Prospect[];
};
export type ProspectSearch = {
    id: string;
    name: string;
    status: "ACTIVE";
    version: number;
    ideal_customer_profile: string;
    geo_locations: string[];
    search_keywords: string[];
    language_config: {
        output_language: string;
    };
    company_extraction_commands: string[];
    created_at: string;
    updated_at: string;
};
export type Blacklist = {
    id: string;
    name: string;
    description: string | null;
    created_at: string;
    updated_at: string;
};
export type BlacklistEntry = {
    id: string;
    blacklist_id: string;
    company_name: string | null;
    website_url: string | null;
    external_id: string | null;
    city: string | null;
    created_at: string;
};
export type SubmittedCompany = {
    company_name?: string;
    website_url?: string;
    external_id?: string;
    city?: string;
    country?: string;
};
export type OrderContact = {
    name: string;
    role: string;
    email: string;
    seniority: string;
    linkedin_url: string;
};
export type OrderResult = {
    id: string;
    order_id: string;
    /**
     * The submitted `external_id` (enrichment), else null.
     */
    source_id: string | null;
    name: string;
    website: string;
    domain: string;
    city: string;
    country: string;
    business_type: string;
    industry: string;
    employee_count: number;
    founded_year: number;
    description: string;
    phone: string;
    linkedin_url: string;
    match_score: number;
    qualification_reason: string;
    legal_registration: {
        legal_form: string;
        register_court: string;
        register_number: string;
    };
    contacts: OrderContact[];
    technologies: string[];
};
export type OrderOverride = {
    status: OrderStatus;
    /**
     * Simulated epoch ms.
     */
    at: number;
    message: string | null;
};
/**
 * A stored order; its public status is computed from the clock (see `handle.orderView`).
 */
export type OrderRecord = {
    id: string;
    order_type: OrderType;
    profile_id: string | null;
    briefing_quantity: number;
    submitted_companies: SubmittedCompany[];
    /**
     * Simulated epoch ms.
     */
    created_ms: number;
    override: OrderOverride | null;
    /**
     * Generated on the first results read after COMPLETED.
     */
    results: OrderResult[] | null;
};
/**
 * The order object the API returns.
 */
export type OrderView = {
    id: string;
    status: OrderStatus;
    order_type: OrderType;
    profile_id: string | null;
    briefing_quantity: number;
    company_count: number;
    created_at: string;
    updated_at: string;
    completed_at: string | null;
    status_message: string | null;
};
export type ProfileCreationRecord = {
    id: string;
    /**
     * Revealed in the API once SUCCEEDED.
     */
    profile_id: string;
    profile_name: string;
    request: JsonObject;
    created_ms: number;
};
export type IdempotencyRecord = {
    key: string;
    /**
     * Route key, e.g. `POST /api/v1/orders`.
     */
    route: string;
    path: string;
    fingerprint: string;
    status: number;
    body: JsonValue;
    created_at: string;
};
export type SimulatorState = {
    prospectSearches: Map<string, ProspectSearch>;
    companies: Map<string, Company>;
    prospects: Map<string, Prospect>;
    blacklists: Map<string, Blacklist>;
    /**
     * blacklist id → entries.
     */
    blacklistEntries: Map<string, BlacklistEntry[]>;
    /**
     * prospect search id → assigned blacklist ids.
     */
    assignments: Map<string, string[]>;
    orders: Map<string, OrderRecord>;
    profileCreations: Map<string, ProfileCreationRecord>;
    /**
     * `${keyName} ${METHOD} ${path} ${Idempotency-Key}` → stored first response.
     */
    idempotency: Map<string, IdempotencyRecord>;
};
