// Price lists published to PostgreSQL (`npm run price-list -- publish <file>`): each
// publication a row of its own (migration 2), the newest in force, announced on a
// channel every server process listens on (src/server/price-list-published.ts).
import type { Sql } from 'postgres';

export const PRICE_LIST_CHANNEL = 'wenda_price_list';

export interface PublishedPriceList {
  id: number;
  version: string;
  /** The list as published, JSON text: the server checks it again before using it. */
  body: string;
  publishedAt: string;
}

/** Stores `raw` (the list as its file has it, already checked; `version` its version) as the newest and tells every process. */
export async function publishPriceList(sql: Sql, version: string, raw: unknown): Promise<PublishedPriceList> {
  const publishedAt = new Date();
  const [row] = (await sql.begin(async (tx) => {
    const rows = await tx`INSERT INTO price_lists (version, body, published_at) VALUES (${version}, ${JSON.stringify(raw)}::text::json, ${publishedAt}) RETURNING id`;
    // Delivered when the transaction commits, not before: a listener then finds the row.
    await tx`SELECT pg_notify(${PRICE_LIST_CHANNEL}, ${String(rows[0]!.id)})`;
    return rows;
  })) as unknown as [{ id: string }];
  return { id: Number(row.id), version, body: JSON.stringify(raw), publishedAt: publishedAt.toISOString() };
}

/** The newest `count` published lists, newest first. */
export async function latestPriceLists(sql: Sql, count = 1): Promise<PublishedPriceList[]> {
  const rows = await sql`SELECT id, version, body::text AS body, published_at FROM price_lists ORDER BY id DESC LIMIT ${count}`;
  return rows.map((row) => ({ id: Number(row.id), version: row.version as string, body: row.body as string, publishedAt: (row.published_at as Date).toISOString() }));
}
