// Generated from simulator/types.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
export type Scope = "orders:read" | "orders:write" | "companies:read" | "companies:write" | "prospects:read" | "prospect_searches:read" | "prospect_searches:write" | "blacklists:read" | "blacklists:write" | "deliveries:write";
export type KeyName = "all" | "readOnly" | "ordersOnly" | "expired";
export type ErrorFormat = "current" | "flat" | "nested" | "oldest" | "fastapi";
export type FaultKind = "status" | "reset" | "resetMidBody" | "slow" | "malformed" | "html" | "statusAfterApply" | "resetAfterApply" | "timeoutAfterApply";
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type OrderStatus = "RECEIVED" | "ACCEPTED" | "IN_PROGRESS" | "COMPLETED" | "REJECTED" | "FAILED" | "CANCELLED";
export type OrderType = "DISCOVERY" | "ENRICHMENT";
export type ReviewStatus = "accepted" | "rejected" | "pending";
export type ProfileCreationStatus = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED";
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | {
    [key: string]: JsonValue;
};
export type JsonObject = {
    [key: string]: JsonValue;
};
export type FaultMatch = {
    /**
     * HTTP method, case-insensitive.
     */
    method?: string;
    /**
     * A route template (`/api/v1/orders/{order_id}`), optionally
     * prefixed with the method (`POST /api/v1/orders`), an exact path, or a regular expression (string
     * or RegExp) tested against the request path. A string made only of path characters and `{}` is a
     * template or path; anything else is compiled as a RegExp.
     */
    route?: string | RegExp;
};
export type FaultRule = {
    match?: FaultMatch;
    /**
     * `status`, `reset`, `html` strike before processing (nothing is
     * created); `slow`, `resetMidBody`, `malformed` after processing (side effects happened);
     * `statusAfterApply` (error status), `resetAfterApply` (socket destroyed, no response) and
     * `timeoutAfterApply` (no answer for `delayMs`, then the connection dropped) replace the answer of
     * a request whose handler ran.
     */
    kind: FaultKind;
    /**
     * For `status` and `statusAfterApply` (default 500).
     */
    status?: number;
    /**
     * For `slow` (default 1000) and `timeoutAfterApply` (default 30000).
     */
    delayMs?: number;
    /**
     * How many times the rule fires (default Infinity).
     */
    times?: number;
    /**
     * 0..1, drawn from a PRNG seeded with the simulator seed (default 1).
     */
    probability?: number;
    /**
     * Seconds for the `Retry-After` header of a status fault (default 1 for 429).
     */
    retryAfter?: number;
};
export type RateLimitConfig = {
    /**
     * Token-bucket refill rate per API key, on real time.
     */
    requestsPerSecond: number;
    /**
     * Bucket size (default max(1, requestsPerSecond)).
     */
    burst?: number;
};
export type SimulatorOptions = {
    /**
     * Default 0 (a free port).
     */
    port?: number;
    /**
     * Default '127.0.0.1'.
     */
    host?: string;
    /**
     * Default 42.
     */
    seed?: number;
    /**
     * Clock acceleration applied to elapsed base-clock time (default 1; 0 freezes it).
     */
    speed?: number;
    /**
     * The caller's clock in epoch ms (default Date.now).
     */
    now?: () => number;
    /**
     * Overrides of the four built-in key strings.
     */
    keys?: Partial<Record<KeyName, string>>;
    /**
     * Additional keys: key string → scopes.
     */
    extraKeys?: Readonly<Record<string, readonly Scope[]>>;
    /**
     * Default 250.
     */
    companiesPerSearch?: number;
    /**
     * Default 3.
     */
    searches?: number;
    /**
     * Pre-seeded past orders (default 0).
     */
    orders?: number;
    /**
     * Default null (no limit).
     */
    rateLimit?: RateLimitConfig | null;
    faults?: readonly FaultRule[];
    /**
     * Default 'current'.
     */
    errorFormat?: ErrorFormat;
    /**
     * The server clock = the caller's clock (`now`) + this, either
     * sign, at most one year (default 0).
     */
    clockOffsetMs?: number;
    /**
     * Each delivered company shows in lists only after
     * `delivered_at` + a seeded delay in [0, this] (default 0).
     */
    deliveryVisibilityDelayMs?: number;
    /**
     * Route keys (`POST /api/v1/orders`) that
     * honour Idempotency-Key; elsewhere the key is ignored and a resend creates a duplicate. Default
     * DOCUMENTED_IDEMPOTENT_ROUTES; 'all' = every route that accepts a key.
     */
    idempotentRoutes?: readonly string[] | "all";
};
export type Prospect = import("./records.mjs").Prospect;
export type Company = import("./records.mjs").Company;
export type ProspectSearch = import("./records.mjs").ProspectSearch;
export type Blacklist = import("./records.mjs").Blacklist;
export type BlacklistEntry = import("./records.mjs").BlacklistEntry;
export type SubmittedCompany = import("./records.mjs").SubmittedCompany;
export type OrderContact = import("./records.mjs").OrderContact;
export type OrderResult = import("./records.mjs").OrderResult;
export type OrderOverride = import("./records.mjs").OrderOverride;
export type OrderRecord = import("./records.mjs").OrderRecord;
export type OrderView = import("./records.mjs").OrderView;
export type ProfileCreationRecord = import("./records.mjs").ProfileCreationRecord;
export type IdempotencyRecord = import("./records.mjs").IdempotencyRecord;
export type SimulatorState = import("./records.mjs").SimulatorState;
export type SimulatorClock = {
    /**
     * Simulated epoch ms.
     */
    now: () => number;
    /**
     * Jumps the simulated clock forward; returns the new now().
     */
    advance: (ms: number) => number;
    /**
     * The server clock's offset from the caller's clock.
     */
    offsetMs: number;
    /**
     * Changes the offset (the clock may jump back); returns the new now().
     */
    setOffset: (ms: number) => number;
};
export type SimulatorCounters = {
    /**
     * Every request that reached the server (faulted and rejected ones included).
     */
    total: number;
    /**
     * `METHOD /route/{template}` → count (unknown routes: `METHOD /actual/path`).
     */
    byRoute: Record<string, number>;
    /**
     * `METHOD /actual/path` → count (trailing slash removed).
     */
    byMethodPath: Record<string, number>;
    /**
     * Like byRoute, but only requests whose handler
     * ran (not pre-processing faults, 400/401/403/404/405/429 rejections, idempotent replays).
     */
    processedByRoute: Record<string, number>;
};
export type RequestLogEntry = {
    /**
     * The X-Request-Id, `req_000001`.
     */
    id: string;
    method: string;
    path: string;
    route: string | null;
    query: Record<string, string | string[]>;
    /**
     * Lower-cased request headers; `authorization` is always `Bearer ***`.
     */
    headers: Record<string, string | string[] | undefined>;
    /**
     * Parsed JSON body, the raw text when it is not JSON, or null when empty.
     */
    body: JsonValue | null;
    /**
     * Response status; null when no response was sent.
     */
    status: number | null;
    /**
     * Simulated epoch ms at arrival.
     */
    at: number;
    /**
     * True when the handler ran (its side effects happened); false for replays and rejections.
     */
    processed: boolean;
    /**
     * True for an Idempotency-Key replay.
     */
    replayed: boolean;
    fault: FaultKind | null;
};
export type SimulatorHandle = {
    baseUrl: string;
    port: number;
    /**
     * The all-scopes key.
     */
    apiKey: string;
    keys: Record<KeyName, string>;
    keyScopes: Record<KeyName, Scope[]>;
    state: SimulatorState;
    clock: SimulatorClock;
    /**
     * Live object, cleared in place by resetCounters().
     */
    counters: SimulatorCounters;
    /**
     * Live log (last 5,000 requests), cleared in place by resetCounters().
     */
    requests: RequestLogEntry[];
    resetCounters: () => void;
    setFaults: (faults: readonly FaultRule[]) => void;
    setRateLimit: (config: RateLimitConfig | null) => void;
    setErrorFormat: (format: ErrorFormat) => void;
    /**
     *   Adds `count` companies all delivered at `deliveredAt` (server epoch ms, default clock.now()); returns them.
     */
    addCompanies: (prospectSearchId: string, count: number, options?: {
        deliveredAt?: number;
    }) => Company[];
    /**
     *   Forces (and freezes) an order's status at clock.now().
     */
    setOrderStatus: (orderId: string, status: OrderStatus, message?: string) => OrderView;
    /**
     * Same as clock.setOffset.
     */
    setClockOffset: (ms: number) => number;
    setDeliveryVisibilityDelay: (ms: number) => void;
    setIdempotentRoutes: (routes: readonly string[] | "all") => void;
    /**
     * Server epoch ms from which the company shows in the deliveries and companies lists.
     */
    visibleAt: (companyId: string) => number;
    /**
     * The order as GET /api/v1/orders/{id} would return it now.
     */
    orderView: (orderId: string) => OrderView;
    close: () => Promise<void>;
};
export type RouteInfo = {
    method: HttpMethod;
    template: string;
    /**
     * `METHOD template`, the byRoute key.
     */
    key: string;
    /**
     * null: no auth; []: any active key.
     */
    scopes: readonly Scope[] | null;
    idempotency: "optional" | "required" | null;
};
