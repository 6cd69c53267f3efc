import { z } from 'zod';

/**
 * One item of `GET /subsequences?parent_campaign=…` (the OpenAPI document; never captured). Its
 * sending status (`GET /subsequences/{id}/sending-status`) has the campaign's `SendingStatus` shape.
 */
export const Subsequence = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  parent_campaign: z.string().optional(),
  status: z.number().optional(),
});
export type Subsequence = z.infer<typeof Subsequence>;
