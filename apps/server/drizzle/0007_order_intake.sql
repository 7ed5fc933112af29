ALTER TABLE "orders" ADD COLUMN "channel" text DEFAULT 'phone' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "call_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "owner_user_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "review_state" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_owner_idx" ON "orders" USING btree ("owner_user_id","status");--> statement-breakpoint
-- Orders taken before owners were kept belong to the agent who took them.
UPDATE "orders" o SET "owner_user_id" = e."actor_user_id"
FROM "order_events" e JOIN "users" u ON u."id" = e."actor_user_id"
WHERE e."order_id" = o."id" AND e."type" = 'create' AND o."owner_user_id" IS NULL;
