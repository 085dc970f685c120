// Type declarations for simulator/server.mjs (the local OpenProspect API simulator).

export type Scope =
	| 'orders:read'
	| 'orders:write'
	| 'companies:read'
	| 'companies:write'
	| 'prospects:read'
	| 'prospect_searches:read'
	| 'prospect_searches:write'
	| 'blacklists:read'
	| 'blacklists:write'
	| 'deliveries:write';

export type KeyName = 'all' | 'readOnly' | 'ordersOnly' | 'expired';
export type ErrorFormat = 'current' | 'flat' | 'nested' | 'oldest' | 'fastapi';
export type FaultKind = 'status' | 'reset' | 'resetMidBody' | 'slow' | 'malformed' | 'html' | 'statusAfterApply' | 'resetAfterApply' | 'timeoutAfterApply';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type OrderStatus = 'RECEIVED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'FAILED' | 'CANCELLED';
export type OrderType = 'DISCOVERY' | 'ENRICHMENT';
export type ReviewStatus = 'accepted' | 'rejected' | 'pending';
export type ProfileCreationStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ---- options ------------------------------------------------------------------------------------

export interface FaultMatch {
	/** HTTP method, case-insensitive. */
	method?: string;
	/**
	 * A route template (`/api/v1/orders/{order_id}`), optionally prefixed with the method
	 * (`POST /api/v1/orders`), an exact path, or a regular expression (string or RegExp) tested
	 * against the request path. A string made only of path characters and `{}` is a template/path;
	 * anything else is compiled as a RegExp.
	 */
	route?: string | RegExp;
}

export interface FaultRule {
	match?: FaultMatch;
	/**
	 * `status`, `reset`, `html` strike before processing (nothing is created);
	 * `slow`, `resetMidBody`, `malformed` strike after processing (side effects happened);
	 * `statusAfterApply` (error status), `resetAfterApply` (socket destroyed, no response) and
	 * `timeoutAfterApply` (no answer for `delayMs`, then the connection dropped) replace the answer
	 * of a request whose handler ran.
	 */
	kind: FaultKind;
	/** For `status` and `statusAfterApply` (default 500). */
	status?: number;
	/** For `slow` (default 1000) and `timeoutAfterApply` (default 30000). */
	delayMs?: number;
	/** How many times the rule fires (default Infinity). */
	times?: number;
	/** 0..1, drawn from a PRNG seeded with the simulator seed (default 1). */
	probability?: number;
	/** Seconds for the `Retry-After` header of a `status` fault (default 1 for 429). */
	retryAfter?: number;
}

export interface RateLimitConfig {
	/** Token-bucket refill rate per API key, on real time. */
	requestsPerSecond: number;
	/** Bucket size (default max(1, requestsPerSecond)). */
	burst?: number;
}

export interface SimulatorOptions {
	/** Default 0 (a free port). */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 42. */
	seed?: number;
	/** Clock acceleration factor applied to elapsed base-clock time (default 1; 0 freezes it). */
	speed?: number;
	/** Base clock in epoch ms (default Date.now). */
	now?: () => number;
	/** Overrides of the four built-in key strings. */
	keys?: Partial<Record<KeyName, string>>;
	/** Additional keys: key string → scopes. */
	extraKeys?: Readonly<Record<string, readonly Scope[]>>;
	/** Default 250. */
	companiesPerSearch?: number;
	/** Default 3. */
	searches?: number;
	/** Pre-seeded past orders (default 0). */
	orders?: number;
	/** Default null (no limit). */
	rateLimit?: RateLimitConfig | null;
	faults?: readonly FaultRule[];
	/** Default 'current'. */
	errorFormat?: ErrorFormat;
	/** The server clock = the caller's clock (`now`) + this, either sign, at most one year (default 0). */
	clockOffsetMs?: number;
	/** Each delivered company shows in lists only after `delivered_at` + a seeded delay in [0, this] (default 0). */
	deliveryVisibilityDelayMs?: number;
	/**
	 * Route keys (`POST /api/v1/orders`) that honour Idempotency-Key; elsewhere the key is ignored and a
	 * resend creates a duplicate. Default DOCUMENTED_IDEMPOTENT_ROUTES; 'all' = every route that accepts a key.
	 */
	idempotentRoutes?: readonly string[] | 'all';
}

// ---- data model (what handle.state holds) -------------------------------------------------------

export interface Prospect {
	/** `ps_` + 16 hex characters. */
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
	email_status: 'verified' | 'unverified';
	phone: string | null;
	linkedin_url: string;
	created_at: string;
}

export interface Company {
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
	/** 0–10, one decimal. */
	match_score: number;
	match_reasoning: string;
	review_status: ReviewStatus;
	source_id: string | null;
	/** ISO 8601; the field the deliveries endpoint filters and sorts on. */
	delivered_at: string;
	created_at: string;
	updated_at: string;
	prospects: Prospect[];
}

export interface ProspectSearch {
	id: string;
	name: string;
	status: 'ACTIVE';
	version: number;
	ideal_customer_profile: string;
	geo_locations: string[];
	search_keywords: string[];
	language_config: { output_language: string };
	company_extraction_commands: string[];
	created_at: string;
	updated_at: string;
}

export interface Blacklist {
	id: string;
	name: string;
	description: string | null;
	created_at: string;
	updated_at: string;
}

export interface BlacklistEntry {
	id: string;
	blacklist_id: string;
	company_name: string | null;
	website_url: string | null;
	external_id: string | null;
	city: string | null;
	created_at: string;
}

export interface SubmittedCompany {
	company_name?: string;
	website_url?: string;
	external_id?: string;
	city?: string;
	country?: string;
}

export interface OrderContact {
	name: string;
	role: string;
	email: string;
	seniority: string;
	linkedin_url: string;
}

export interface OrderResult {
	id: string;
	order_id: string;
	/** The submitted `external_id` (enrichment), else null. */
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
	legal_registration: { legal_form: string; register_court: string; register_number: string };
	contacts: OrderContact[];
	technologies: string[];
}

export interface OrderOverride {
	status: OrderStatus;
	/** Simulated epoch ms. */
	at: number;
	message: string | null;
}

/** Stored order; its public status is computed from the clock (see `handle.orderView`). */
export interface OrderRecord {
	id: string;
	order_type: OrderType;
	profile_id: string | null;
	briefing_quantity: number;
	submitted_companies: SubmittedCompany[];
	/** Simulated epoch ms. */
	created_ms: number;
	override: OrderOverride | null;
	/** Generated on the first results read after COMPLETED. */
	results: OrderResult[] | null;
}

/** The order object the API returns. */
export interface OrderView {
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
}

export interface ProfileCreationRecord {
	id: string;
	/** Revealed in the API once SUCCEEDED. */
	profile_id: string;
	profile_name: string;
	request: JsonObject;
	created_ms: number;
}

export interface IdempotencyRecord {
	key: string;
	/** Route key, e.g. `POST /api/v1/orders`. */
	route: string;
	path: string;
	fingerprint: string;
	status: number;
	body: JsonValue;
	created_at: string;
}

export interface SimulatorState {
	prospectSearches: Map<string, ProspectSearch>;
	companies: Map<string, Company>;
	prospects: Map<string, Prospect>;
	blacklists: Map<string, Blacklist>;
	/** blacklist id → entries. */
	blacklistEntries: Map<string, BlacklistEntry[]>;
	/** prospect search id → assigned blacklist ids. */
	assignments: Map<string, string[]>;
	orders: Map<string, OrderRecord>;
	profileCreations: Map<string, ProfileCreationRecord>;
	/** `${keyName} ${METHOD} ${path} ${Idempotency-Key}` → stored first response. */
	idempotency: Map<string, IdempotencyRecord>;
}

// ---- handle -------------------------------------------------------------------------------------

export interface SimulatorClock {
	/** Simulated epoch ms. */
	now(): number;
	/** Jumps the simulated clock forward; returns the new now(). */
	advance(ms: number): number;
	/** The server clock's offset from the caller's clock. */
	readonly offsetMs: number;
	/** Changes the offset (the clock may jump back); returns the new now(). */
	setOffset(ms: number): number;
}

export interface SimulatorCounters {
	/** Every request that reached the server (faulted and rejected ones included). */
	total: number;
	/** `METHOD /route/{template}` → count (unknown routes: `METHOD /actual/path`). */
	byRoute: Record<string, number>;
	/** `METHOD /actual/path` → count (trailing slash removed). */
	byMethodPath: Record<string, number>;
	/** Like byRoute, but only requests whose handler ran (not pre-processing faults, 400/401/403/404/405/429 rejections, idempotent replays). */
	processedByRoute: Record<string, number>;
}

export interface RequestLogEntry {
	/** The X-Request-Id, `req_000001`. */
	id: string;
	method: string;
	path: string;
	route: string | null;
	query: Record<string, string | string[]>;
	/** Lower-cased request headers; `authorization` is always `Bearer ***`. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON body, the raw text when it is not JSON, or null when empty. */
	body: JsonValue | null;
	/** Response status; null when the socket was reset before any response. */
	status: number | null;
	/** Simulated epoch ms at arrival. */
	at: number;
	/** True when the handler ran (its side effects happened); false for replays and rejections. */
	processed: boolean;
	/** True for an Idempotency-Key replay. */
	replayed: boolean;
	fault: FaultKind | null;
}

export interface SimulatorHandle {
	baseUrl: string;
	port: number;
	/** The all-scopes key. */
	apiKey: string;
	keys: Record<KeyName, string>;
	keyScopes: Record<KeyName, Scope[]>;
	state: SimulatorState;
	clock: SimulatorClock;
	/** Live object, cleared in place by resetCounters(). */
	counters: SimulatorCounters;
	/** Live log (last 5,000 requests), cleared in place by resetCounters(). */
	requests: RequestLogEntry[];
	resetCounters(): void;
	setFaults(faults: readonly FaultRule[]): void;
	setRateLimit(config: RateLimitConfig | null): void;
	setErrorFormat(format: ErrorFormat): void;
	/** Adds `count` companies all delivered at `deliveredAt` (server epoch ms, default clock.now()); returns them. */
	addCompanies(prospectSearchId: string, count: number, options?: { deliveredAt?: number }): Company[];
	/** Same as clock.setOffset. */
	setClockOffset(ms: number): number;
	setDeliveryVisibilityDelay(ms: number): void;
	setIdempotentRoutes(routes: readonly string[] | 'all'): void;
	/** Server epoch ms from which the company shows in the deliveries and companies lists. */
	visibleAt(companyId: string): number;
	/** Forces (and freezes) an order's status at clock.now(). */
	setOrderStatus(orderId: string, status: OrderStatus, message?: string): OrderView;
	/** The order as GET /api/v1/orders/{id} would return it now. */
	orderView(orderId: string): OrderView;
	close(): Promise<void>;
}

export interface RouteInfo {
	method: HttpMethod;
	template: string;
	/** `METHOD template`, the byRoute key. */
	key: string;
	/** null: no auth; []: any active key. */
	scopes: readonly Scope[] | null;
	idempotency: 'optional' | 'required' | null;
}

export declare const ALL_SCOPES: readonly Scope[];
export declare const ORDER_STATUSES: readonly OrderStatus[];
export declare const ORDER_TIMELINE_MS: Readonly<{ ACCEPTED: number; IN_PROGRESS: number; DONE: number }>;
export declare const PROFILE_TIMELINE_MS: Readonly<{ RUNNING: number; DONE: number }>;
export declare const ERROR_FORMATS: readonly ErrorFormat[];
export declare const FAULT_KINDS: readonly FaultKind[];
export declare const DOCUMENTED_IDEMPOTENT_ROUTES: readonly string[];
export declare const MAX_CLOCK_OFFSET_MS: number;
export declare const ROUTES: readonly RouteInfo[];

export declare function startSimulator(options?: SimulatorOptions): Promise<SimulatorHandle>;
