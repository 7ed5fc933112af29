CREATE TABLE "customer_addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"district" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"how_located" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "notes_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "member_level" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD CONSTRAINT "customer_addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_addresses_customer_idx" ON "customer_addresses" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_phone_last4_idx" ON "customers" USING btree (right("phone", 4));--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
-- Phones as digits only (normalisePhone); the demo's already are.
UPDATE "customers" SET "phone" = regexp_replace("phone", '[^0-9]', '', 'g') WHERE "phone" ~ '[^0-9]';--> statement-breakpoint
-- Each customer's one address becomes the first of their file. Before the file, customers came from
-- the demo loader (ids c-001 …: their points are the demo's) or from a web order (the shop's map pin).
INSERT INTO "customer_addresses" ("id", "customer_id", "label", "text", "district", "lat", "lng", "how_located")
SELECT 'addr-' || "id", "id", '家', "address", coalesce(substring("address" from '^(?:上海市?)?([^市 ]+?(?:新区|区))'), ''), "lat", "lng",
  CASE WHEN "id" ~ '^c-[0-9]+$' THEN 'demo' ELSE 'pin' END
FROM "customers";
