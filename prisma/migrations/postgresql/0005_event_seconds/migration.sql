-- CreateTable
CREATE TABLE "EventSecond" (
    "sourceId" TEXT NOT NULL,
    "second" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,

    CONSTRAINT "EventSecond_pkey" PRIMARY KEY ("sourceId","second")
);

-- AddForeignKey
ALTER TABLE "EventSecond" ADD CONSTRAINT "EventSecond_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the per-second counts of the sources ingested before this table existed.
INSERT INTO "EventSecond" ("sourceId", "second", "count", "errors")
SELECT "sourceId", floor("ts" / 1000), COUNT(*), SUM(CASE WHEN "level" IN ('error', 'fatal') THEN 1 ELSE 0 END)
FROM "Event"
WHERE "ts" IS NOT NULL AND "sourceId" IN (SELECT "id" FROM "Source" WHERE "status" = 'ready')
GROUP BY "sourceId", floor("ts" / 1000);
