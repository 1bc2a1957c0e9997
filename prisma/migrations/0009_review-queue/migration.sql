-- The review queue groups pending copies by customer and filters by flagged, window and kind:
-- one covering index lets it read them in customer order without touching the table's rows.
CREATE INDEX "recommendations_status_user_id_flagged_window_kind_idx" ON "recommendations"("status", "user_id", "flagged", "window", "kind");
