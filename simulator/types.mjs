// The simulator's public types, as JSDoc (the records it holds are in records.mjs). `tsc` turns
// them into types.d.mts (npm run declarations); the other modules refer to them with import('./types.mjs').

/**
 * @typedef {'orders:read' | 'orders:write' | 'companies:read' | 'companies:write' | 'prospects:read'
 *   | 'prospect_searches:read' | 'prospect_searches:write' | 'blacklists:read' | 'blacklists:write'
 *   | 'deliveries:write'} Scope
 * @typedef {'all' | 'readOnly' | 'ordersOnly' | 'expired'} KeyName
 * @typedef {'current' | 'flat' | 'nested' | 'oldest' | 'fastapi'} ErrorFormat
 * @typedef {'status' | 'reset' | 'resetMidBody' | 'slow' | 'malformed' | 'html'
 *   | 'statusAfterApply' | 'resetAfterApply' | 'timeoutAfterApply'} FaultKind
 * @typedef {'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} HttpMethod
 * @typedef {'RECEIVED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'FAILED' | 'CANCELLED'} OrderStatus
 * @typedef {'DISCOVERY' | 'ENRICHMENT'} OrderType
 * @typedef {'accepted' | 'rejected' | 'pending'} ReviewStatus
 * @typedef {'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'} ProfileCreationStatus
 */

/**
 * @typedef {string | number | boolean | null} JsonPrimitive
 * @typedef {JsonPrimitive | JsonValue[] | { [key: string]: JsonValue }} JsonValue
 * @typedef {{ [key: string]: JsonValue }} JsonObject
 */

// ---- options ------------------------------------------------------------------------------------

/**
 * @typedef {object} FaultMatch
 * @property {string} [method] HTTP method, case-insensitive.
 * @property {string | RegExp} [route] A route template (`/api/v1/orders/{order_id}`), optionally
 *   prefixed with the method (`POST /api/v1/orders`), an exact path, or a regular expression (string
 *   or RegExp) tested against the request path. A string made only of path characters and `{}` is a
 *   template or path; anything else is compiled as a RegExp.
 */

/**
 * @typedef {object} FaultRule
 * @property {FaultMatch} [match]
 * @property {FaultKind} kind `status`, `reset`, `html` strike before processing (nothing is
 *   created); `slow`, `resetMidBody`, `malformed` after processing (side effects happened);
 *   `statusAfterApply` (error status), `resetAfterApply` (socket destroyed, no response) and
 *   `timeoutAfterApply` (no answer for `delayMs`, then the connection dropped) replace the answer of
 *   a request whose handler ran.
 * @property {number} [status] For `status` and `statusAfterApply` (default 500).
 * @property {number} [delayMs] For `slow` (default 1000) and `timeoutAfterApply` (default 30000).
 * @property {number} [times] How many times the rule fires (default Infinity).
 * @property {number} [probability] 0..1, drawn from a PRNG seeded with the simulator seed (default 1).
 * @property {number} [retryAfter] Seconds for the `Retry-After` header of a status fault (default 1 for 429).
 */

/**
 * @typedef {object} RateLimitConfig
 * @property {number} requestsPerSecond Token-bucket refill rate per API key, on real time.
 * @property {number} [burst] Bucket size (default max(1, requestsPerSecond)).
 */

/**
 * @typedef {object} SimulatorOptions
 * @property {number} [port] Default 0 (a free port).
 * @property {string} [host] Default '127.0.0.1'.
 * @property {number} [seed] Default 42.
 * @property {number} [speed] Clock acceleration applied to elapsed base-clock time (default 1; 0 freezes it).
 * @property {() => number} [now] The caller's clock in epoch ms (default Date.now).
 * @property {Partial<Record<KeyName, string>>} [keys] Overrides of the four built-in key strings.
 * @property {Readonly<Record<string, readonly Scope[]>>} [extraKeys] Additional keys: key string → scopes.
 * @property {number} [companiesPerSearch] Default 250.
 * @property {number} [searches] Default 3.
 * @property {number} [orders] Pre-seeded past orders (default 0).
 * @property {RateLimitConfig | null} [rateLimit] Default null (no limit).
 * @property {readonly FaultRule[]} [faults]
 * @property {ErrorFormat} [errorFormat] Default 'current'.
 * @property {number} [clockOffsetMs] The server clock = the caller's clock (`now`) + this, either
 *   sign, at most one year (default 0).
 * @property {number} [deliveryVisibilityDelayMs] Each delivered company shows in lists only after
 *   `delivered_at` + a seeded delay in [0, this] (default 0).
 * @property {readonly string[] | 'all'} [idempotentRoutes] Route keys (`POST /api/v1/orders`) that
 *   honour Idempotency-Key; elsewhere the key is ignored and a resend creates a duplicate. Default
 *   DOCUMENTED_IDEMPOTENT_ROUTES; 'all' = every route that accepts a key.
 */

/** @typedef {import('./records.mjs').Prospect} Prospect */
/** @typedef {import('./records.mjs').Company} Company */
/** @typedef {import('./records.mjs').ProspectSearch} ProspectSearch */
/** @typedef {import('./records.mjs').Blacklist} Blacklist */
/** @typedef {import('./records.mjs').BlacklistEntry} BlacklistEntry */
/** @typedef {import('./records.mjs').SubmittedCompany} SubmittedCompany */
/** @typedef {import('./records.mjs').OrderContact} OrderContact */
/** @typedef {import('./records.mjs').OrderResult} OrderResult */
/** @typedef {import('./records.mjs').OrderOverride} OrderOverride */
/** @typedef {import('./records.mjs').OrderRecord} OrderRecord */
/** @typedef {import('./records.mjs').OrderView} OrderView */
/** @typedef {import('./records.mjs').ProfileCreationRecord} ProfileCreationRecord */
/** @typedef {import('./records.mjs').IdempotencyRecord} IdempotencyRecord */
/** @typedef {import('./records.mjs').SimulatorState} SimulatorState */

// ---- handle -------------------------------------------------------------------------------------

/**
 * @typedef {object} SimulatorClock
 * @property {() => number} now Simulated epoch ms.
 * @property {(ms: number) => number} advance Jumps the simulated clock forward; returns the new now().
 * @property {number} offsetMs The server clock's offset from the caller's clock.
 * @property {(ms: number) => number} setOffset Changes the offset (the clock may jump back); returns the new now().
 */

/**
 * @typedef {object} SimulatorCounters
 * @property {number} total Every request that reached the server (faulted and rejected ones included).
 * @property {Record<string, number>} byRoute `METHOD /route/{template}` → count (unknown routes: `METHOD /actual/path`).
 * @property {Record<string, number>} byMethodPath `METHOD /actual/path` → count (trailing slash removed).
 * @property {Record<string, number>} processedByRoute Like byRoute, but only requests whose handler
 *   ran (not pre-processing faults, 400/401/403/404/405/429 rejections, idempotent replays).
 */

/**
 * @typedef {object} RequestLogEntry
 * @property {string} id The X-Request-Id, `req_000001`.
 * @property {string} method
 * @property {string} path
 * @property {string | null} route
 * @property {Record<string, string | string[]>} query
 * @property {Record<string, string | string[] | undefined>} headers Lower-cased request headers; `authorization` is always `Bearer ***`.
 * @property {JsonValue | null} body Parsed JSON body, the raw text when it is not JSON, or null when empty.
 * @property {number | null} status Response status; null when no response was sent.
 * @property {number} at Simulated epoch ms at arrival.
 * @property {boolean} processed True when the handler ran (its side effects happened); false for replays and rejections.
 * @property {boolean} replayed True for an Idempotency-Key replay.
 * @property {FaultKind | null} fault
 */

/**
 * @typedef {object} SimulatorHandle
 * @property {string} baseUrl
 * @property {number} port
 * @property {string} apiKey The all-scopes key.
 * @property {Record<KeyName, string>} keys
 * @property {Record<KeyName, Scope[]>} keyScopes
 * @property {SimulatorState} state
 * @property {SimulatorClock} clock
 * @property {SimulatorCounters} counters Live object, cleared in place by resetCounters().
 * @property {RequestLogEntry[]} requests Live log (last 5,000 requests), cleared in place by resetCounters().
 * @property {() => void} resetCounters
 * @property {(faults: readonly FaultRule[]) => void} setFaults
 * @property {(config: RateLimitConfig | null) => void} setRateLimit
 * @property {(format: ErrorFormat) => void} setErrorFormat
 * @property {(prospectSearchId: string, count: number, options?: { deliveredAt?: number }) => Company[]} addCompanies
 *   Adds `count` companies all delivered at `deliveredAt` (server epoch ms, default clock.now()); returns them.
 * @property {(orderId: string, status: OrderStatus, message?: string) => OrderView} setOrderStatus
 *   Forces (and freezes) an order's status at clock.now().
 * @property {(ms: number) => number} setClockOffset Same as clock.setOffset.
 * @property {(ms: number) => void} setDeliveryVisibilityDelay
 * @property {(routes: readonly string[] | 'all') => void} setIdempotentRoutes
 * @property {(companyId: string) => number} visibleAt Server epoch ms from which the company shows in the deliveries and companies lists.
 * @property {(orderId: string) => OrderView} orderView The order as GET /api/v1/orders/{id} would return it now.
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} RouteInfo
 * @property {HttpMethod} method
 * @property {string} template
 * @property {string} key `METHOD template`, the byRoute key.
 * @property {readonly Scope[] | null} scopes null: no auth; []: any active key.
 * @property {'optional' | 'required' | null} idempotency
 */

export {};
