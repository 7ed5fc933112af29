ALTER TABLE "orders" ADD COLUMN "status_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Time in the state: the last step that changed the status, or the intake for an order never moved (docs/board.md BD3).
UPDATE "orders" o SET "status_since" = COALESCE(
  (SELECT max(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."from_status" <> e."to_status"),
  o."created_at");--> statement-breakpoint
-- No order without an owner (BD1): the agent who took it, else the first head-office account.
UPDATE "orders" o SET "owner_user_id" = COALESCE(
  (SELECT e."actor_user_id" FROM "order_events" e JOIN "users" u ON u."id" = e."actor_user_id" AND u."role" = 'hq'
   WHERE e."order_id" = o."id" AND e."type" = 'create' LIMIT 1),
  (SELECT u."id" FROM "users" u WHERE u."role" = 'hq' ORDER BY u."username" LIMIT 1))
WHERE o."owner_user_id" IS NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "owner_user_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promised_at" timestamp with time zone;--> statement-breakpoint
UPDATE "orders" SET "promised_at" = ("data"->>'promisedAt')::timestamptz WHERE "data" ? 'promisedAt';--> statement-breakpoint
CREATE INDEX "orders_open_idx" ON "orders" USING btree ("status_since") WHERE status NOT IN ('closed', 'cancelled');
