import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { isTrawlError } from '../domain/errors.js';
import type { Logger } from '../domain/ports/logger.port.js';
import { EXPORT_COLUMNS, type ProductExportRow, type ProductExportService } from '../domain/services/product-export.service.js';

export const EXPORT_PREFIX = '/api/campaigns';

export type Format = 'ndjson' | 'csv';

const CONTENT_TYPES: Record<Format, string> = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8; header=present' };

/** One CSV field (RFC 4180): quoted when it holds a quote, comma, CR or LF; quotes doubled. Lists are pipe-joined. */
export function csvField(value: ProductExportRow[keyof ProductExportRow]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: readonly ProductExportRow[keyof ProductExportRow][]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The export as text chunks, one per storage page (the header row first for CSV). */
async function* encode(pages: AsyncIterable<ProductExportRow[]>, format: Format): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(EXPORT_COLUMNS);
  for await (const rows of pages) {
    yield rows.map((row) => (format === 'csv' ? csvLine(EXPORT_COLUMNS.map((column) => row[column])) : `${JSON.stringify(row)}\n`)).join('');
  }
}

/**
 * The export of a campaign as a byte stream. It pulls the next storage page
 * only when its reader has taken the previous chunk (one chunk buffered), so a
 * slow client slows the paging down instead of filling memory.
 */
export function exportStream(exports: ProductExportService, campaignId: string, format: Format): Readable {
  return Readable.from(encode(exports.pages(campaignId), format), { objectMode: false, highWaterMark: 1 });
}

/**
 * Streamed exports of a campaign's products: `GET /api/campaigns/:id/products.ndjson`
 * (one JSON object per line) and `.csv` (RFC 4180, header row, CRLF). Pages are
 * read from storage only as fast as the client takes them (stream
 * backpressure); a client that goes away stops the paging. 404 for an unknown campaign.
 */
export function exportRouter(exports: ProductExportService, logger: Logger): Router {
  const router = Router();
  router.get('/:id/products.ndjson', (req, res) => send(exports, logger, req, res, 'ndjson'));
  router.get('/:id/products.csv', (req, res) => send(exports, logger, req, res, 'csv'));
  router.use((req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: `No export route ${req.method} ${EXPORT_PREFIX}${req.path}` } });
  });
  return router;
}

async function send(exports: ProductExportService, logger: Logger, req: Request, res: Response, format: Format): Promise<void> {
  const campaignId = String(req.params.id);
  try {
    await exports.assertCampaign(campaignId);
  } catch (error) {
    if (isTrawlError(error) && error.code === 'NOT_FOUND') {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: error.message } });
      return;
    }
    logger.error({ err: error, requestId: res.locals.requestId, campaignId }, 'export could not start');
    res.status(isTrawlError(error) && error.retryable ? 503 : 500).json({ error: { code: isTrawlError(error) ? error.code : 'INTERNAL', message: 'The export could not start' } });
    return;
  }
  res.status(200).type(CONTENT_TYPES[format]).set({
    'content-disposition': `attachment; filename="campaign-${campaignId.replace(/[^\w.-]/g, '_')}-products.${format}"`, 'cache-control': 'no-store',
  });
  try {
    await pipeline(exportStream(exports, campaignId, format), res);
  } catch (error) {
    // Headers are out: a storage fault mid-stream can only cut the response short (the client sees it truncated).
    if (!res.destroyed || (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.warn({ err: error, campaignId }, 'export stream ended early');
  }
}
