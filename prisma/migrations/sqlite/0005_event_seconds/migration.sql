-- CreateTable
CREATE TABLE "EventSecond" (
    "sourceId" TEXT NOT NULL,
    "second" REAL NOT NULL,
    "count" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,

    PRIMARY KEY ("sourceId", "second"),
    CONSTRAINT "EventSecond_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Backfill: the per-second counts of the sources ingested before this table existed
-- (floor of ts / 1000 without floor(), which not every SQLite build has).
INSERT INTO "EventSecond" ("sourceId", "second", "count", "errors")
SELECT "sourceId", "second", COUNT(*), SUM(CASE WHEN "level" IN ('error', 'fatal') THEN 1 ELSE 0 END)
FROM (
    SELECT "sourceId", "level",
        CAST("ts" / 1000 AS INTEGER) - (CASE WHEN "ts" < 0 AND "ts" / 1000 <> CAST("ts" / 1000 AS INTEGER) THEN 1 ELSE 0 END) AS "second"
    FROM "Event"
    WHERE "ts" IS NOT NULL AND "sourceId" IN (SELECT "id" FROM "Source" WHERE "status" = 'ready')
)
GROUP BY "sourceId", "second";
