import { z } from "zod";

export const signInRequestSchema = z.strictObject({
  citizenId: z
    .string({ error: "is required and must be a string" })
    .regex(/^[a-z0-9-]{3,64}$/, "must be a demo citizen id such as demo-li-ming"),
});

export const citizenSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    fields: z.record(z.string(), z.union([z.string(), z.number()])).describe("personal numbers masked"),
  })
  .meta({ id: "Citizen" });

export const sessionResponseSchema = z
  .object({ token: z.string(), expiresAt: z.string(), citizen: citizenSchema })
  .meta({ id: "CitizenSession" });
