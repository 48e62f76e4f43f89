ALTER TABLE "credentials" ADD COLUMN "granted_scopes" text;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "refreshable" boolean;