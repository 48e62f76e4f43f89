CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"provider_id" text,
	"credential_id" text,
	"outcome" text NOT NULL,
	"request_id" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"tenant_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"method" text NOT NULL,
	"health" text NOT NULL,
	"account" text,
	"values" jsonb NOT NULL,
	"secrets_sealed" jsonb NOT NULL,
	"tokens_sealed" text,
	"token_expires_at" timestamp with time zone,
	"last_refresh_at" timestamp with time zone,
	"refresh_failed_at" timestamp with time zone,
	"last_verified_at" timestamp with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "default_credentials" (
	"tenant_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"credential_id" text NOT NULL,
	CONSTRAINT "default_credentials_tenant_id_provider_id_pk" PRIMARY KEY("tenant_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"credential_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_provider_id_key_pk" PRIMARY KEY("tenant_id","provider_id","key")
);
--> statement-breakpoint
CREATE TABLE "oauth_clients" (
	"tenant_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"mode" text NOT NULL,
	"client_id" text,
	"client_secret_sealed" text,
	"extra" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "oauth_clients_tenant_id_provider_id_pk" PRIMARY KEY("tenant_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "oauth_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"state_hash" text NOT NULL,
	"binding_hash" text NOT NULL,
	"code_verifier_sealed" text NOT NULL,
	"client_id" text NOT NULL,
	"client_mode" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"scope" text NOT NULL,
	"reauthorize_credential_id" text,
	"status" text NOT NULL,
	"credential_id" text,
	"error_code" text,
	"error_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "revocation_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"credential_id" text NOT NULL,
	"client_id" text NOT NULL,
	"client_mode" text NOT NULL,
	"tokens_sealed" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"given_up_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "default_credentials" ADD CONSTRAINT "default_credentials_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_by_tenant" ON "audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_unique_name" ON "credentials" USING btree ("tenant_id","provider_id","name_key");--> statement-breakpoint
CREATE INDEX "credentials_by_tenant" ON "credentials" USING btree ("tenant_id","created_at","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_flows_state" ON "oauth_flows" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "revocation_outbox_due" ON "revocation_outbox" USING btree ("given_up_at","next_attempt_at");