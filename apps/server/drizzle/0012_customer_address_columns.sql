ALTER TABLE "customers" DROP COLUMN "address";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "lat";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "lng";