export interface TricklingServer {
	baseUrl: string;
	close(): Promise<void>;
}
/** A local server that stays alive by sending a space every `dripMs`, and completes late. */
export declare function startTricklingServer(options?: {
	dripMs?: number;
	completeAfterMs?: number;
}): Promise<TricklingServer>;
/** Runs `callback` after `ms`. */
export declare function after(ms: number, callback: () => void): void;
