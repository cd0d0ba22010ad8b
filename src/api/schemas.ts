// Request and response schemas shared by the API routes and its OpenAPI document.
import { z } from 'zod';
import { errorSchema } from './errors.ts';
import { estimateInputSchema, estimateSchema } from '../lib/quota/estimate.ts';

export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
  400: jsonContent(errorSchema, 'Invalid request: `fields` names each field at fault.'),
  413: jsonContent(errorSchema, 'Body over 32 KB.'),
  415: jsonContent(errorSchema, 'Body is not JSON.'),
  429: jsonContent(errorSchema, 'Too many writes from this client; see Retry-After.'),
};

export const quoteSchema = z
  .object({
    id: z.string(),
    url: z.string().meta({ description: 'Site path that opens the quote read-only.' }),
    input: estimateInputSchema.required(),
    estimate: estimateSchema,
    priceListVersion: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Quote' });

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export { errorSchema };
