export interface MeasuredFile {
	path: string;
	lines: number;
	descriptionLines: number;
	functions: Array<{ name: string; lines: number }>;
}
export function measureProductCode(): MeasuredFile[];
