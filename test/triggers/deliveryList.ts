/**
 * The delivered-companies list as the API serves it, for the pure cursor tests: oldest first (ties
 * by id), `delivered_since` inclusive or exclusive, deliveries that become visible late, and the
 * server's own clock in every answer (whole seconds, like a Date header).
 */
import type { IDataObject } from 'n8n-workflow';

import type { DeliveryPage, DeliveryQuery } from '../../nodes/OpenProspect/triggers/deliveryCursor';

export interface ListedDelivery {
	id: string;
	delivered: number;
	visibleFrom: number;
}

export const iso = (ms: number) => new Date(ms).toISOString();

export class DeliveryList {
	clock = Date.parse('2026-01-01T00:00:00.000Z');
	deliveries: ListedDelivery[] = [];
	queries: DeliveryQuery[] = [];
	sendTotal = true;
	sendDate = true;

	constructor(
		readonly pageSize = 100,
		readonly exclusive = false,
	) {}

	add(id: string, delivered: number, visibleFrom = Math.max(delivered, this.clock)) {
		this.deliveries.push({ id, delivered, visibleFrom });
	}

	private cache?: { clock: number; count: number; rows: ListedDelivery[] };

	/** The list as the server would show it now. */
	visible(): ListedDelivery[] {
		const { clock, deliveries } = this;
		if (this.cache?.clock === clock && this.cache.count === deliveries.length)
			return this.cache.rows;
		const rows = deliveries
			.filter((entry) => entry.visibleFrom <= clock)
			.sort((a, b) => a.delivered - b.delivered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		this.cache = { clock, count: deliveries.length, rows };
		return rows;
	}

	read = async (query: DeliveryQuery): Promise<DeliveryPage> => {
		this.queries.push(query);
		const from = query.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.since);
		const visible = this.visible();
		let start = visible.findIndex((entry) =>
			this.exclusive ? entry.delivered > from : entry.delivered >= from,
		);
		if (start < 0) start = visible.length;
		const count = visible.length - start;
		const limit = query.limit ?? this.pageSize;
		const items: IDataObject[] = visible
			.slice(start + query.offset, start + Math.min(count, query.offset + limit))
			.map((entry) => ({ id: entry.id, delivered_at: iso(entry.delivered) }));
		return await Promise.resolve({
			items,
			hasMore: query.offset + items.length < count,
			total: this.sendTotal ? count : undefined,
			serverTime: this.sendDate ? Math.floor(this.clock / 1000) * 1000 : undefined,
		});
	};
}
