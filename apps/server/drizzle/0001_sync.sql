CREATE TABLE "store_order_removals" (
	"store_id" text NOT NULL,
	"order_id" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "store_order_removals_store_id_order_id_version_pk" PRIMARY KEY("store_id","order_id","version")
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"last_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_outcomes" (
	"client_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"status" text NOT NULL,
	"rejection" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_outcomes_client_id_mutation_id_pk" PRIMARY KEY("client_id","mutation_id")
);
--> statement-breakpoint
ALTER TABLE "store_order_removals" ADD CONSTRAINT "store_order_removals_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_order_removals" ADD CONSTRAINT "store_order_removals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD CONSTRAINT "sync_clients_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_outcomes" ADD CONSTRAINT "sync_outcomes_client_id_sync_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."sync_clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_order_removals_idx" ON "store_order_removals" USING btree ("store_id","version");