-- Written by hand: EventKey gains the number of the incident of each event (why: the SQLite migration of the same number).
CREATE TABLE "new_EventKey" (
    "incidentNumber" INTEGER NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "eventId" INTEGER NOT NULL
);
INSERT INTO "new_EventKey" ("incidentNumber", "key", "eventId")
SELECT e."incidentNumber", k."key", k."eventId" FROM "EventKey" AS k JOIN "Event" AS e ON e."id" = k."eventId" ORDER BY 1, 2, 3;
DROP TABLE "EventKey";
ALTER TABLE "new_EventKey" RENAME TO "EventKey";
ALTER TABLE "EventKey" ADD CONSTRAINT "EventKey_pkey" PRIMARY KEY ("incidentNumber", "key", "eventId");
ANALYZE "EventKey";
