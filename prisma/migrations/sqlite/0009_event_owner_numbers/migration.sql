-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "profile" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false
);
-- Written by hand: existing incidents are numbered in the order they were created.
INSERT INTO "new_Incident" ("createdAt", "demo", "id", "name", "profile", "updatedAt", "number") SELECT "createdAt", "demo", "id", "name", "profile", "updatedAt", row_number() OVER (ORDER BY "createdAt", "id") FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentNumber" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER,
    "idx" INTEGER,
    "spanId" TEXT,
    "ts" REAL,
    "startTs" REAL,
    "endTs" REAL,
    "service" TEXT,
    "level" TEXT,
    "name" TEXT,
    "status" TEXT,
    "message" TEXT,
    "requestId" TEXT,
    "correlationId" TEXT,
    "traceId" TEXT,
    "parentSpanId" TEXT,
    "sessionId" TEXT,
    "attributes" TEXT,
    "raw" TEXT,
    "rawOffset" BIGINT,
    "rawLength" INTEGER,
    "unparsed" BOOLEAN NOT NULL DEFAULT false
);
-- Written by hand: each event takes its incident's number (a LEFT JOIN, so that an event
-- without an incident, which nothing can make, would fail the migration instead of vanishing);
-- its source is then its incident's number and its position, which it already held.
INSERT INTO "new_Event" ("attributes", "correlationId", "endTs", "id", "idx", "incidentNumber", "level", "line", "message", "name", "parentSpanId", "position", "raw", "rawLength", "rawOffset", "requestId", "seq", "service", "sessionId", "spanId", "startTs", "status", "traceId", "ts", "unparsed") SELECT e."attributes", e."correlationId", e."endTs", e."id", e."idx", i."number", e."level", e."line", e."message", e."name", e."parentSpanId", e."position", e."raw", e."rawLength", e."rawOffset", e."requestId", e."seq", e."service", e."sessionId", e."spanId", e."startTs", e."status", e."traceId", e."ts", e."unparsed" FROM "Event" AS e LEFT JOIN "Incident" AS i ON i."id" = e."incidentId";
-- Written by hand, as in 0006 and 0008: the copy only moves the sequence up to the highest id
-- that is left, and an id of a deleted event must never be given again (annotations and story
-- findings name events by id).
INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'new_Event', 0 WHERE NOT EXISTS (SELECT 1 FROM "sqlite_sequence" WHERE "name" = 'new_Event');
UPDATE "sqlite_sequence" SET "seq" = MAX("seq", COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Event'), 0)) WHERE "name" = 'new_Event';
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_incidentNumber_ts_position_seq_idx" ON "Event"("incidentNumber", "ts", "position", "seq");
CREATE INDEX "Event_incidentNumber_position_seq_idx" ON "Event"("incidentNumber", "position", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
