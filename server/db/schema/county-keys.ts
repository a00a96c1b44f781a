// Drizzle tables mirroring migrations/0009_county_keys.sql (the SQL is the source of truth):
// login names, unique across counties (a reference table; users itself is keyed by county)
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const loginNames = pgTable('login_names', {
  username: text('username').primaryKey(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
});
