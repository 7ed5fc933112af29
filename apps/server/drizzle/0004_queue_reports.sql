ALTER TABLE "sync_clients" ADD COLUMN "reported_depth" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD COLUMN "reported_order_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD COLUMN "reported_at" timestamp with time zone;