-- DropIndex
DROP INDEX "merchant_aliases_merchant_id_idx";

-- DropIndex
DROP INDEX "transactions_merchant_id_idx";
