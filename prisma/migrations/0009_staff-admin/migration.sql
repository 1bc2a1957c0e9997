-- Staff accounts can be disabled by an admin (lib/services/staff.ts disableStaff).
ALTER TABLE "staff_users" ADD COLUMN "disabled_at" DATETIME;
