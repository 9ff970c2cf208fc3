import { z } from 'zod';

/** Building blocks of configuration entries (every section of the table uses these). */
export const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
export const list = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export interface ConfigEntry {
  env: string;
  default: string | undefined;
  schema: z.ZodType;
  description: string;
}
