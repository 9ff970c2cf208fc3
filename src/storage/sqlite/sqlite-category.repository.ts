import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { Category, CategoryInput, CategoryType } from '../../domain/entities/category.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { CategoryFilter, CategoryRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import { byIds, defined, pageBy } from './paging.js';

interface CategoryRow {
  id: string;
  site: string;
  url: string;
  path: string;
  name: string;
  parent_url: string | null;
  parent_id: string | null;
  type: string;
  depth: number;
  created_at: number;
  updated_at: number;
}

function categoryFromRow(row: CategoryRow): Category {
  return defined({
    id: row.id,
    site: row.site,
    url: row.url,
    path: row.path,
    name: row.name,
    parentUrl: row.parent_url ?? undefined,
    parentId: row.parent_id ?? undefined,
    type: row.type as CategoryType,
    depth: row.depth,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }) as Category;
}

export class SqliteCategoryRepository implements CategoryRepository {
  constructor(private readonly db: Database) {}

  async upsert(input: CategoryInput): Promise<Category> {
    return this.db.transaction(() => this.upsertSync(input, new Date()))();
  }

  /** Inserts or refreshes a category by URL and wires parent links both ways. Runs in the caller's transaction. */
  upsertSync(input: CategoryInput, now: Date): Category {
    const parentId = input.parentUrl
      ? ((stmt(this.db, 'SELECT id FROM categories WHERE url = ?').pluck().get(input.parentUrl) as string | undefined) ?? null)
      : null;
    const row = stmt(this.db, `
      INSERT INTO categories (id, site, url, path, name, parent_url, parent_id, type, depth, created_at, updated_at)
      VALUES (@id, @site, @url, @path, @name, @parentUrl, @parentId, @type, @depth, @now, @now)
      ON CONFLICT (url) DO UPDATE SET name = excluded.name, path = excluded.path,
        parent_url = COALESCE(excluded.parent_url, categories.parent_url),
        parent_id = COALESCE(excluded.parent_id, categories.parent_id),
        type = CASE WHEN @typeGiven THEN excluded.type ELSE categories.type END,
        depth = CASE WHEN @depthGiven THEN excluded.depth ELSE categories.depth END, updated_at = excluded.updated_at
      RETURNING *`).get({
      id: newId(now.getTime()), site: input.site, url: input.url, path: input.path, name: input.name,
      parentUrl: input.parentUrl ?? null, parentId, type: input.type ?? 'OTHER', depth: input.depth ?? 0,
      typeGiven: input.type ? 1 : 0, depthGiven: input.depth !== undefined ? 1 : 0, now: now.getTime(),
    }) as CategoryRow;
    stmt(this.db, 'UPDATE categories SET parent_id = ? WHERE parent_url = ? AND parent_id IS NULL').run(row.id, row.url);
    if (input.campaignId) {
      stmt(this.db, 'INSERT OR IGNORE INTO category_campaigns (category_id, campaign_id) VALUES (?, ?)').run(row.id, input.campaignId);
    }
    return categoryFromRow(row);
  }

  async getByIds(ids: readonly string[]): Promise<(Category | null)[]> {
    return byIds(this.db, 'categories', ids, categoryFromRow);
  }

  async getByUrl(url: string): Promise<Category | null> {
    const row = stmt(this.db, 'SELECT * FROM categories WHERE url = ?').get(url) as CategoryRow | undefined;
    return row ? categoryFromRow(row) : null;
  }

  async list(filter: CategoryFilter, page: PageRequest): Promise<Page<Category>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      where.push(clause);
      params.push(value);
    };
    if (filter.site) add('t.site = ?', filter.site);
    if (filter.type) add('t.type = ?', filter.type);
    if (filter.parentId) add('t.parent_id = ?', filter.parentId);
    if (filter.campaignId) add('t.id IN (SELECT category_id FROM category_campaigns WHERE campaign_id = ?)', filter.campaignId);
    return pageBy(this.db, { from: 'categories t', where, params }, page, categoryFromRow);
  }

  async descendantIds(categoryId: string): Promise<string[]> {
    return stmt(this.db, `WITH RECURSIVE below(id) AS (
        SELECT id FROM categories WHERE parent_id = ?
        UNION SELECT c.id FROM categories c JOIN below b ON c.parent_id = b.id
      ) SELECT id FROM below ORDER BY id`).pluck().all(categoryId) as string[];
  }
}
