import type { SimulatorHandle, SimulatorOptions } from './server.mjs';

export type SelfCheckClient = (method: string, path: string, options?: Record<string, unknown>) => Promise<unknown>;
export declare const SELF_CHECKS: Record<string, (sim: SimulatorHandle, api: SelfCheckClient) => Promise<void>>;
export declare const SELF_CHECK_OPTIONS: SimulatorOptions;
export declare function checkDeterminismAndClock(): Promise<void>;
export declare function client(sim: SimulatorHandle): SelfCheckClient;
