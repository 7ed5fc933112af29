CREATE TABLE "dispatch_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"store_id" text NOT NULL,
	"reason" text,
	"outcome" text NOT NULL,
	"next_store_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "offer_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "dispatch_state" text;--> statement-breakpoint
ALTER TABLE "stock" ADD COLUMN "reserved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "delivery_radius_m" integer DEFAULT 3000 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_next_store_id_stores_id_fk" FOREIGN KEY ("next_store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_notices_at_idx" ON "dispatch_notices" USING btree ("at");--> statement-breakpoint
CREATE INDEX "orders_offer_due_idx" ON "orders" USING btree ("offer_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "orders_dispatch_state_idx" ON "orders" USING btree ("dispatch_state") WHERE dispatch_state IS NOT NULL;--> statement-breakpoint
-- Offers made before this column existed expire too.
UPDATE "orders" SET "offer_expires_at" = ("data"->>'offerExpiresAt')::timestamptz WHERE "status" = 'offered';
