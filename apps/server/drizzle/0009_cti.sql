CREATE TABLE "cti_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"caller_raw" text NOT NULL,
	"caller" text NOT NULL,
	"called" text NOT NULL,
	"extension" text NOT NULL,
	"agent_user_id" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cti_calls_call_id_unique" UNIQUE("call_id")
);
--> statement-breakpoint
CREATE TABLE "cti_extensions" (
	"extension" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "cti_extensions_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "cti_calls" ADD CONSTRAINT "cti_calls_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cti_extensions" ADD CONSTRAINT "cti_extensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cti_calls_agent_idx" ON "cti_calls" USING btree ("agent_user_id","received_at");