-- Written by hand from the generated diff (which added both columns NOT NULL at once, failing
-- on any database with rows): existing incidents are numbered in the order they were created,
-- and each event takes its incident's number (its source is then that number and its position,
-- which it already held). SET NOT NULL fails, rather than drops anything,
-- should an event have no incident (nothing can make one). The UPDATE writes every event row
-- again and DROP COLUMN frees nothing: an existing database is larger afterwards until
-- autovacuum reuses the space or an operator runs VACUUM FULL "Event" (README, "Upgrading").

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "number" INTEGER;
UPDATE "Incident" AS i SET "number" = n."number" FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS "number" FROM "Incident") AS n WHERE n."id" = i."id";
ALTER TABLE "Incident" ALTER COLUMN "number" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "incidentNumber" INTEGER;
UPDATE "Event" AS e SET "incidentNumber" = i."number" FROM "Incident" AS i WHERE i."id" = e."incidentId";
ALTER TABLE "Event" ALTER COLUMN "incidentNumber" SET NOT NULL;

-- DropIndex
DROP INDEX "Event_incidentId_ts_position_seq_idx";

-- DropIndex
DROP INDEX "Event_sourceId_seq_idx";

-- AlterTable
ALTER TABLE "Event" DROP COLUMN "incidentId",
DROP COLUMN "sourceId";

-- CreateIndex
CREATE INDEX "Event_incidentNumber_ts_position_seq_idx" ON "Event"("incidentNumber", "ts", "position", "seq");

-- CreateIndex
CREATE INDEX "Event_incidentNumber_position_seq_idx" ON "Event"("incidentNumber", "position", "seq");
