-- Who flagged a recommendation for a second review: a different staff member must decide it.
ALTER TABLE "recommendations" ADD COLUMN "flagged_by" TEXT;
