/** A resource locator parameter value as the editor stores it. */
export interface LocatorValue {
	__rl: true;
	mode: string;
	value: string;
}

/** A resource locator value in `mode` ('id' by default; 'list', 'url'). */
export const locator = (value: string, mode = 'id'): LocatorValue => ({ __rl: true, mode, value });

/** A resource locator value "By ID". */
export const byId = (value: string): LocatorValue => locator(value, 'id');

/** A resource locator value picked "From List". */
export const fromList = (value: string): LocatorValue => locator(value, 'list');
