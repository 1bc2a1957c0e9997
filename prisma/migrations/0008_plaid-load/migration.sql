-- Real Plaid data (issue 12): unofficial currencies are kept, and accounts know their source so
-- a newer sandbox snapshot replaces (rather than adds to) what the older one loaded.
ALTER TABLE "accounts" ADD COLUMN "unofficial_currency_code" TEXT;
ALTER TABLE "accounts" ADD COLUMN "source" TEXT;
ALTER TABLE "transactions" ADD COLUMN "unofficial_currency_code" TEXT;

-- Sandbox accounts are the only ones whose ids ingest derives ("sbx_" + hash).
UPDATE "accounts" SET "source" = 'sandbox' WHERE "account_id" LIKE 'sbx\_%' ESCAPE '\';
