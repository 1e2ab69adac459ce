import { z } from 'zod';
import { LAND_PURPOSES, RELATIONS } from '../../../domain/household/household';
import { type PlainDate, parsePlainDate } from '../../../domain/shared/plain-date';

/** A whole civil day; validated here, branded for the domain. */
export const PlainDateString = z
  .string()
  .refine((s) => parsePlainDate(s).ok, 'expected an existing day as YYYY-MM-DD')
  .transform((s) => s as PlainDate);
const Kato = z.string().regex(/^\d{9}$/, 'a KATO code is 9 digits');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Requests brand their dates (a transform); responses describe the same shape with plain strings, because
 * a response schema must be serialisable without transforms.
 */
function householdSchemas<D extends z.ZodType<string>>(date: D) {
  const member = z.object({
    iin: z.string().max(32),
    surname: Text(100),
    name: Text(100),
    patronymic: z.string().trim().max(100).optional(),
    relation: z.enum(RELATIONS),
    joinedOn: date,
    leftOn: date.optional(),
  });
  const yearly = z.object({
    referenceYear: z.number().int(),
    landPlots: z
      .array(
        z.object({
          purpose: z.enum(LAND_PURPOSES),
          areaHa: z.number(),
          cadastralNumber: z.string().trim().max(64).optional(),
        }),
      )
      .max(50),
    livestock: z.record(z.string().max(40), z.number()),
    machinery: z.array(z.object({ description: Text(200), count: z.number().int() })).max(50),
  });
  return z.object({
    bookNumber: Text(20),
    accountNumber: Text(20),
    akimatKato: Kato,
    settlementKato: Kato,
    address: Text(300),
    status: z.enum(['open', 'closed']),
    closedOn: date.optional(),
    closeReason: z.string().max(500).optional(),
    members: z.array(member).min(1).max(30),
    yearlyRecords: z.array(yearly).max(50),
  });
}

export const HouseholdSchema = householdSchemas(PlainDateString);
export const HouseholdOutSchema = householdSchemas(z.string());

export const HouseholdSummarySchema = z.object({
  id: z.string(),
  akimatKato: z.string(),
  settlementKato: z.string(),
  bookNumber: z.string(),
  accountNumber: z.string(),
  address: z.string(),
  status: z.enum(['open', 'closed']),
  headName: z.string(),
  currentVersion: z.number(),
  matchedName: z.string().optional(),
});

export const HouseholdViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  asOf: z.string(),
  household: HouseholdOutSchema,
  history: z.array(
    z.object({
      householdId: z.string(),
      version: z.number(),
      change: z.enum(['created', 'edited', 'imported', 'closed', 'reopened']),
      recordedOn: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      recordedByName: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});

export const Reason = Text(500);
export const ChangeResultSchema = z.object({ householdId: z.string(), version: z.number() });
