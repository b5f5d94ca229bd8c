ALTER TABLE "delivery_rows" DROP CONSTRAINT "delivery_rows_delivery_id_deliveries_id_fk";
--> statement-breakpoint
ALTER TABLE "employments" DROP CONSTRAINT "employments_person_id_persons_id_fk";
--> statement-breakpoint
ALTER TABLE "employments" DROP CONSTRAINT "employments_board_id_boards_id_fk";
--> statement-breakpoint
ALTER TABLE "employments" DROP CONSTRAINT "employments_school_id_schools_id_fk";
--> statement-breakpoint
ALTER TABLE "employments" DROP CONSTRAINT "employments_location_id_locations_id_fk";
--> statement-breakpoint
ALTER TABLE "person_history" DROP CONSTRAINT "person_history_person_id_persons_id_fk";
--> statement-breakpoint
ALTER TABLE "person_history" DROP CONSTRAINT "person_history_employment_id_employments_id_fk";
--> statement-breakpoint
ALTER TABLE "person_invitations" DROP CONSTRAINT "person_invitations_person_id_persons_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_numbers" DROP CONSTRAINT "staff_numbers_board_id_boards_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_numbers" DROP CONSTRAINT "staff_numbers_person_id_persons_id_fk";
--> statement-breakpoint
DROP INDEX "employments_board_status";--> statement-breakpoint
ALTER TABLE "employments" ADD COLUMN "first_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "first_delivery_id" uuid;--> statement-breakpoint
-- a new record's start moves from a history line to the record itself
UPDATE "persons" p SET "first_delivery_id" = h."delivery_id" FROM "person_history" h WHERE h."person_id" = p."id" AND h."kind" = 'persoon-nieuw';
--> statement-breakpoint
UPDATE "employments" e SET "first_delivery_id" = h."delivery_id" FROM "person_history" h WHERE h."employment_id" = e."id" AND h."kind" = 'dienstverband-nieuw';
--> statement-breakpoint
DELETE FROM "person_history" WHERE "kind" IN ('persoon-nieuw', 'dienstverband-nieuw');
--> statement-breakpoint
-- employments and staff numbers refer to the directory without foreign keys: its rows are closed, never deleted
CREATE FUNCTION "refuse_directory_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Organisaties worden nooit verwijderd, alleen als opgeheven gemarkeerd (%). / Organisations are closed, never deleted.', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER "boards_never_deleted" BEFORE DELETE OR TRUNCATE ON "boards" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_directory_delete"();
--> statement-breakpoint
CREATE TRIGGER "schools_never_deleted" BEFORE DELETE OR TRUNCATE ON "schools" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_directory_delete"();
--> statement-breakpoint
CREATE TRIGGER "locations_never_deleted" BEFORE DELETE OR TRUNCATE ON "locations" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_directory_delete"();
--> statement-breakpoint
CREATE FUNCTION "refuse_person_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Personen worden nooit verwijderd: een samenvoeging laat een verwijzing achter. / Persons are never deleted.';
END $$;
--> statement-breakpoint
CREATE TRIGGER "persons_never_deleted" BEFORE DELETE OR TRUNCATE ON "persons" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_person_delete"();
