CREATE TABLE "tenant_revisions" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
-- Every change to a tenant's credentials or defaults bumps its revision in the same transaction,
-- whatever wrote it (a request, the refresh sweep, another instance): the credential-list cache
-- is keyed by it, so no write path can forget to invalidate the cache.
CREATE FUNCTION "bump_tenant_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "tenant_revisions" AS r ("tenant_id", "revision")
  VALUES (COALESCE(NEW."tenant_id", OLD."tenant_id"), 1)
  ON CONFLICT ("tenant_id") DO UPDATE SET "revision" = r."revision" + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "credentials_bump_tenant_revision" AFTER INSERT OR UPDATE OR DELETE ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION "bump_tenant_revision"();
--> statement-breakpoint
CREATE TRIGGER "default_credentials_bump_tenant_revision" AFTER INSERT OR UPDATE OR DELETE ON "default_credentials"
  FOR EACH ROW EXECUTE FUNCTION "bump_tenant_revision"();
