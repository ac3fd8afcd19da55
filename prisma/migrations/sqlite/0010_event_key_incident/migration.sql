-- Written by hand (Prisma cannot say WITHOUT ROWID, and the redefinition it writes would not
-- fill the new column): EventKey gains the number of the incident of each event, first in its
-- primary key, so that a lookup in one incident never reads the keys of other incidents holding
-- the same ids (evidence uploaded into two incidents, counters that every service restarts).
-- Keys of events that no longer exist are not carried over.
CREATE TABLE "new_EventKey" (
    "incidentNumber" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,

    PRIMARY KEY ("incidentNumber", "key", "eventId")
) WITHOUT ROWID;
INSERT INTO "new_EventKey" ("incidentNumber", "key", "eventId")
SELECT e."incidentNumber", k."key", k."eventId" FROM "EventKey" AS k JOIN "Event" AS e ON e."id" = k."eventId"
ORDER BY 1, 2, 3;
DROP TABLE "EventKey";
ALTER TABLE "new_EventKey" RENAME TO "EventKey";
